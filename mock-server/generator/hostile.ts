import type { IngestDoc, SegmentDoc, SubsegmentDoc } from '../../src/xray/types.ts';
import { newId, newTraceId } from './ids.ts';
import { hashParts, Rng } from './random.ts';

/**
 * A trace built to break a console that renders untrusted data unsafely. Every payload, if it ever
 * executed, would set `window[HOSTILE_GLOBAL]`; e2e tests load the trace and assert it stays unset.
 *
 * Where the payloads go: everything free-form (URLs, user agents, users, annotations, metadata,
 * exception types/messages/stack frames, SQL, aws blocks, origins, subsegment names — which become
 * inferred service-map nodes). Segment names follow the allowed character set of
 * segment-document.md §3 (so ingest validation keeps them) yet still carry a `javascript:` URL and
 * a semicolon-less HTML entity that a double-unescape would turn into a tag. Long strings (10,000
 * chars) sit where no length limit is enforced; names stay within 200. Every document ≤ 64 kB.
 */

export const HOSTILE_GLOBAL = '__pwned';

const IMG = `<img src=x onerror="window.${HOSTILE_GLOBAL}=1">`;
const SCRIPT = `<script>window.${HOSTILE_GLOBAL}=1</script>`;
const SVG = `<svg onload="window.${HOSTILE_GLOBAL}=1"></svg>`;
const JS_URL = `javascript:window.${HOSTILE_GLOBAL}=1`;
const ATTR_BREAK = `"><img src=x onerror=window.${HOSTILE_GLOBAL}=1>`;
/** U+202E RIGHT-TO-LEFT OVERRIDE: "invoice‮fdp.exe" displays as "invoiceexe.pdf". */
const RLO = 'invoice\u202Efdp.exe';
const ODD_UNICODE = `zero\u200Bwidth \u{1F525}\u{1F4A5} combining e\u0301\u0301\u0301 nul\u0000end bidi\u2066isolate\u2069`;

/** Segment names: only characters the spec allows, but still dangerous when mishandled. */
export const HOSTILE_SEGMENT_NAMES = [
  JS_URL,
  `&#60img src=x onerror=window.${HOSTILE_GLOBAL}=1&#62`,
] as const;

function long(length: number, unit: string): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** `depth` nested objects with a payload at the bottom (deep-tree renderers, recursion limits). */
function deep(depth: number): Record<string, unknown> {
  let node: Record<string, unknown> = { payload: IMG, script: SCRIPT };
  for (let level = depth - 1; level >= 1; level--)
    node = { level, [`k${level}${IMG}`]: SVG, child: node };
  return node;
}

/** Objects with own `__proto__`/`constructor` keys, as JSON.parse creates them from the wire. */
function prototypeKeys(): Record<string, unknown> {
  return JSON.parse(
    `{"__proto__":{"polluted":"${HOSTILE_GLOBAL}"},"constructor":{"prototype":{"polluted":true}},"toString":"${SCRIPT.replaceAll('"', '\\"')}"}`,
  );
}

function hostileAnnotations(): Record<string, string | number | boolean> {
  const keys = JSON.parse(
    '{"__proto__":"proto-annotation","constructor":"ctor-annotation"}',
  ) as Record<string, string>;
  return {
    ...keys,
    xss_img: IMG,
    xss_script: SCRIPT,
    xss_url: JS_URL,
    rtl_override: RLO,
    odd_unicode: ODD_UNICODE,
    long_value: long(10_000, `${IMG} `),
    [`bad key ${IMG}`]: ATTR_BREAK,
    number_like: '1e309',
  };
}

export function hostileTraceId(startSec: number, seed: number): string {
  return newTraceId(startSec, new Rng(hashParts(seed, startSec)));
}

