/**
 * The pure half of the filter box: no React, no DOM. Turns the filter module's highlight spans
 * and diagnostics into mirror pieces, applies a completion, and decides what Enter means.
 */
import type {
  CompletionItem,
  CompletionResult,
  FilterDiagnostic,
  HighlightToken as HighlightSpan,
} from '../../xray/filter/index.ts';
import { normalizeTraceId } from '../../xray/ids.ts';

// The filter module's own shapes: the box reads them as they come, so nothing drifts.
export type { CompletionItem, CompletionResult, FilterDiagnostic, HighlightSpan };

/** A run of text in the highlighted mirror: one token kind, inside or outside an error range. */
export interface MirrorPiece {
  text: string;
  kind: string | undefined;
  error: boolean;
}

/**
 * Cuts `text` into pieces at every highlight and error boundary, covering it exactly once. A
 * zero-width error (e.g. "expected a value" at the end) becomes a one-space error piece after
 * the text so the squiggle has something to sit under.
 */
export function mirrorPieces(
  text: string,
  spans: readonly HighlightSpan[],
  errors: readonly FilterDiagnostic[],
): MirrorPiece[] {
  const clamp = (n: number) => Math.max(0, Math.min(text.length, n));
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) cuts.add(clamp(s.from)).add(clamp(s.to));
  for (const e of errors) cuts.add(clamp(e.from)).add(clamp(e.to));
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: MirrorPiece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    if (from === to) continue;
    const kind = spans.find((s) => s.from <= from && to <= s.to)?.kind;
    const error = errors.some((e) => e.from <= from && to <= e.to && e.from < e.to);
    const prev = pieces[pieces.length - 1];
    if (prev && prev.kind === kind && prev.error === error) prev.text += text.slice(from, to);
    else pieces.push({ text: text.slice(from, to), kind, error });
  }
  const atEnd = errors.some((e) => e.from === e.to || e.from >= text.length);
  if (atEnd) pieces.push({ text: ' ', kind: undefined, error: true });
  return pieces;
}

/** Replaces the completion's range with the item; the caret lands after the inserted text. */
export function applyCompletion(
  text: string,
  range: { from: number; to: number },
  item: CompletionItem,
): { text: string; cursor: number } {
  const before = text.slice(0, range.from);
  const after = text.slice(range.to);
  // Keep words apart: completing `ok` right before `AND` must not produce `okAND`.
  const pad = after.length > 0 && !/^[\s)}\],]/.test(after) && !/\s$/.test(item.insert) ? ' ' : '';
  const inserted = item.insert + pad;
  return { text: before + inserted + after, cursor: before.length + item.insert.length };
}

/** Moves the active completion with wrap-around; -1 means "none active". */
export function moveActive(active: number, count: number, delta: 1 | -1): number {
  if (count === 0) return -1;
  if (active < 0) return delta > 0 ? 0 : count - 1;
  return (active + delta + count) % count;
}

export type SubmitDecision =
  | { kind: 'clear' }
  | { kind: 'trace'; traceId: string }
  | { kind: 'invalid'; errors: FilterDiagnostic[] }
  | { kind: 'filter'; text: string };

/**
 * What Enter does with the box's text: an empty box clears the filter, a trace id opens the
 * trace (when the host accepts ids), a valid expression is submitted, anything else stays here
 * with its errors (and nothing is sent).
 */
export function decideSubmit(
  text: string,
  parse: (text: string) => { ok: true } | { ok: false; errors: FilterDiagnostic[] },
  acceptTraceIds: boolean,
): SubmitDecision {
  const trimmed = text.trim();
  if (!trimmed) return { kind: 'clear' };
  if (acceptTraceIds) {
    const id = normalizeTraceId(trimmed);
    if (id) return { kind: 'trace', traceId: id };
  }
  // Parse the untrimmed text so error offsets point into what the person sees.
  const parsed = parse(text);
  return parsed.ok ? { kind: 'filter', text: trimmed } : { kind: 'invalid', errors: parsed.errors };
}

/** 1-based line:column of an offset, for error messages in multi-line expressions. */
export function positionLabel(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const col = offset - before.lastIndexOf('\n');
  return line > 1 ? `line ${line}, column ${col}` : `column ${col}`;
}
