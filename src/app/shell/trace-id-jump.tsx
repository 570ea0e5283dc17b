import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { normalizeTraceId } from '../../xray/ids.ts';

/** A trace ID pasted anywhere in the header opens that trace, whatever the time range. */
export function TraceIdJump() {
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  return (
    <form
      className="trace-jump"
      onSubmit={(e) => {
        e.preventDefault();
        const id = normalizeTraceId(value.trim());
        setInvalid(!id);
        if (id)
          void navigate({
            to: '/trace/$traceId',
            params: { traceId: id },
            search: (s) => ({ ...s }),
          });
      }}
    >
      <input
        aria-label="Go to trace ID"
        placeholder="Trace ID…"
        value={value}
        aria-invalid={invalid || undefined}
        onChange={(e) => {
          setValue(e.target.value);
          setInvalid(false);
        }}
      />
      {invalid && (
        <span className="field-error">
          Not a trace ID (1-xxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx or 32 hex)
        </span>
      )}
    </form>
  );
}
