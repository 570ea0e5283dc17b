import type { AssembledTrace, TraceFacts } from './facts.ts';

/** Derives summary, nodes and edges of one assembled trace. STUB: the domain owner replaces this. */
export function analyzeTrace(trace: AssembledTrace): TraceFacts {
  const root = trace.segments[0];
  const start = root?.start_time ?? 0;
  const end = root?.end_time ?? start;
  return {
    trace,
    summary: { Id: trace.id, StartTime: start, Duration: end - start, ResponseTime: end - start },
    nodes: [],
    edges: [],
    subsegments: [],
    endTime: end,
  };
}
