import type { ServiceId } from '../types.ts';
import type { FilterError, Selector } from './ast.ts';
import { parseFilter } from './parser.ts';

/**
 * Whether a service-graph node is picked by a `service(…)`/`edge(…)` argument. A quoted name
 * matches any of the node's names, so `service("fn")` finds both the AWS::Lambda and the
 * AWS::Lambda::Function node; `id(…)` must match every field it gives. Case-sensitive.
 */
export function matchesSelector(selector: Selector | null, id: ServiceId): boolean {
  if (selector === null) return true;
  if (selector.kind === 'name') return hasName(id, selector.name);
  if (selector.name !== undefined && !hasName(id, selector.name)) return false;
  if (selector.type !== undefined && id.Type !== selector.type) return false;
  if (selector.accountId !== undefined && id.AccountId !== selector.accountId) return false;
  return true;
}

function hasName(id: ServiceId, name: string): boolean {
  return id.Name === name || (id.Names?.includes(name) ?? false);
}

type IdMatcher = (id: ServiceId) => boolean;

/**
 * What a GetTimeSeriesServiceStatistics `EntitySelectorExpression` picks, as predicates over
 * node ids: the shape `service-graph/time-series.ts` consumes (minus its `entry` case, which is
 * what an absent expression means).
 */
export type EntitySelector =
  | { kind: 'service'; match: IdMatcher }
  | { kind: 'edge'; from: IdMatcher; to: IdMatcher };

export type EntitySelectorResult =
  | { ok: true; selector: EntitySelector }
  | { ok: false; errors: FilterError[] };

/**
 * Parses an `EntitySelectorExpression`: the subset of the filter language that names one node
 * (`service(…)`) or one edge (`edge(…, …)`), without a `{ filter }` (reference/xray-api.md,
 * GetTimeSeriesServiceStatistics). Never throws.
 */
export function parseEntitySelector(text: string): EntitySelectorResult {
  const parsed = parseFilter(text);
  if (!parsed.ok) return parsed;
  const { expr } = parsed;
  if (expr.kind === 'service' && expr.filter === null) {
    const { selector } = expr;
    return {
      ok: true,
      selector: { kind: 'service', match: (id) => matchesSelector(selector, id) },
    };
  }
  if (expr.kind === 'edge' && expr.filter === null) {
    const { from, to } = expr;
    return {
      ok: true,
      selector: {
        kind: 'edge',
        from: (id) => matchesSelector(from, id),
        to: (id) => matchesSelector(to, id),
      },
    };
  }
  const message = 'An entity selector is a single service(…) or edge(…, …) without { }';
  return { ok: false, errors: [{ message, ...expr.span }] };
}
