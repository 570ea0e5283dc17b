/**
 * The shared filter language (src/xray/filter) as the server uses it: parse + compile to a
 * predicate, or one X-Ray-style message that says where the problem is.
 */
import {
  compileFilter,
  describeFilterError,
  type FilterNode,
  matchesServiceSelector,
  parseEntitySelector,
  parseFilter,
} from '../../src/xray/filter/index.ts';
import type { EntitySelector } from '../../src/xray/service-graph/time-series.ts';
import type { TraceFacts } from '../../src/xray/trace/facts.ts';

export type TracePredicate = (facts: TraceFacts) => boolean;
/** A group's parsed filter for `group.name`/`group.arn` terms: null = no filter, undefined = no group. */
export type GroupResolver = (ref: { name?: string; arn?: string }) => FilterNode | null | undefined;

export type ParsedFilter = { ok: true; ast: FilterNode | null } | { ok: false; message: string };
export type CompiledFilter =
  | { ok: true; predicate: TracePredicate }
  | { ok: false; message: string };

export function parse(text: string): ParsedFilter {
  const parsed = parseFilter(text);
  return parsed.ok ? parsed : { ok: false, message: describeFilterError(text, parsed.errors) };
}

/** Parses and compiles a filter expression. */
export function compile(text: string, resolveGroup: GroupResolver): CompiledFilter {
  const parsed = parse(text);
  if (!parsed.ok) return parsed;
  return { ok: true, predicate: compileFilter(parsed.ast, { resolveGroup }) };
}

export type ParsedSelector =
  | { ok: true; selector: EntitySelector }
  | { ok: false; message: string };

/** Parses an EntitySelectorExpression into the predicates the time-series builder takes. */
export function parseSelector(text: string): ParsedSelector {
  const parsed = parseEntitySelector(text);
  if (!parsed.ok) {
    return {
      ok: false,
      message: describeFilterError(text, parsed.errors).replace(
        'filter expression',
        'entity selector expression',
      ),
    };
  }
  const s = parsed.selector;
  if (s.kind === 'service')
    return {
      ok: true,
      selector: { kind: 'service', match: (id) => matchesServiceSelector(s.service, id) },
    };
  return {
    ok: true,
    selector: {
      kind: 'edge',
      from: (id) => matchesServiceSelector(s.source, id),
      to: (id) => matchesServiceSelector(s.destination, id),
    },
  };
}
