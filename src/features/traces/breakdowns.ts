import type { TraceSummary } from '../../xray/types.ts';
import { quote } from './filter-text.ts';
import { type AnnotationLiteral, annotationLiteral, type TraceRow } from './trace-rows.ts';

/** One value of a breakdown: how many current traces have it, and the clause that keeps only them. */
export interface BreakdownValue {
  label: string;
  count: number;
  clause: string;
}

export interface Breakdown {
  id: string;
  title: string;
  /** Most frequent first, at most `top` of them. */
  values: BreakdownValue[];
  /** How many distinct values there were in all. */
  distinct: number;
}

/** Annotation keys the dotted form can name (X-Ray keys are alphanumeric and underscore). */
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function literal(v: AnnotationLiteral): string {
  return typeof v === 'string' ? quote(v) : String(v);
}

/**
 * "Refine by" counts over the loaded summaries: URL, status code, user, service, root-cause
 * service and each annotation key. A trace counts once per distinct value it has, so a trace
 * through three services adds one to each. Pure; runs on every page arrival, O(rows × facets).
 */
export function deriveBreakdowns(rows: readonly TraceRow[], top = 8): Breakdown[] {
  const facets = new Map<string, { title: string; counts: Map<string, BreakdownValue> }>();
  const add = (id: string, title: string, label: string, clause: string, seen: Set<string>) => {
    const key = `${id}\u0000${clause}`;
    if (seen.has(key)) return;
    seen.add(key);
    let facet = facets.get(id);
    if (!facet) {
      facet = { title, counts: new Map() };
      facets.set(id, facet);
    }
    const v = facet.counts.get(clause);
    if (v) v.count++;
    else facet.counts.set(clause, { label, count: 1, clause });
  };

  for (const row of rows) {
    const seen = new Set<string>();
    if (row.url) add('url', 'URL', urlLabel(row.url), `http.url = ${quote(row.url)}`, seen);
    if (row.code !== undefined)
      add('status', 'Status code', String(row.code), `http.status = ${row.code}`, seen);
    for (const u of row.users) add('user', 'User', u, `user = ${quote(u)}`, seen);
    for (const s of row.summary.ServiceIds ?? [])
      if (s.Name) add('service', 'Service', s.Name, `service(${quote(s.Name)})`, seen);
    addRootCauses(row.summary, (label, clause) =>
      add('rootcause', 'Root-cause service', label, clause, seen),
    );
    for (const [key, values] of Object.entries(row.summary.Annotations ?? {})) {
      if (!PLAIN_KEY.test(key)) continue;
      for (const v of values) {
        const lit = annotationLiteral(v.AnnotationValue);
        if (lit === undefined) continue;
        add(
          `annotation.${key}`,
          `annotation.${key}`,
          String(lit),
          `annotation.${key} = ${literal(lit)}`,
          seen,
        );
      }
    }
  }

  const order = ['url', 'status', 'user', 'service', 'rootcause'];
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  return [...facets.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([id, f]) => {
      const all = [...f.counts.values()].sort(
        (a, b) => b.count - a.count || a.label.localeCompare(b.label),
      );
      return { id, title: f.title, values: all.slice(0, top), distinct: all.length };
    });
}

const CATEGORIES = [
  ['fault', 'FaultRootCauses'],
  ['error', 'ErrorRootCauses'],
  ['responsetime', 'ResponseTimeRootCauses'],
] as const;

function addRootCauses(s: TraceSummary, add: (label: string, clause: string) => void) {
  for (const [category, field] of CATEGORIES)
    for (const rc of s[field] ?? [])
      for (const svc of rc.Services ?? [])
        if (svc.Name)
          add(
            `${svc.Name} (${category === 'responsetime' ? 'response time' : category})`,
            `rootcause.${category}.service { name = ${quote(svc.Name)} }`,
          );
}

/** Path and query of a URL: the origin is usually the same for every row and hides the rest. */
export function urlLabel(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(.*)$/i.exec(url);
  return m?.[1] || url;
}
