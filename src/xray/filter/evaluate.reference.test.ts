import { describe, expect, it } from 'vitest';
import { analyzeTrace } from '../trace/analyze.ts';
import { assembleTrace } from '../trace/assemble.ts';
import * as ex from '../trace/reference-examples.ts';
import { compileFilterText } from './evaluate.ts';

/**
 * End to end: the four reference traces (segment-document.md §11) go through the real assembly
 * and analysis, then each filter must select exactly the expected traces.
 */
const traces = {
  lambda: analyzeTrace(assembleTrace(ex.LAMBDA_TRACE_ID, ex.lambdaDocs)),
  fault: analyzeTrace(assembleTrace(ex.FAULT_TRACE_ID, ex.faultDocs)),
  throttle: analyzeTrace(assembleTrace(ex.THROTTLE_TRACE_ID, ex.throttleDocs)),
  long: analyzeTrace(assembleTrace(ex.LONG_TRACE_ID, ex.longDocs)),
};
type Name = keyof typeof traces;

function select(text: string): Name[] {
  const compiled = compileFilterText(text);
  if (!compiled.ok) throw new Error(`${text}: ${JSON.stringify(compiled.errors)}`);
  return (Object.keys(traces) as Name[]).filter((name) => compiled.test(traces[name]));
}

describe('filters over the reference traces', () => {
  it.each<[string, Name[]]>([
    ['ok', ['lambda', 'long']],
    ['fault', ['fault']],
    ['error', ['throttle']],
    ['throttle', ['throttle']],
    ['!ok', ['fault', 'throttle']],
    ['inferred', ['lambda', 'fault', 'throttle']],
    ['duration > 10', ['long']],
    ['ok !partial duration < 3', ['lambda']],
    ['http.status = 429', ['throttle']],
    ['http.method = "POST"', ['fault', 'long']],
    ['http.url BEGINSWITH "https://"', ['fault', 'long']],
    ['user = "alice"', ['fault']],
    ['availabilityzone = "us-east-1a" AND instance.id BEGINSWITH "i-"', ['fault']],
    ['resource.arn CONTAINS ":function:orders-lookup"', ['lambda']],
    ['annotation.items > 2 AND annotation.customer_tier = "gold"', ['fault']],
    ['annotation.cache_hit', []],
    ['annotation.cache_hit = false', ['lambda']],
    ['annotation.order_id', ['lambda']],
    ['service("orders-lookup")', ['lambda']],
    ['service(id(name: "orders-lookup", type: "AWS::Lambda::Function")) { ok }', ['lambda']],
    ['service(id(account.id: "111122223333"))', ['lambda']],
    ['service() { inferred and type = "AWS::DynamoDB::Table" }', ['lambda', 'throttle']],
    ['service("orders-api") { root and fault and http.status = 500 }', ['fault']],
    ['service("payments.example.com") { fault }', ['fault']],
    ['edge("orders-api", "payments.example.com") { fault and http.status = 503 }', ['fault']],
    ['edge("inventory-svc", "inventory") { throttle }', ['throttle']],
    ['edge("inventory", "inventory-svc")', []],
    ['rootcause.fault.exception { message CONTAINS "503" }', ['fault']],
    ['rootcause.fault.entity { last and remote and name = "payments.example.com" }', ['fault']],
    ['rootcause.error.exception { name = "ProvisionedThroughputExceededException" }', ['throttle']],
    ['rootcause.error.service { inferred and type = "AWS::DynamoDB::Table" }', ['throttle']],
    [
      'rootcause.responsetime.entity { remote and coverage > 0.9 and name = "DynamoDB" }',
      ['throttle'],
    ],
    ['rootcause.responsetime.entity { last and name = "render-pdf" }', ['long']],
    [
      'rootcause.json = #[{"Services":[{"Name":"report-worker","EntityPath":[{"Name":"report-worker"},{"Name":"render-pdf"}]}]}]',
      ['long'],
    ],
  ])('%s', (text, expected) => {
    expect(select(text)).toEqual(expected);
  });
});
