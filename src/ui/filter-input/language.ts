/**
 * The one place the filter box touches the filter language. Everything here delegates to the
 * shared module in src/xray/filter: the box never parses on its own.
 */
import { complete, highlight, parseFilter } from '../../xray/filter/index.ts';
import type { CompletionResult, FilterDiagnostic, HighlightSpan } from './filter-input-model.ts';

/** What completions draw on besides the language: names seen in the current data. */
export interface FilterContext {
  services?: readonly string[];
  annotationKeys?: readonly string[];
  annotationValues?: Readonly<Record<string, readonly (string | number | boolean)[]>>;
  recent?: readonly string[];
}

export function parseForBox(
  text: string,
): { ok: true } | { ok: false; errors: FilterDiagnostic[] } {
  const r = parseFilter(text);
  return r.ok ? { ok: true } : { ok: false, errors: r.errors };
}

export function highlightFilter(text: string): HighlightSpan[] {
  return highlight(text);
}

export function completeFilter(text: string, cursor: number, ctx: FilterContext): CompletionResult {
  return complete(text, cursor, {
    services: ctx.services ?? [],
    annotationKeys: ctx.annotationKeys ?? [],
    annotationValues: ctx.annotationValues ?? {},
    recent: ctx.recent ?? [],
  });
}
