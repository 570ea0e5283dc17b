import type {
  FaultRootCause,
  FaultRootCauseEntity,
  ResponseTimeRootCause,
  ResponseTimeRootCauseEntity,
  RootCauseException,
  RootCauseService,
  TraceSummary,
} from '../types.ts';
import type { RootCauseCategory, RootCauseLevel } from './keywords.ts';

/** One element of a root-cause list, with its position in that list (for first/last/index). */
export type RootCauseElement = { index: number; count: number } & (
  | { level: 'service'; item: RootCauseService<unknown> }
  | { level: 'entity'; item: FaultRootCauseEntity & ResponseTimeRootCauseEntity }
  | { level: 'exception'; item: RootCauseException }
);

type AnyRootCause = FaultRootCause | ResponseTimeRootCause;

function rootCausesOf(summary: TraceSummary, category: RootCauseCategory): AnyRootCause[] {
  if (category === 'fault') return summary.FaultRootCauses ?? [];
  if (category === 'error') return summary.ErrorRootCauses ?? [];
  return summary.ResponseTimeRootCauses ?? [];
}

/**
 * Whether `test` holds for some element at `level` of the summary's `category` root causes:
 * each root cause's Services, each service's EntityPath, each entity's Exceptions. Positions
 * are 0-based within each list.
 */
export function someRootCauseElement(
  summary: TraceSummary,
  category: RootCauseCategory,
  level: RootCauseLevel,
  test: (element: RootCauseElement) => boolean,
): boolean {
  for (const rc of rootCausesOf(summary, category)) {
    const services: RootCauseService<FaultRootCauseEntity & ResponseTimeRootCauseEntity>[] =
      rc.Services ?? [];
    for (const [si, service] of services.entries()) {
      if (level === 'service') {
        if (test({ level, item: service, index: si, count: services.length })) return true;
        continue;
      }
      const path = service.EntityPath ?? [];
      for (const [ei, entity] of path.entries()) {
        if (level === 'entity') {
          if (test({ level, item: entity, index: ei, count: path.length })) return true;
          continue;
        }
        const exceptions = entity.Exceptions ?? [];
        for (const [xi, exception] of exceptions.entries()) {
          const element = { level, item: exception, index: xi, count: exceptions.length };
          if (test(element)) return true;
        }
      }
    }
  }
  return false;
}

/**
 * `rootcause.json = #[…]`: every pattern in the array must match some root cause of one family
 * (fault, error or response time; the docs don't say which, so any). A trace without root causes
 * never matches, so `#[]` means "has a root cause".
 */
export function matchesRootCauseJson(summary: TraceSummary, pattern: readonly unknown[]): boolean {
  return (['fault', 'error', 'responsetime'] as const).some((category) => {
    const list = rootCausesOf(summary, category);
    return list.length > 0 && pattern.every((p) => list.some((rc) => jsonMatches(p, rc)));
  });
}

/**
 * Fields present in the pattern must match exactly, fields left out are wildcards; arrays match
 * element by element and must have the same length ("exactly these services"). Recursion depth
 * is bounded by the lexer's JSON nesting cap.
 */
export function jsonMatches(pattern: unknown, value: unknown): boolean {
  if (Array.isArray(pattern)) {
    return (
      Array.isArray(value) &&
      value.length === pattern.length &&
      pattern.every((p, i) => jsonMatches(p, value[i]))
    );
  }
  if (pattern !== null && typeof pattern === 'object') {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
    const v = value as Record<string, unknown>;
    return Object.entries(pattern).every(([k, p]) => Object.hasOwn(v, k) && jsonMatches(p, v[k]));
  }
  return pattern === value;
}
