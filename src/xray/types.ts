/**
 * Wire shapes of X-Ray: segment documents (what SDKs send) and API request/response shapes
 * (what the REST-JSON API speaks). Timestamps are epoch seconds as numbers everywhere.
 * Source of truth: ../shared/reference/{xray-api.md,segment-document.md}.
 */

/** Epoch seconds (fractional). A brand keeps seconds and milliseconds from being mixed up. */
export type EpochSeconds = number & { readonly __unit?: 'epoch-seconds' };
/** A duration in seconds. */
export type Seconds = number & { readonly __unit?: 'seconds' };

// ---------------------------------------------------------------------------------------------
// Segment documents (segment-document.md)

export interface HttpRequestDoc {
  method?: string;
  url?: string;
  user_agent?: string;
  client_ip?: string;
  x_forwarded_for?: boolean;
  traced?: boolean;
}
export interface HttpResponseDoc {
  status?: number;
  content_length?: number;
}
export interface HttpDoc {
  request?: HttpRequestDoc;
  response?: HttpResponseDoc;
}

export interface StackFrame {
  path?: string;
  line?: number | null;
  label?: string;
}
export interface ExceptionDoc {
  id: string;
  message?: string;
  type?: string;
  remote?: boolean;
  truncated?: number;
  skipped?: number;
  cause?: string;
  stack?: StackFrame[];
}
export interface CauseDoc {
  id?: string;
  working_directory?: string;
  paths?: string[];
  exceptions?: ExceptionDoc[];
}

export interface SqlDoc {
  connection_string?: string;
  url?: string;
  sanitized_query?: string;
  database_type?: string;
  database_version?: string;
  driver_version?: string;
  user?: string;
  preparation?: string;
}

export type AnnotationValue = string | number | boolean;

/** Fields shared by segments and subsegments. */
export interface EntityDoc {
  id: string;
  name: string;
  start_time: EpochSeconds;
  end_time?: EpochSeconds;
  in_progress?: boolean;
  http?: HttpDoc;
  /** Segment variant describes where the app runs; subsegment variant the resource called. */
  aws?: Record<string, unknown>;
  error?: boolean;
  throttle?: boolean;
  fault?: boolean;
  cause?: string | CauseDoc;
  annotations?: Record<string, AnnotationValue>;
  metadata?: Record<string, unknown>;
  subsegments?: SubsegmentDoc[];
}

export interface SubsegmentDoc extends EntityDoc {
  /** Only on independently sent subsegments. */
  type?: 'subsegment';
  trace_id?: string;
  parent_id?: string;
  namespace?: 'aws' | 'remote' | string;
  sql?: SqlDoc;
  precursor_ids?: string[];
}

export interface SegmentDoc extends EntityDoc {
  trace_id: string;
  parent_id?: string;
  service?: { version?: string; [k: string]: unknown };
  user?: string;
  origin?: string;
  resource_arn?: string;
  /** Set only on segments X-Ray (the mock) synthesizes for downstream calls. */
  inferred?: boolean;
}

/** Any document accepted by ingest: a segment or an independent subsegment. */
export type IngestDoc =
  | SegmentDoc
  | (SubsegmentDoc & { type: 'subsegment'; trace_id: string; parent_id: string });

// ---------------------------------------------------------------------------------------------
// API shapes (xray-api.md)

export interface ServiceId {
  Name?: string;
  Names?: string[];
  AccountId?: string;
  Type?: string;
}

export interface Http {
  HttpURL?: string;
  HttpStatus?: number;
  HttpMethod?: string;
  UserAgent?: string;
  ClientIp?: string;
}

/** Union: exactly one key is set. */
export interface AnnotationValueUnion {
  NumberValue?: number;
  BooleanValue?: boolean;
  StringValue?: string;
}
export interface ValueWithServiceIds {
  AnnotationValue?: AnnotationValueUnion;
  ServiceIds?: ServiceId[];
}
export interface TraceUser {
  UserName?: string;
  ServiceIds?: ServiceId[];
}

export interface RootCauseException {
  Name?: string;
  Message?: string;
}
export interface FaultRootCauseEntity {
  Name?: string;
  Exceptions?: RootCauseException[];
  Remote?: boolean;
}
export interface ResponseTimeRootCauseEntity {
  Name?: string;
  Coverage?: number;
  Remote?: boolean;
}
export interface RootCauseService<E> {
  Name?: string;
  Names?: string[];
  Type?: string;
  AccountId?: string;
  EntityPath?: E[];
  Inferred?: boolean;
}
export interface FaultRootCause {
  Services?: RootCauseService<FaultRootCauseEntity>[];
  ClientImpacting?: boolean;
}
export type ErrorRootCause = FaultRootCause;
export interface ResponseTimeRootCause {
  Services?: RootCauseService<ResponseTimeRootCauseEntity>[];
  ClientImpacting?: boolean;
}

