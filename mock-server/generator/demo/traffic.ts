import { rngFor } from '../random.ts';

/**
 * How many requests start in each second. Shop traffic follows the day (a sine with its peak at
 * 12:00 UTC and ±40 % swing) plus a little per-minute noise; arrivals within a second are Poisson.
 * With the default mean of 8 req/s a second sees 4.8–11.2 requests on average, and 6 hours of
 * back-fill hold at most ~236k traces (the 6 hours around the peak).
 */

export const DEFAULT_RATE = 8;
const DAY = 86_400;
const SWING = 0.4;
/** Salt so the slot generator never coincides with a request's (seed, second, index) stream. */
const SLOT_SALT = 0x51a7;

/** Expected requests per second at `tSec` for a system whose daily mean is `mean`. */
export function expectedRate(mean: number, tSec: number): number {
  return mean * (1 + SWING * Math.sin((2 * Math.PI * (tSec - DAY / 4)) / DAY));
}

/**
 * Start times (epoch ms, ascending) of the requests of second `slot`. Derived from (seed, slot)
 * only, so any window can be generated independently.
 */
export function slotStarts(seed: number, mean: number, slot: number): number[] {
  const minute = Math.floor(slot / 60);
  const noise = 1 + 0.08 * rngFor(seed, SLOT_SALT, minute).gauss();
  const rng = rngFor(seed, SLOT_SALT, slot);
  const count = rng.poisson(Math.max(0, expectedRate(mean, slot) * noise));
  const starts: number[] = [];
  for (let i = 0; i < count; i++) starts.push(slot * 1000 + rng.int(0, 999));
  return starts.sort((a, b) => a - b);
}
