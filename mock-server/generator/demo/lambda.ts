import type { EntityDoc, ExceptionDoc, IngestDoc, SegmentDoc } from '../../../src/xray/types.ts';
import { newId, uuid } from '../ids.ts';
import type { Rng } from '../random.ts';
import { ACCOUNT, REGION } from './hosts.ts';
import { addCause, closeAt, openSub, sec, setStatus } from './spans.ts';
import type { Tx } from './tx.ts';

/**
 * Lambda functions as X-Ray sees them (segment-document.md §7, §11.1): Lambda writes an
 * `AWS::Lambda` segment and an `AWS::Lambda::Function` segment (with Initialization, Invocation and
 * Overhead subsegments); the SDK inside the function sends each of its top-level subsegments as an
 * independent subsegment whose parent is the function segment.
 */

export interface LambdaDef {
  name: string;
  version: string;
  /** Share of invocations that hit a cold sandbox. */
  coldRate: number;
  initMedianMs: number;
}

export interface LambdaRun {
  endMs: number;
  /** Unhandled error in the handler (Lambda still answers 200 with X-Amz-Function-Error). */
  error?: ExceptionDoc;
}

/** Handler body: records SDK subsegments on `facade` from `atMs` and returns when it finished. */
export type LambdaBody = (
  facade: EntityDoc,
  atMs: number,
  cold: boolean,
) => { endMs: number; error?: ExceptionDoc };

export function functionArn(fn: LambdaDef): string {
  return `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${fn.name}`;
}

/** Runs a function invoked by the subsegment `parentId` at `startMs`. */
export function runLambda(
  tx: Tx,
  fn: LambdaDef,
  startMs: number,
  parentId: string,
  body: LambdaBody,
): LambdaRun {
  const rng: Rng = tx.rng;
  const cold = rng.chance(fn.coldRate);
  const arn = functionArn(fn);
  const service: SegmentDoc = {
    id: newId(rng),
    name: fn.name,
    trace_id: tx.traceId,
    parent_id: parentId,
    start_time: sec(startMs),
    end_time: 0,
    origin: 'AWS::Lambda',
    resource_arn: arn,
    aws: { request_id: uuid(rng) },
  };
  const fnStart = startMs + rng.int(1, 4);
  const fnSeg: SegmentDoc = {
    id: newId(rng),
    name: fn.name,
    trace_id: tx.traceId,
    parent_id: service.id,
    start_time: sec(fnStart),
    end_time: 0,
    origin: 'AWS::Lambda::Function',
    resource_arn: arn,
    aws: {
      function_arn: `${arn}:${fn.version}`,
      account_id: ACCOUNT,
      cloudwatch_logs: [
        {
          log_group: `/aws/lambda/${fn.name}`,
          arn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/lambda/${fn.name}`,
        },
      ],
    },
  };
  let t = fnStart;
  if (cold) {
    const init = openSub(fnSeg, rng, 'Initialization', t);
    t += rng.latency(fn.initMedianMs, 0.3);
    closeAt(init, t);
  }
  const invocation = openSub(fnSeg, rng, 'Invocation', t);
  const facade: EntityDoc = { id: fnSeg.id, name: fn.name, start_time: sec(t) };
  const result = body(facade, t + rng.int(0, 2), cold);
  const invEnd = result.endMs + rng.int(0, 2);
  closeAt(invocation, invEnd);
  const overhead = openSub(fnSeg, rng, 'Overhead', invEnd);
  const fnEnd = invEnd + rng.int(1, 3);
  closeAt(overhead, fnEnd);
  closeAt(fnSeg, fnEnd);
  if (result.error) {
    fnSeg.fault = true;
    addCause(fnSeg, '/var/task', [result.error]);
  }
  const endMs = fnEnd + rng.int(1, 3);
  closeAt(service, endMs);
  setStatus(service, 200);
  // Streaming threshold 0 in Lambda: every top-level SDK subsegment is its own document.
  for (const sub of facade.subsegments ?? []) {
    const doc: IngestDoc = {
      ...sub,
      type: 'subsegment',
      trace_id: tx.traceId,
      parent_id: fnSeg.id,
    };
    tx.out.push(doc);
  }
  tx.out.push(fnSeg, service);
  return result.error ? { endMs, error: result.error } : { endMs };
}

/**
 * A synchronous `Invoke` from `parent` (an aws subsegment named `Lambda`), running `fn`.
 * The call itself succeeds (200) even when the function throws; the caller decides what to do.
 */
export function invoke(
  tx: Tx,
  parent: EntityDoc,
  startMs: number,
  fn: LambdaDef,
  body: LambdaBody,
) {
  const sub = openSub(parent, tx.rng, 'Lambda', startMs, {
    namespace: 'aws',
    aws: {
      operation: 'Invoke',
      function_name: fn.name,
      invocation_type: 'RequestResponse',
      region: REGION,
      request_id: uuid(tx.rng),
      retries: 0,
      resource_names: [fn.name],
    },
  });
  const run = runLambda(tx, fn, startMs + tx.rng.int(2, 6), sub.id, body);
  const endMs = run.endMs + tx.rng.int(2, 5);
  closeAt(sub, endMs);
  setStatus(sub, 200, tx.rng.int(80, 900));
  if (run.error) (sub.aws as Record<string, unknown>).function_error = 'Unhandled';
  return { sub, run, endMs };
}
