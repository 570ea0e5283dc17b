import type { IngestDoc, SegmentDoc } from '../../../src/xray/types.ts';
import { newTraceId } from '../ids.ts';
import { rngFor } from '../random.ts';
import { handleRequest } from './gateway.ts';
import { activeAt } from './incidents.ts';
import { pickShopper } from './people.ts';
import type { Tx } from './tx.ts';

/** Segments running longer than this were announced with an in-progress document first. */
const IN_PROGRESS_AFTER_SEC = 1.5;

/** The in-progress placeholder a long-running service sends when it starts (same id). */
function inProgressCopy(doc: SegmentDoc): SegmentDoc {
  const copy: SegmentDoc = {
    id: doc.id,
    name: doc.name,
    trace_id: doc.trace_id,
    start_time: doc.start_time,
    in_progress: true,
  };
  if (doc.parent_id) copy.parent_id = doc.parent_id;
  if (doc.origin) copy.origin = doc.origin;
  if (doc.resource_arn) copy.resource_arn = doc.resource_arn;
  if (doc.user) copy.user = doc.user;
  if (doc.service) copy.service = doc.service;
  if (doc.http?.request) copy.http = { request: doc.http.request };
  if (doc.aws) copy.aws = doc.aws;
  return copy;
}

/**
 * Every document of request `index` of second `slot`, starting at `startMs`. All randomness comes
 * from (seed, slot, index), which is what makes windows composable.
 */
export function buildRequest(
  seed: number,
  slot: number,
  index: number,
  startMs: number,
  out: IngestDoc[],
): void {
  const rng = rngFor(seed, slot, index);
  const traceId = newTraceId(slot, rng);
  const tx: Tx = {
    rng,
    seed,
    traceId,
    out: [],
    incidents: activeAt(slot),
    shopper: pickShopper(seed, rng),
  };
  handleRequest(tx, startMs);
  for (const doc of tx.out) {
    if (
      !('type' in doc) &&
      doc.end_time !== undefined &&
      doc.end_time - doc.start_time > IN_PROGRESS_AFTER_SEC
    ) {
      out.push(inProgressCopy(doc));
    }
  }
  for (const doc of tx.out) out.push(doc);
}
