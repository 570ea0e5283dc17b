import { defaultParseSearch } from '@tanstack/react-router';
import { useState } from 'react';
import type { z } from 'zod';
import { groupsSearchSchema } from '../../features/groups/search.ts';
import { mapSearchSchema } from '../../features/service-map/search.ts';
import { timelineSearchSchema } from '../../features/timeline/search.ts';
import { tracesSearchSchema } from '../../features/traces/search.ts';
import { globalSearchSchema, invalidParams } from '../../lib/global-search.ts';
import { parseInstant } from '../../lib/time-range.ts';

// The router rewrites the address to its validated form as soon as it starts, so the link as
// pasted is only visible here, read once when the console loads. Links the console builds
// itself are valid by construction; only a pasted or hand-edited link needs this check.
const landing = { path: window.location.pathname, search: window.location.search };

const ROUTE_SCHEMAS: [RegExp, z.ZodObject<z.ZodRawShape>][] = [
  [/^\/map\/?$/, mapSearchSchema],
  [/^\/traces\/?$/, tracesSearchSchema],
  [/^\/trace\//, timelineSearchSchema],
  [/^\/groups\/?$/, groupsSearchSchema],
];

/** What a pasted link asked for that the console could not use, in words. */
export function landingProblems(path: string, search: string): string[] {
  const raw = defaultParseSearch(search) as Record<string, unknown>;
  const bad = invalidParams(raw, globalSearchSchema);
  const route = ROUTE_SCHEMAS.find(([re]) => re.test(path))?.[1];
  if (route) bad.push(...invalidParams(raw, route));
  const from = typeof raw.from === 'string' ? parseInstant(raw.from) : undefined;
  const to = typeof raw.to === 'string' ? parseInstant(raw.to) : undefined;
  if (from !== undefined && to !== undefined && from >= to)
    bad.push('from/to (start is not before end)');
  else if ((raw.from === undefined) !== (raw.to === undefined))
    bad.push('from/to (both are needed)');
  return bad;
}

/** Tells the person which parts of a pasted link were ignored, instead of silently dropping them. */
export function ParamsBanner() {
  const [problems, setProblems] = useState(() => landingProblems(landing.path, landing.search));
  if (!problems.length) return null;
  return (
    <div role="status" className="banner banner-warn">
      Ignored invalid link parameters:{' '}
      {problems.map((b) => (
        <code key={b}>{b}</code>
      ))}{' '}
      — showing defaults instead.{' '}
      <button type="button" className="link-button" onClick={() => setProblems([])}>
        Dismiss
      </button>
    </div>
  );
}
