import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { formatTime } from '../../lib/format.ts';
import {
  RELATIVE_RANGES,
  rangeToSearch,
  relativeLabel,
  type TimeRange,
  toIso,
} from '../../lib/time-range.ts';
import { usePreferences } from '../preferences.ts';
import { useTimeWindow } from '../use-global-search.ts';
import { fromInputValue, toInputValue } from './datetime-input.ts';

/** Relative presets or an absolute start/end, shown and entered in UTC or local time. */
export function TimeRangePicker() {
  const { range } = useTimeWindow();
  const navigate = useNavigate();
  const tz = usePreferences((p) => p.timeZone);
  const setTz = usePreferences((p) => p.setTimeZone);
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<{ from: string; to: string; error?: string }>();

  const apply = (next: TimeRange) => {
    void navigate({
      to: '.',
      search: (s) => ({
        ...s,
        last: undefined,
        from: undefined,
        to: undefined,
        ...rangeToSearch(next),
      }),
    });
    setOpen(false);
  };
  const label =
    range.kind === 'relative'
      ? relativeLabel(range.last)
      : `${formatTime(range.from, tz)} → ${formatTime(range.to, tz)}`;

  return (
    <div className="time-range">
      <button
        type="button"
        aria-label="Time range"
        aria-expanded={open}
        onClick={() => {
          const now = Date.now() / 1000;
          const from = range.kind === 'absolute' ? range.from : now - 3600;
          const to = range.kind === 'absolute' ? range.to : now;
          setDraft({ from: toInputValue(from, tz), to: toInputValue(to, tz) });
          setOpen(!open);
        }}
      >
        {label}
      </button>
      {open && draft && (
        <div className="popover" role="dialog" aria-label="Choose time range">
          <div className="presets">
            {RELATIVE_RANGES.map((r) => (
              <button
                key={r}
                type="button"
                aria-pressed={range.kind === 'relative' && range.last === r}
                onClick={() => apply({ kind: 'relative', last: r })}
              >
                {relativeLabel(r)}
              </button>
            ))}
          </div>
          <form
            className="absolute-range"
            onSubmit={(e) => {
              e.preventDefault();
              const from = fromInputValue(draft.from, tz);
              const to = fromInputValue(draft.to, tz);
              if (from === undefined || to === undefined)
                return setDraft({ ...draft, error: 'Enter both start and end.' });
              if (from >= to) return setDraft({ ...draft, error: 'Start must be before end.' });
              apply({ kind: 'absolute', from, to });
            }}
          >
            <label>
              Start
              <input
                type="datetime-local"
                step="1"
                aria-label="Start time"
                value={draft.from}
                onChange={(e) => setDraft({ ...draft, from: e.target.value, error: undefined })}
              />
            </label>
            <label>
              End
              <input
                type="datetime-local"
                step="1"
                aria-label="End time"
                value={draft.to}
                onChange={(e) => setDraft({ ...draft, to: e.target.value, error: undefined })}
              />
            </label>
            <fieldset className="tz">
              <legend>Time zone</legend>
              <label>
                <input
                  type="radio"
                  name="tz"
                  checked={tz === 'local'}
                  onChange={() => setTz('local')}
                />{' '}
                Local
              </label>
              <label>
                <input
                  type="radio"
                  name="tz"
                  checked={tz === 'utc'}
                  onChange={() => setTz('utc')}
                />{' '}
                UTC
              </label>
            </fieldset>
            {draft.error && <p className="field-error">{draft.error}</p>}
            <button type="submit">Apply absolute range</button>
          </form>
          {range.kind === 'absolute' && (
            <p className="hint">
              Now showing {toIso(range.from)} → {toIso(range.to)}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
