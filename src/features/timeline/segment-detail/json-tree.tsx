import { useState } from 'react';
import { visibleText } from '../text.ts';
import { LongText } from './fields.tsx';

/**
 * Collapsible JSON for metadata. Children render only once their node is opened, so a 50-deep
 * or 100k-key document costs nothing until explored; long strings and big containers are cut
 * with the rest one click away. Values are rendered as text (never as HTML).
 */
const PAGE = 100;

export function JsonTree({ value, label }: { value: unknown; label: string }) {
  return (
    <ul className="json-tree" aria-label={label}>
      <JsonNode name={label} value={value} depth={0} />
    </ul>
  );
}

function JsonNode({ name, value, depth }: { name: string; value: unknown; depth: number }) {
  const container = typeof value === 'object' && value !== null;
  const [open, setOpen] = useState(depth < 1);
  const [shown, setShown] = useState(PAGE);
  if (!container) {
    return (
      <li>
        <span className="json-key">{visibleText(name)}</span>: <Scalar value={value} />
      </li>
    );
  }
  const isArray = Array.isArray(value);
  const keys = isArray ? null : Object.keys(value as object);
  const size = isArray ? (value as unknown[]).length : (keys as string[]).length;
  const summary = isArray ? `[${size}]` : `{${size}}`;
  return (
    <li>
      <button
        type="button"
        className="json-toggle"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? '▾' : '▸'} <span className="json-key">{visibleText(name)}</span>{' '}
        <span className="hint">{summary}</span>
      </button>
      {open && size > 0 && (
        <ul>
          {Array.from({ length: Math.min(size, shown) }, (_, i) => {
            const k = isArray ? String(i) : ((keys as string[])[i] as string);
            const v = isArray ? (value as unknown[])[i] : (value as Record<string, unknown>)[k];
            return <JsonNode key={k} name={k} value={v} depth={depth + 1} />;
          })}
          {size > shown && (
            <li>
              <button type="button" className="link-button" onClick={() => setShown(shown + PAGE)}>
                show {Math.min(PAGE, size - shown)} more of {size - shown}
              </button>
            </li>
          )}
        </ul>
      )}
    </li>
  );
}

function Scalar({ value }: { value: unknown }) {
  if (typeof value === 'string')
    return (
      <span className="json-string">
        "<LongText text={value} limit={300} />"
      </span>
    );
  return (
    <span className="json-scalar">{value === undefined ? 'undefined' : JSON.stringify(value)}</span>
  );
}
