import type { TraceFacts } from '../trace/facts.ts';
import type { Service } from '../types.ts';

/**
 * Aggregates many traces into X-Ray's service graph (client node, Root, edges with statistics and
 * histograms, ReferenceIds). STUB: the domain owner replaces this.
 */
export function buildServiceGraph(
  _traces: Iterable<TraceFacts>,
  _window: { start: number; end: number },
): Service[] {
  return [];
}
