import { invalid } from './errors.ts';
import { type Body, reqNumber } from './fields.ts';

/** Reads StartTime/EndTime (epoch seconds), rejecting reversed and over-long windows. */
export function readWindow(body: Body, maxHours: number): { start: number; end: number } {
  const start = reqNumber(body, 'StartTime', 0);
  const end = reqNumber(body, 'EndTime', 0);
  if (end < start) throw invalid(`EndTime (${end}) is before StartTime (${start})`);
  if (maxHours > 0 && end - start > maxHours * 3600) {
    const hours = ((end - start) / 3600).toFixed(1);
    throw invalid(`Time range of ${hours} hours exceeds the maximum of ${maxHours} hours`);
  }
  return { start, end };
}
