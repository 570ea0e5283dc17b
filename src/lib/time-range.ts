import type { EpochSeconds } from '../xray/types.ts';

/**
 * The time window of a view. Relative windows stay relative in the URL (a dashboard link keeps
 * showing "the last hour"); "copy link" turns them absolute so a runbook link shows the same data
 * tomorrow.
 */
export type TimeRange =
  | { kind: 'relative'; last: RelativeRange }
  | { kind: 'absolute'; from: EpochSeconds; to: EpochSeconds };

export const RELATIVE_RANGES = ['5m', '15m', '30m', '1h', '3h', '6h', '12h', '1d'] as const;
export type RelativeRange = (typeof RELATIVE_RANGES)[number];
export const DEFAULT_RANGE: RelativeRange = '1h';

const UNIT_SECONDS = { m: 60, h: 3600, d: 86400 } as const;

export function isRelativeRange(v: unknown): v is RelativeRange {
  return typeof v === 'string' && (RELATIVE_RANGES as readonly string[]).includes(v);
}

export function relativeSeconds(last: RelativeRange): number {
  const unit = last.slice(-1) as keyof typeof UNIT_SECONDS;
  return Number(last.slice(0, -1)) * UNIT_SECONDS[unit];
}

export function relativeLabel(last: RelativeRange): string {
  const n = Number(last.slice(0, -1));
  const unit = { m: 'minute', h: 'hour', d: 'day' }[last.slice(-1) as 'm' | 'h' | 'd'];
  return `Last ${n === 1 ? '' : `${n} `}${unit}${n === 1 ? '' : 's'}`;
}

/** Resolves a range to concrete epoch seconds at `nowMs`. */
export function resolveRange(
  range: TimeRange,
  nowMs: number,
): { start: EpochSeconds; end: EpochSeconds } {
  if (range.kind === 'absolute') return { start: range.from, end: range.to };
  const end = Math.floor(nowMs / 1000);
  return { start: end - relativeSeconds(range.last), end };
}

/** The range as URL search params: `last` for relative, ISO `from`/`to` for absolute. */
export function rangeToSearch(range: TimeRange): {
  last?: RelativeRange;
  from?: string;
  to?: string;
} {
  if (range.kind === 'relative')
    return { last: range.last === DEFAULT_RANGE ? undefined : range.last };
  return { from: toIso(range.from), to: toIso(range.to) };
}

export function rangeFromSearch(s: { last?: string; from?: string; to?: string }): TimeRange {
  const from = parseInstant(s.from);
  const to = parseInstant(s.to);
  if (from !== undefined && to !== undefined && from < to) return { kind: 'absolute', from, to };
  return { kind: 'relative', last: isRelativeRange(s.last) ? s.last : DEFAULT_RANGE };
}

export function toIso(sec: EpochSeconds): string {
  return new Date(sec * 1000).toISOString().replace('.000Z', 'Z');
}

/** Accepts ISO-8601 or epoch seconds; undefined for anything else. */
export function parseInstant(v: string | undefined): EpochSeconds | undefined {
  if (!v) return undefined;
  if (/^\d{9,11}(\.\d+)?$/.test(v)) return Number(v);
  const ms = Date.parse(v);
  return Number.isFinite(ms) ? ms / 1000 : undefined;
}
