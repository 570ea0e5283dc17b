import type { TimeZonePref } from '../../lib/format.ts';

/** `<input type="datetime-local">` speaks wall-clock time; these convert it in the chosen zone. */
export function toInputValue(epochSec: number, tz: TimeZonePref): string {
  const d = new Date(epochSec * 1000);
  const shifted = tz === 'utc' ? d : new Date(d.getTime() - d.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 19);
}

export function fromInputValue(value: string, tz: TimeZonePref): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return undefined;
  const ms = tz === 'utc' ? Date.parse(`${value}Z`) : new Date(value).getTime();
  return Number.isFinite(ms) ? ms / 1000 : undefined;
}
