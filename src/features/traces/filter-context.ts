import type { TraceRow } from './trace-rows.ts';

type Value = string | number | boolean;

/**
 * What the filter box can suggest from the loaded traces: annotation keys (most common first)
 * with their most common values, and service names seen on the traces.
 */
export function completionContext(
  rows: readonly TraceRow[],
  maxValues = 12,
): { annotationKeys: string[]; annotationValues: Record<string, Value[]>; services: string[] } {
  const keys = new Map<string, Map<Value, number>>();
  const services = new Set<string>();
  for (const row of rows) {
    for (const [key, value] of Object.entries(row.annotations)) {
      let values = keys.get(key);
      if (!values) {
        values = new Map();
        keys.set(key, values);
      }
      values.set(value, (values.get(value) ?? 0) + 1);
    }
    for (const s of row.summary.ServiceIds ?? []) if (s.Name) services.add(s.Name);
  }
  const total = (m: Map<Value, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const annotationKeys = [...keys.keys()].sort(
    (a, b) => total(keys.get(b)!) - total(keys.get(a)!) || a.localeCompare(b),
  );
  const annotationValues: Record<string, Value[]> = {};
  for (const key of annotationKeys)
    annotationValues[key] = [...keys.get(key)!.entries()]
      .sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])))
      .slice(0, maxValues)
      .map(([v]) => v);
  return { annotationKeys, annotationValues, services: [...services].sort() };
}
