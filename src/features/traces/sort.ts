import { SORT_KEYS, type SortKey } from './trace-rows.ts';

/** Numbers and time read best largest/newest first; text reads best A→Z. */
const DESC_BY_DEFAULT = new Set<SortKey>(['time', 'status', 'code', 'responsetime', 'duration']);

/** The sort in effect for the URL's `sort`/`desc` (defaults are left out of the URL). */
export function sortFromSearch(s: { sort?: string; desc?: boolean }): {
  key: SortKey;
  desc: boolean;
} {
  const key = (SORT_KEYS as readonly string[]).includes(s.sort ?? '')
    ? (s.sort as SortKey)
    : 'time';
  return { key, desc: s.desc ?? DESC_BY_DEFAULT.has(key) };
}

/** The URL fields after clicking a column header: same column flips, a new one starts at its default. */
export function nextSort(
  current: { key: SortKey; desc: boolean },
  clicked: SortKey,
): { sort?: string; desc?: boolean } {
  const desc = clicked === current.key ? !current.desc : DESC_BY_DEFAULT.has(clicked);
  return {
    sort: clicked === 'time' ? undefined : clicked,
    desc: desc === DESC_BY_DEFAULT.has(clicked) ? undefined : desc,
  };
}
