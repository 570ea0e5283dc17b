import type { IngestDoc } from '../src/xray/types.ts';
import type { Backend } from './backend.ts';

/** The generator's API (mock-server/generator, written separately). */
export interface DemoSystem {
  generate(fromSec: number, toSec: number): IngestDoc[];
  groups: { GroupName: string; FilterExpression: string }[];
}

export interface DemoRunner {
  stop(): void;
  /** Resolves when the back-fill has been indexed. */
  backfilled: Promise<void>;
}

const BACKFILL_SECONDS = 6 * 3600;
const CHUNK_SECONDS = 120;

/**
 * Runs the demo system: back-fills the last 6 hours (newest chunk first, yielding between chunks
 * so the API answers meanwhile), then generates each second in real time. Demo documents are not
 * written to the log: the generator is deterministic for a seed, so a restart regenerates the
 * same traces for the same seconds, and the log stays for data that was actually sent to us.
 */
export function startDemo(
  backend: Backend,
  system: DemoSystem,
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
  const feed = (from: number, to: number) => {
    try {
      const docs = system.generate(from, to);
      if (docs.length > 0) backend.ingestGenerated(docs);
    } catch (e) {
      log(`demo: generator failed for ${from}..${to}: ${(e as Error).message}`);
    }
  };

  const backfilled = (async () => {
    for (let to = start; to > start - BACKFILL_SECONDS && !stopped; to -= CHUNK_SECONDS) {
      feed(Math.max(start - BACKFILL_SECONDS, to - CHUNK_SECONDS), to);
      await new Promise((r) => setImmediate(r));
    }
  })();

  const timer = setInterval(() => {
    const to = Math.floor(now());
    if (to <= generatedUpTo) return;
    feed(generatedUpTo, to);
    generatedUpTo = to;
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
