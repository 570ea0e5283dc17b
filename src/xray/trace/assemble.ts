import type { IngestDoc } from '../types.ts';
import type { AssembledTrace } from './facts.ts';

/**
 * Builds the processed view of one trace from every document stored for it (any order):
 * later complete documents replace in-progress ones with the same id, independent subsegments
 * are nested under their parent, and inferred segments are synthesized for aws/remote calls.
 * STUB: the domain owner replaces this.
 */
export function assembleTrace(traceId: string, docs: readonly IngestDoc[]): AssembledTrace {
  return { id: traceId, segments: docs.filter((d) => d.type !== 'subsegment') as AssembledTrace['segments'] };
}
