import type { HealthStatus } from '../../ui/service-graph/health.ts';

/**
 * Filter expressions the map hands to the Traces view, and the entity selectors it sends to
 * GetTimeSeriesServiceStatistics. Built here, from parts, never by pasting user text into a
 * template: names are quoted with the filter language's escapes (`\"` and `\\`).
 */

export function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A response-time range in seconds, from the panel's histogram brush. */
export type SecondsRange = readonly [number, number];

export interface TraceFilterParts {
  /** Only requests of this outcome (the clicked ring slice or legend entry); `ok` included. */
  status?: HealthStatus;
  responseTime?: SecondsRange;
}

/** `service("name")`, with `{ fault AND responsetime >= a AND responsetime <= b }` as asked. */
export function serviceFilter(name: string, parts: TraceFilterParts = {}): string {
  return `service(${quote(name)})${braces(parts)}`;
}

/** `edge("caller", "callee")`, with the same optional braces. */
export function edgeFilter(source: string, target: string, parts: TraceFilterParts = {}): string {
  return `edge(${quote(source)}, ${quote(target)})${braces(parts)}`;
}

/** A top-level filter for a status alone (the legend, with nothing selected). */
export function statusFilter(status: HealthStatus): string {
  return status;
}

function braces({ status, responseTime }: TraceFilterParts): string {
  const terms: string[] = [];
  if (status) terms.push(status);
  if (responseTime) {
    terms.push(`responsetime >= ${seconds(responseTime[0])}`);
    terms.push(`responsetime <= ${seconds(responseTime[1])}`);
  }
  return terms.length ? ` { ${terms.join(' AND ')} }` : '';
}

/** Seconds as a short decimal literal: 0.25, 1.5, 0.0012 (no exponent, no float noise). */
export function seconds(v: number): string {
  if (!Number.isFinite(v) || v <= 0) return '0';
  const short = String(Number.parseFloat(v.toPrecision(6)));
  // Below a microsecond JavaScript switches to exponents, which the filter language lacks.
  return short.includes('e') ? v.toFixed(9).replace(/0+$/, '') : short;
}

/** `id(name: "…", type: "…")`: one node, told apart from same-named nodes of other types. */
function idOf(name: string, type: string): string {
  return type ? `id(name: ${quote(name)}, type: ${quote(type)})` : `id(name: ${quote(name)})`;
}

/** EntitySelectorExpression of one node. */
export function serviceSelector(name: string, type: string): string {
  return `service(${idOf(name, type)})`;
}

/** EntitySelectorExpression of one edge. */
export function edgeSelector(
  source: { name: string; type: string },
  target: { name: string; type: string },
): string {
  return `edge(${idOf(source.name, source.type)}, ${idOf(target.name, target.type)})`;
}