/** The hostile trace, starting at the top of second `startSec`. */
export function generateHostileTrace(opts: { startSec: number; seed: number }): IngestDoc[] {
  const rng = new Rng(hashParts(opts.seed, opts.startSec));
  const traceId = newTraceId(opts.startSec, rng);
  const t0 = opts.startSec * 1000;
  const s = (ms: number) => (t0 + ms) / 1000;

  const stack = [
    { path: `${SCRIPT}.js`, line: 1, label: IMG },
    { path: JS_URL, line: null, label: `${RLO} ${SVG}` },
    { path: 'node', label: ODD_UNICODE },
  ];
  const remote: SubsegmentDoc = {
    id: newId(rng),
    name: IMG,
    start_time: s(10),
    end_time: s(900),
    namespace: 'remote',
    fault: true,
    http: { request: { method: 'POST', url: JS_URL, traced: true }, response: { status: 502 } },
  };
  const sql: SubsegmentDoc = {
    id: newId(rng),
    name: SCRIPT,
    start_time: s(905),
    end_time: s(950),
    namespace: 'remote',
    sql: {
      url: JS_URL,
      sanitized_query: `SELECT '${SCRIPT}' FROM users WHERE name = '${IMG}' -- ${RLO}`,
      database_type: SVG,
      database_version: ATTR_BREAK,
      user: IMG,
    },
  };
  const table: SubsegmentDoc = {
    id: newId(rng),
    name: 'DynamoDB',
    start_time: s(951),
    end_time: s(990),
    namespace: 'aws',
    http: { response: { status: 200 } },
    aws: {
      operation: 'GetItem',
      table_name: IMG,
      region: 'us-east-1',
      request_id: SCRIPT,
      resource_names: [IMG],
    },
  };
  const rtl: SubsegmentDoc = { id: newId(rng), name: RLO, start_time: s(991), end_time: s(1000) };
  const maxName: SubsegmentDoc = {
    id: newId(rng),
    name: long(200, `${SCRIPT}${IMG}`),
    start_time: s(1001),
    end_time: s(1010),
  };

  const rootException = {
    id: newId(rng),
    type: IMG,
    message: `${SCRIPT} ${long(9_900, `${IMG} ${JS_URL} `)}`,
    stack,
  };
  const root: SegmentDoc = {
    id: newId(rng),
    name: HOSTILE_SEGMENT_NAMES[0],
    trace_id: traceId,
    start_time: s(0),
    end_time: s(1020),
    origin: 'AWS::EC2::Instance',
    resource_arn: `arn:aws:lambda:us-east-1:111122223333:function:${IMG}`,
    user: IMG,
    service: { version: SCRIPT },
    fault: true,
    http: {
      request: {
        method: 'GET',
        url: JS_URL,
        user_agent: SCRIPT,
        client_ip: ATTR_BREAK,
        x_forwarded_for: true,
      },
      response: { status: 500, content_length: 12 },
    },
    aws: { ec2: { instance_id: IMG, availability_zone: SCRIPT, ami_id: JS_URL } },
    annotations: hostileAnnotations(),
    metadata: {
      default: { html: IMG, deep: deep(50), proto: prototypeKeys() },
      [SCRIPT]: { [IMG]: ODD_UNICODE },
    },
    cause: { working_directory: SCRIPT, paths: [IMG, JS_URL], exceptions: [rootException] },
    subsegments: [remote, sql, table, rtl, maxName],
  };

  // The instrumented service behind the remote call: hostile type, metadata and a long message.
  const calleeException = {
    id: newId(rng),
    type: SVG,
    message: long(10_000, `${SCRIPT} `),
    remote: true,
    stack,
  };
  const callee: SegmentDoc = {
    id: newId(rng),
    name: HOSTILE_SEGMENT_NAMES[1],
    trace_id: traceId,
    parent_id: remote.id,
    start_time: s(14),
    end_time: s(895),
    origin: IMG,
    user: SCRIPT,
    fault: true,
    http: {
      request: { method: IMG, url: `https://evil.example.com/${IMG}`, client_ip: SVG },
      response: { status: 502 },
    },
    annotations: { xss_callee: SVG, long_callee: long(10_000, `${SVG} `) },
    metadata: { default: { deep: deep(50), long: long(10_000, ODD_UNICODE) } },
    cause: { working_directory: IMG, exceptions: [calleeException] },
  };

  // An independent subsegment (hostile name, in-progress then complete) under the callee.
  const async: SubsegmentDoc & { type: 'subsegment'; trace_id: string; parent_id: string } = {
    id: newId(rng),
    name: `${IMG}${RLO}`,
    trace_id: traceId,
    parent_id: callee.id,
    type: 'subsegment',
    start_time: s(20),
    end_time: s(880),
    fault: true,
    annotations: { xss_async: IMG },
    metadata: { [JS_URL]: { html: SCRIPT } },
    cause: {
      exceptions: [
        {
          id: newId(rng),
          type: JS_URL,
          message: `${ATTR_BREAK} ${long(9_000, `${SVG} `)}`,
          stack,
          truncated: 3,
          cause: calleeException.id,
        },
      ],
    },
  };
  const { end_time: _end, fault: _fault, cause: _cause, ...started } = async;
  const asyncInProgress = { ...started, in_progress: true };

  return [asyncInProgress, async, callee, root];
}
