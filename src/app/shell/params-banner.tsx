import { defaultParseSearch, useLocation } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { globalSearchSchema, invalidParams } from '../../lib/global-search.ts';
import { parseInstant } from '../../lib/time-range.ts';

/** Tells the person which parts of a pasted link were ignored, instead of silently dropping them. */
export function ParamsBanner() {
  // The raw query string: `location.search` is already validated, so bad values are gone there.
  const searchStr = useLocation({ select: (l) => l.searchStr });
  const raw = useMemo(() => defaultParseSearch(searchStr) as Record<string, unknown>, [searchStr]);
  const [dismissed, setDismissed] = useState<string>();
  const bad = invalidParams(raw, globalSearchSchema);
  const from = typeof raw.from === 'string' ? parseInstant(raw.from) : undefined;
  const to = typeof raw.to === 'string' ? parseInstant(raw.to) : undefined;
  if (from !== undefined && to !== undefined && from >= to)
    bad.push('from/to (start is not before end)');
  if (
    (from === undefined) !== (to === undefined) &&
    (raw.from !== undefined || raw.to !== undefined)
  )
    bad.push('from/to (both are needed)');
  const key = bad.join(',');
  if (!bad.length || dismissed === key) return null;
  return (
    <div role="status" className="banner banner-warn">
      Ignored invalid link parameters:{' '}
      {bad.map((b) => (
        <code key={b}>{b}</code>
      ))}{' '}
      — showing defaults instead.{' '}
      <button type="button" className="link-button" onClick={() => setDismissed(key)}>
        Dismiss
      </button>
    </div>
  );
}