export interface TraceSummary {
  Id?: string;
  StartTime?: EpochSeconds;
  Duration?: Seconds;
  ResponseTime?: Seconds;
  HasFault?: boolean;
  HasError?: boolean;
  HasThrottle?: boolean;
  IsPartial?: boolean;
  Http?: Http;
  Annotations?: Record<string, ValueWithServiceIds[]>;
  Users?: TraceUser[];
  ServiceIds?: ServiceId[];
  ResourceARNs?: { ARN?: string }[];
  InstanceIds?: { Id?: string }[];
  AvailabilityZones?: { Name?: string }[];
  EntryPoint?: ServiceId;
  FaultRootCauses?: FaultRootCause[];
  ErrorRootCauses?: ErrorRootCause[];
  ResponseTimeRootCauses?: ResponseTimeRootCause[];
  Revision?: number;
  MatchedEventTime?: EpochSeconds;
}

export interface GetTraceSummariesRequest {
  StartTime: EpochSeconds;
  EndTime: EpochSeconds;
  TimeRangeType?: 'TraceId' | 'Event' | 'Service';
  Sampling?: boolean;
  SamplingStrategy?: { Name?: 'PartialScan' | 'FixedRate'; Value?: number };
  FilterExpression?: string;
  NextToken?: string;
}
export interface GetTraceSummariesResult {
  TraceSummaries?: TraceSummary[];
  ApproximateTime?: EpochSeconds;
  TracesProcessedCount?: number;
  NextToken?: string;
}

/** API `Segment`: Document is a JSON string holding the processed segment document. */
export interface ApiSegment {
  Id?: string;
  Document?: string;
}
export interface Trace {
  Id?: string;
  Duration?: Seconds;
  LimitExceeded?: boolean;
  Segments?: ApiSegment[];
}
export interface BatchGetTracesRequest {
  TraceIds: string[];
  NextToken?: string;
}
export interface BatchGetTracesResult {
  Traces?: Trace[];
  UnprocessedTraceIds?: string[];
  NextToken?: string;
}

export interface HistogramEntry {
  Value?: Seconds;
  Count?: number;
}
export interface ErrorStatistics {
  ThrottleCount?: number;
  OtherCount?: number;
  TotalCount?: number;
}
export interface FaultStatistics {
  OtherCount?: number;
  TotalCount?: number;
}
export interface ServiceStatistics {
  OkCount?: number;
  ErrorStatistics?: ErrorStatistics;
  FaultStatistics?: FaultStatistics;
  TotalCount?: number;
  TotalResponseTime?: Seconds;
}
export type EdgeStatistics = ServiceStatistics;

export interface Alias {
  Name?: string;
  Names?: string[];
  Type?: string;
}
export interface Edge {
  /** ReferenceId of the downstream service. */
  ReferenceId?: number;
  StartTime?: EpochSeconds;
  EndTime?: EpochSeconds;
  SummaryStatistics?: EdgeStatistics;
  ResponseTimeHistogram?: HistogramEntry[];
  Aliases?: Alias[];
  EdgeType?: string;
  ReceivedEventAgeHistogram?: HistogramEntry[];
}
export interface Service {
  ReferenceId?: number;
  Name?: string;
  Names?: string[];
  Root?: boolean;
  AccountId?: string;
  Type?: string;
  State?: string;
  StartTime?: EpochSeconds;
  EndTime?: EpochSeconds;
  Edges?: Edge[];
  SummaryStatistics?: ServiceStatistics;
  DurationHistogram?: HistogramEntry[];
  ResponseTimeHistogram?: HistogramEntry[];
}
export interface GetServiceGraphRequest {
  StartTime: EpochSeconds;
  EndTime: EpochSeconds;
  GroupName?: string;
  GroupARN?: string;
  NextToken?: string;
}
export interface GetServiceGraphResult {
  StartTime?: EpochSeconds;
  EndTime?: EpochSeconds;
  Services?: Service[];
  ContainsOldGroupVersions?: boolean;
  NextToken?: string;
}
export interface GetTraceGraphResult {
  Services?: Service[];
  NextToken?: string;
}

export interface TimeSeriesServiceStatistics {
  Timestamp?: EpochSeconds;
  EdgeSummaryStatistics?: EdgeStatistics;
  ServiceSummaryStatistics?: ServiceStatistics;
  ResponseTimeHistogram?: HistogramEntry[];
}
export interface GetTimeSeriesServiceStatisticsRequest {
  StartTime: EpochSeconds;
  EndTime: EpochSeconds;
  GroupName?: string;
  GroupARN?: string;
  EntitySelectorExpression?: string;
  Period?: number;
  ForecastStatistics?: boolean;
  NextToken?: string;
}
export interface GetTimeSeriesServiceStatisticsResult {
  TimeSeriesServiceStatistics?: TimeSeriesServiceStatistics[];
  ContainsOldGroupVersions?: boolean;
  NextToken?: string;
}

export interface InsightsConfiguration {
  InsightsEnabled?: boolean;
  NotificationsEnabled?: boolean;
}
export interface Group {
  GroupName?: string;
  GroupARN?: string;
  FilterExpression?: string;
  InsightsConfiguration?: InsightsConfiguration;
}

export interface UnprocessedTraceSegment {
  Id?: string;
  ErrorCode?: string;
  Message?: string;
}

/** The body of an X-Ray error response. */
export interface XRayErrorBody {
  __type: string;
  message: string;
}
