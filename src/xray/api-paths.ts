/**
 * The X-Ray REST-JSON operations and their (irregular) paths. Every operation is a POST with a
 * JSON body; see ../shared/reference/xray-api.md §2.
 */
export const XRAY_OPERATIONS = {
  GetTraceSummaries: '/TraceSummaries',
  BatchGetTraces: '/Traces',
  GetServiceGraph: '/ServiceGraph',
  GetTraceGraph: '/TraceGraph',
  GetTimeSeriesServiceStatistics: '/TimeSeriesServiceStatistics',
  GetGroups: '/Groups',
  GetGroup: '/GetGroup',
  CreateGroup: '/CreateGroup',
  UpdateGroup: '/UpdateGroup',
  DeleteGroup: '/DeleteGroup',
  PutTraceSegments: '/TraceSegments',
  PutTelemetryRecords: '/TelemetryRecords',
  GetSamplingRules: '/GetSamplingRules',
  GetSamplingTargets: '/SamplingTargets',
  CreateSamplingRule: '/CreateSamplingRule',
  UpdateSamplingRule: '/UpdateSamplingRule',
  DeleteSamplingRule: '/DeleteSamplingRule',
  GetInsightSummaries: '/InsightSummaries',
} as const;

export type XRayOperation = keyof typeof XRAY_OPERATIONS;

export const XRAY_PATHS: readonly string[] = Object.values(XRAY_OPERATIONS);
