import type { IngestDoc } from '../../src/xray/types.ts';
import { DEMO_GROUPS, type DemoGroup } from './demo/groups.ts';
import {
  INCIDENTS,
  type Incident,
  type IncidentName,
  incidentWindows,
  isIncidentActive,
} from './demo/incidents.ts';
import { buildRequest } from './demo/request.ts';
import { DEFAULT_RATE, expectedRate, slotStarts } from './demo/traffic.ts';
import { generateHostileTrace, hostileTraceId } from './hostile.ts';
import { hashParts } from './random.ts';

export type { DemoGroup, Incident, IncidentName };

/**
 * The demo shop: deterministic X-Ray documents for any time window.
 *
 * Requests are generated per whole second ("slot"): the slot's request count and start times come
 * from (seed, slot), each request's content from (seed, slot, index). So `generate(a, b)` followed by
 * `generate(b, c)` returns exactly the documents of `generate(a, c)`, in the same order.
 * Documents include ones whose times lie after `toSec` (a request's later segments and its
 * completion); see `docSendTime` for when a live system would have sent each.
 */
export interface DemoSystem {
  readonly seed: number;
  /** Mean requests per second over a day (the rate swings ±40 % around it). */
  readonly meanRate: number;
  /** Groups to create on start. */
  readonly groups: readonly DemoGroup[];
  /** The scripted incidents and their schedules (UTC, seed-independent). */
  readonly incidents: readonly Incident[];
  isIncidentActive(name: IncidentName, tSec: number): boolean;
  /** Active windows `[start, end)` in epoch seconds overlapping `[fromSec, toSec)`. */
  incidentWindows(name: IncidentName, fromSec: number, toSec: number): [number, number][];
  /** Expected requests per second at `tSec` (before Poisson noise). */
  expectedRate(tSec: number): number;
  /** Exact number of traces `generate(fromSec, toSec)` returns, without building them. */
  countTraces(fromSec: number, toSec: number): number;
  /** Trace ids of the hostile (XSS payload) traces starting in the window. */
  hostileTraceIds(fromSec: number, toSec: number): string[];
  /** Every document of every trace whose root starts in `[fromSec, toSec)`. */
  generate(fromSec: number, toSec: number): IngestDoc[];
}

export interface DemoOptions {
  seed: number;
  /** Mean requests per second (default 8: 4.8–11.2 req/s through the day). */
  ratePerSecond?: number;
  /** Add one hostile trace per hour, at :28:37 (default true). */
  includeHostile?: boolean;
}

/** Second of the hour at which the hourly hostile trace starts. */
export const HOSTILE_SECOND_OF_HOUR = 1717;

export function createDemoSystem(opts: DemoOptions): DemoSystem {
  const seed = Math.trunc(opts.seed);
  const mean = opts.ratePerSecond ?? DEFAULT_RATE;
  const includeHostile = opts.includeHostile ?? true;
  const hostileAt = (slot: number) =>
    includeHostile && ((slot % 3600) + 3600) % 3600 === HOSTILE_SECOND_OF_HOUR;
  const hostileSeed = (slot: number) => hashParts(seed, slot, 0x4057);
  /** The hostile trace starts at the top of its second (ms 0), so it sits in the window iff the second does. */
  const inWindow = (ms: number, fromSec: number, toSec: number) =>
    ms >= fromSec * 1000 && ms < toSec * 1000;

  function eachSlot(fromSec: number, toSec: number, visit: (slot: number) => void): void {
    for (let slot = Math.floor(fromSec); slot < toSec; slot++) visit(slot);
  }

  return {
    seed,
    meanRate: mean,
    groups: DEMO_GROUPS,
    incidents: INCIDENTS,
    isIncidentActive,
    incidentWindows,
    expectedRate: (tSec) => expectedRate(mean, tSec),
    countTraces(fromSec, toSec) {
      let n = 0;
      eachSlot(fromSec, toSec, (slot) => {
        for (const ms of slotStarts(seed, mean, slot)) if (inWindow(ms, fromSec, toSec)) n++;
        if (hostileAt(slot) && inWindow(slot * 1000, fromSec, toSec)) n++;
      });
      return n;
    },
    hostileTraceIds(fromSec, toSec) {
      const ids: string[] = [];
      const first = Math.floor(fromSec / 3600) * 3600 + HOSTILE_SECOND_OF_HOUR;
      for (let slot = first; slot < toSec; slot += 3600) {
        if (hostileAt(slot) && inWindow(slot * 1000, fromSec, toSec))
          ids.push(hostileTraceId(slot, hostileSeed(slot)));
      }
      return ids;
    },
    generate(fromSec, toSec) {
      const out: IngestDoc[] = [];
      eachSlot(fromSec, toSec, (slot) => {
        if (hostileAt(slot) && inWindow(slot * 1000, fromSec, toSec)) {
          for (const doc of generateHostileTrace({ startSec: slot, seed: hostileSeed(slot) }))
            out.push(doc);
        }
        const starts = slotStarts(seed, mean, slot);
        for (let i = 0; i < starts.length; i++) {
          const ms = starts[i] as number;
          if (inWindow(ms, fromSec, toSec)) buildRequest(seed, slot, i, ms, out);
        }
      });
      return out;
    },
  };
}

/**
 * When a live system would have sent `doc`: in-progress documents when their work starts,
 * complete ones when it ends. A server ticking in real time can hold documents until then.
 */
export function docSendTime(doc: IngestDoc): number {
  return doc.end_time ?? doc.start_time;
}
