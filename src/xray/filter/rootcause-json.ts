import type { TraceSummary } from '../types.ts';

/**
 * `rootcause.json = #[ … ]` (reference §4): "every field present in the pattern must match
 * exactly; fields left out are wildcards".
 *
 * Decisions (UNCONFIRMED in AWS's docs):
 * - each object of the pattern array must match some root cause of the trace, from any family
 *   (fault, error or response time — the docs don't say which; their example is response time);
 * - a nested array in the pattern (Services, EntityPath, Exceptions) must have the same length
 *   as the actual one and match it element by element, in order ("exactly these services");
 * - scalars compare with ===, so strings are case-sensitive.
 */
export function matchesRootCauseJson(pattern: readonly unknown[], s: TraceSummary): boolean {
  return pattern.every((p) => anyFamily(s, (rc) => matchJson(p, rc)));
}

function anyFamily(s: TraceSummary, test: (rc: unknown) => boolean): boolean {
  for (const family of [s.FaultRootCauses, s.ErrorRootCauses, s.ResponseTimeRootCauses]) {
    if (family?.some(test)) return true;
  }
  return false;
}

export function matchJson(pattern: unknown, actual: unknown): boolean {
  if (pattern === null || typeof pattern !== 'object') return pattern === actual;
  if (Array.isArray(pattern)) {
    return (
      Array.isArray(actual) &&
      actual.length === pattern.length &&
      pattern.every((p, i) => matchJson(p, actual[i]))
    );
  }
  if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
  const obj = actual as Record<string, unknown>;
  for (const [key, p] of Object.entries(pattern)) {
    if (!Object.hasOwn(obj, key) || !matchJson(p, obj[key])) return false;
  }
  return true;
}
