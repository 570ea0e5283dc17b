import type { IngestDoc } from '../src/xray/types.ts';
import type { Backend } from './backend.ts';
import { type DemoSystem, docSendTime } from './generator/demo.ts';

export interface DemoRunner {
  stop(): void;
  /** Resolves when the back-fill has been indexed. */
  backfilled: Promise<void>;
}

const BACKFILL_SECONDS = 6 * 3600;
const CHUNK_SECONDS = 60;

/**
 * Runs the demo system: back-fills the last 6 hours (newest minute first, yielding between
 * chunks so the API answers meanwhile), then generates each second in real time. A document is
 * ingested at its send time (docSendTime), so live traces show up in progress first and complete
 * later, as they would from real services.
 *
 * Demo documents are not written to the log: the generator is deterministic for a seed, so a
 * restart regenerates the same traces for the same seconds, and the log stays for data that was
 * actually sent to us.
 */
export function startDemo(
  backend: Backend,
  system: Pick<DemoSystem, 'generate' | 'groups'>,
  log: (m: string) => void,
  now = () => Date.now() / 1000,
): DemoRunner {
  for (const g of system.groups) {
    if (backend.groups.find({ GroupName: g.GroupName }).ok) continue;
    const created = backend.groups.create(g.GroupName, g.FilterExpression);
    if (!created.ok) log(`demo: group ${g.GroupName} not created: ${created.message}`);
  }
  let stopped = false;
  const start = Math.floor(now());
  let generatedUpTo = start;
  /** Documents whose send time is still in the future, oldest send time last (pop order). */
  let pending: IngestDoc[] = [];

  const feed = (from: number, to: number, backfill = false) => {
    let docs: IngestDoc[];
    try {
      docs = system.generate(from, to);
    } catch (e) {
      log(`demo: generator failed for ${from}..${to}: ${(e as Error).message}`);
      return;
    }
    const t = now();
    const due: IngestDoc[] = [];
    for (const d of docs) (docSendTime(d) <= t ? due : pending).push(d);
    if (due.length > 0) backend.ingestGenerated(due, backfill);
  };
  const release = () => {
    if (pending.length === 0) return;
    const t = now();
    const due = pending.filter((d) => docSendTime(d) <= t);
    if (due.length === 0) return;
    pending = pending.filter((d) => docSendTime(d) > t);
    backend.ingestGenerated(due);
  };

  // Minute-aligned chunks, newest first; each finished minute's graph aggregates are built right
  // away (deriving a trace's facts is the costly part), so recent maps are ready first.
  const backfilled = (async () => {
    const first = start - BACKFILL_SECONDS;
    for (
      let from = Math.floor(start / 60) * 60;
      from + CHUNK_SECONDS > first && !stopped;
      from -= CHUNK_SECONDS
    ) {
      feed(Math.max(first, from), Math.min(start, from + CHUNK_SECONDS), true);
      backend.graphs.buildNow(from / 60, from / 60 + 1);
      await new Promise((r) => setImmediate(r));
    }
  })();

  const timer = setInterval(() => {
    const to = Math.floor(now());
    if (to > generatedUpTo) {
      feed(generatedUpTo, to);
      generatedUpTo = to;
    }
    release();
  }, 1000);
  timer.unref();

  return {
    backfilled,
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
