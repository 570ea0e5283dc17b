/** Query-key factory: every cache key is built here from the canonical (parsed) params. */
export const xrayKeys = {
  all: ['xray'] as const,
  groups: () => [...xrayKeys.all, 'groups'] as const,
  group: (name: string) => [...xrayKeys.groups(), name] as const,
  serviceGraph: (p: object) => [...xrayKeys.all, 'service-graph', p] as const,
  timeSeries: (p: object) => [...xrayKeys.all, 'time-series', p] as const,
  traceSummaries: (p: object) => [...xrayKeys.all, 'trace-summaries', p] as const,
  traces: (ids: readonly string[]) => [...xrayKeys.all, 'traces', ...ids] as const,
  traceGraph: (ids: readonly string[]) => [...xrayKeys.all, 'trace-graph', ...ids] as const,
};
