import type { CallFacts, TraceEdgeFacts, TraceFacts, TraceNodeFacts } from '../trace/facts.ts';
import type { TraceSummary } from '../types.ts';
import type { Expr } from './ast.ts';

/**
 * Shared by the filter tests and the filter benchmark: the documented example expressions, and
 * hand-built TraceFacts whose every field the evaluator reads can be set directly.
 */

export function call(over: Partial<CallFacts> = {}): CallFacts {
  return {
    entityId: 'aaaaaaaaaaaaaaaa',
    ok: true,
    error: false,
    throttle: false,
    fault: false,
    responseTime: 0.1,
    duration: 0.1,
    inProgress: false,
    ...over,
  };
}

export function node(
  name: string,
  over: Partial<Omit<TraceNodeFacts, 'id'>> & { type?: string; accountId?: string } = {},
): TraceNodeFacts {
  const { type = 'AWS::EC2::Instance', accountId, ...rest } = over;
  return {
    id: { Name: name, Names: [name], Type: type, ...(accountId ? { AccountId: accountId } : {}) },
    root: false,
    inferred: false,
    calls: [call()],
    ...rest,
  };
}

export function edge(from: number, to: number, calls: CallFacts[] = [call()]): TraceEdgeFacts {
  return { from, to, calls };
}

export function facts(
  over: {
    summary?: Partial<TraceSummary>;
    nodes?: TraceNodeFacts[];
    edges?: TraceEdgeFacts[];
  } = {},
): TraceFacts {
  return {
    trace: { id: '1-5759e988-bd862e3fe1be46a994272793', segments: [] },
    summary: {
      Id: '1-5759e988-bd862e3fe1be46a994272793',
      StartTime: 1_700_000_000,
      Duration: 1,
      ResponseTime: 1,
      ...over.summary,
    },
    nodes: over.nodes ?? [],
    edges: over.edges ?? [],
    subsegments: [],
    endTime: 1_700_000_001,
  };
}

/** Every documented example of reference/filter-expressions.md §5, with the doc typos fixed. */
export const DOCUMENTED_EXAMPLES: readonly string[] = [
  'responsetime > 5',
  'duration >= 5 AND duration <= 8',
  'ok',
  '!ok',
  'ok = false',
  'rootcause.fault.entity { last and name = "deserialize" }',
  'rootcause.responsetime.entity { remote and coverage > 0.7 and name = "traces" }',
  'rootcause.fault.service { inferred and name = traces and type = "AWS::DynamoDB" }',
  'service("data-plane") {root = true and fault = true}',
  'http.status != 200',
  'ok !partial duration <3',
  'rootcause.fault.service { index > 5 }',
  'rootcause.responsetime.entity { last and coverage > 0.8 }',
  'http.url CONTAINS "/api/game/"',
  'user CONTAINS ""',
  'rootcause.fault.service { name = "Auth" }',
  'rootcause.responsetime.service { last and type = "AWS::DynamoDB" }',
  // #18: the closing brace is missing in the guide.
  'rootcause.fault.exception { last and message = "Access Denied for account_id: 1234567890" }',
  'service("api.example.com") { fault }',
  'service() { fault }',
  'edge("api.example.com", "backend.example.com") { error }',
  'http.url BEGINSWITH "http://api.example.com/" AND http.url CONTAINS "/v2/" AND !service("api.example.com")',
  'http.url AND responseTime > 2',
  'annotation.gameid = "817DL6VO"',
  'annotation.age',
  '!annotation.age',
  'annotation.age > 29',
  'group.name = "high_response_time" AND user = "alice"',
  'rootcause.json = #[{ "Services": [ { "Name": "GetWeatherData", "EntityPath": [{ "Name": "GetWeatherData" }, { "Name": "get_temperature" } ] }, { "Name": "GetTemperature", "EntityPath": [ { "Name": "GetTemperature" } ] } ] }]',
  // #30–#32: templates; a bare id() is only a selector and `filter` is a placeholder.
  'service(id(name: "service-name", type:"service::type", account.id:"account-ID"))',
  'service(id(name: "service-name", type:"service::type")) { fault }',
  'edge(id(name: "service-one", type:"service::type"), id(name: "service-two", type:"service::type")) { error }',
  'service("function-name") { error }',
  'service(id(name: "random-name", type: "AWS::Lambda::Function")) { error }',
  'service(id(type: "AWS::Lambda::Function")) { error }',
  'service(id(account.id: "account-id"))',
  'service("api.example.com") { fault = true OR responsetime > 2.5 } AND annotation.account = "12345"',
  'edge("api.example.com", "backend.example.com") { fault = true }',
  'service("api.example.com")',
  'annotation.account = "12345"',
  'fault = true AND http.url CONTAINS "example/game" AND responsetime >= 5',
  'service("example.com") {fault}',
  'service("example.com") {fault OR error}',
  'responsetime > 2',
  'responseTime > 3',
];

/** The tree without source spans, for comparing shapes. */
export function stripSpans(expr: Expr): unknown {
  return JSON.parse(JSON.stringify(expr, (k, v) => (k === 'span' ? undefined : v)));
}
