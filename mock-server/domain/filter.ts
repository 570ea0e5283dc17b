/**
 * TEMPORARY ADAPTER — replace the bodies with calls into src/xray/filter/index.ts
 * (parseFilter / compileFilter / describeFilterError / parseEntitySelector) once it lands; the
 * exported signatures below are what the server uses and stay.
 * Meanwhile it understands only conjunctions of the bare boolean keywords, so ingest and the
 * group routes can be exercised; anything else is reported as not yet supported.
 */
import type { EntitySelector } from '../../src/xray/service-graph/time-series.ts';
import type { TraceFacts } from '../../src/xray/trace/facts.ts';
import type { ServiceId } from '../../src/xray/types.ts';

export type TracePredicate = (facts: TraceFacts) => boolean;
export type CompiledFilter =
  | { ok: true; predicate: TracePredicate }
  | { ok: false; message: string };
/** Looks up a group's filter text for `group.name = "…"` terms. */
export type GroupResolver = (nameOrArn: string) => string | undefined;

const FLAGS: Record<string, (f: TraceFacts) => boolean> = {
  ok: (f) => !f.summary.HasError && !f.summary.HasFault && !f.summary.HasThrottle,
  error: (f) => f.summary.HasError === true,
  fault: (f) => f.summary.HasFault === true,
  throttle: (f) => f.summary.HasThrottle === true,
  partial: (f) => f.summary.IsPartial === true,
};

/** Parses and compiles a filter expression; the message names the position of a problem. */
export function compileFilterText(text: string, _resolveGroup: GroupResolver): CompiledFilter {
  const terms: TracePredicate[] = [];
  const re = /\S+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const word = m[0].toLowerCase();
    if (word === 'and') continue;
    const neg = word.startsWith('!');
    const test = FLAGS[neg ? word.slice(1) : word];
    if (!test) {
      return {
        ok: false,
        message: `Invalid filter expression at position ${m.index + 1}: unexpected "${m[0]}"`,
      };
    }
    terms.push(neg ? (f) => !test(f) : test);
  }
  return { ok: true, predicate: (f) => terms.every((t) => t(f)) };
}

export type ParsedSelector =
  | { ok: true; selector: EntitySelector }
  | { ok: false; message: string };

const byName = (name: string, type?: string) => (id: ServiceId) =>
  (id.Name === name || (id.Names ?? []).includes(name)) && (type === undefined || id.Type === type);

/** Parses an EntitySelectorExpression (`service("a")`, `edge("a","b")`, `id(name: "a", type: "t")`). */
export function parseSelector(text: string): ParsedSelector {
  const svc = /^\s*service\(\s*"([^"]*)"\s*\)\s*$/i.exec(text);
  if (svc) return { ok: true, selector: { kind: 'service', match: byName(svc[1] ?? '') } };
  const id =
    /^\s*(?:service\(\s*)?id\(\s*name\s*:\s*"([^"]*)"\s*(?:,\s*type\s*:\s*"([^"]*)"\s*)?\)\s*\)?\s*$/i.exec(
      text,
    );
  if (id) return { ok: true, selector: { kind: 'service', match: byName(id[1] ?? '', id[2]) } };
  const edge = /^\s*edge\(\s*"([^"]*)"\s*,\s*"([^"]*)"\s*\)\s*$/i.exec(text);
  if (edge)
    return {
      ok: true,
      selector: { kind: 'edge', from: byName(edge[1] ?? ''), to: byName(edge[2] ?? '') },
    };
  return {
    ok: false,
    message: `Invalid entity selector expression at position 1: "${text.slice(0, 80)}"`,
  };
}
