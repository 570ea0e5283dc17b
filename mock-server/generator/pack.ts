import type { EntityDoc, IngestDoc, SegmentDoc } from '../../src/xray/types.ts';
import { utf8Length } from './size.ts';

/**
 * Splits a segment with a large nested subtree into documents that each fit the 64 kB limit, the
 * way the Node SDK streams completed subtrees as independent subsegments (segment-document.md §7).
 * Bottom-up: when a (sub)segment with its packed children would exceed `limit`, its largest
 * children are detached until it fits; detached subtrees were packed the same way first.
 */

/** Packing target; leaves room for the `type`/`trace_id`/`parent_id` a detached subsegment gains. */
export const PACK_LIMIT = 60_000;

const SUBSEGMENTS_KEY = utf8Length(',"subsegments":[]');

function ownBytes(e: EntityDoc): number {
  const { subsegments: _children, ...rest } = e;
  return utf8Length(JSON.stringify(rest));
}

function packEntity(e: EntityDoc, traceId: string, limit: number, out: IngestDoc[]): number {
  const kids = e.subsegments;
  if (!kids || kids.length === 0) return ownBytes(e);
  const sizes = kids.map((k) => packEntity(k, traceId, limit, out));
  let total = ownBytes(e) + SUBSEGMENTS_KEY + kids.length - 1;
  for (const s of sizes) total += s;
  if (total <= limit) return total;
  const order = sizes.map((_, i) => i).sort((a, b) => (sizes[b] as number) - (sizes[a] as number));
  const detached = new Set<number>();
  for (const i of order) {
    if (total <= limit) break;
    detached.add(i);
    total -= (sizes[i] as number) + 1;
  }
  const kept = kids.filter((_, i) => !detached.has(i));
  for (const [i, kid] of kids.entries()) {
    if (detached.has(i))
      out.push({ ...kid, type: 'subsegment', trace_id: traceId, parent_id: e.id });
  }
  if (kept.length > 0) e.subsegments = kept;
  else {
    delete e.subsegments;
    total -= SUBSEGMENTS_KEY - 1;
  }
  return total;
}

/**
 * Documents for `segment`: detached independent subsegments (deepest first, as they would have been
 * streamed) followed by the segment itself. Takes ownership: `segment`'s subtree is modified.
 */
export function packSegment(segment: SegmentDoc, limit = PACK_LIMIT): IngestDoc[] {
  const out: IngestDoc[] = [];
  packEntity(segment, segment.trace_id, limit, out);
  out.push(segment);
  return out;
}
