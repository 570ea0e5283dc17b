import type { EntityDoc, SegmentDoc } from '../../../src/xray/types.ts';
import { newId } from '../ids.ts';
import { hashString, rngFor } from '../random.ts';
import type { Runtime } from './faults.ts';
import { closeAt, sec, setStatus } from './spans.ts';
import type { Inbound, Tx } from './tx.ts';

/** The long-running services of the shop (ECS tasks and the EC2 monolith) and their segments. */

export const ACCOUNT = '111122223333';
export const REGION = 'us-east-1';

export interface ServiceDef {
  name: string;
  kind: 'ecs' | 'ec2';
  runtime: Runtime;
  version: string;
  workingDir: string;
  /** Clock offset per task/instance in ms; a few hosts drift, as real fleets do. */
  skewMs: readonly number[];
}

const SDK: Record<Runtime, { service: Record<string, string>; xray: Record<string, string> }> = {
  node: {
    service: { runtime: 'node', runtime_version: 'v20.11.1' },
    xray: { sdk: 'X-Ray for Node.js', sdk_version: '3.12.0', package: 'aws-xray-sdk-core' },
  },
  java: {
    service: { runtime: 'OpenJDK 64-Bit Server VM', runtime_version: '17.0.9' },
    xray: { sdk: 'X-Ray for Java', sdk_version: '2.15.1' },
  },
  python: {
    service: { runtime: 'CPython', runtime_version: '3.11.6' },
    xray: { sdk: 'X-Ray for Python', sdk_version: '2.12.1' },
  },
};

const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
const hostCache = new Map<string, Record<string, unknown>>();

/** Stable identity of task/instance `index` of a service (same seed → same container ids). */
function hostBlock(seed: number, svc: ServiceDef, index: number): Record<string, unknown> {
  const key = `${seed}:${svc.name}:${index}`;
  const cached = hostCache.get(key);
  if (cached) return cached;
  const rng = rngFor(seed, hashString(svc.name), index);
  const block: Record<string, unknown> =
    svc.kind === 'ec2'
      ? {
          ec2: {
            instance_id: `i-0${rng.hex(16)}`,
            instance_size: 'm5.xlarge',
            ami_id: `ami-0${rng.hex(16)}`,
            availability_zone: ZONES[index % ZONES.length],
          },
          xray: SDK[svc.runtime].xray,
        }
      : {
          ecs: {
            container: `ip-10-0-${rng.int(1, 63)}-${rng.int(2, 254)}.ec2.internal`,
            container_id: rng.hex(64),
            container_arn: `arn:aws:ecs:${REGION}:${ACCOUNT}:container/shop-prod/${rng.hex(32)}/${rng.hex(8)}`,
          },
          xray: SDK[svc.runtime].xray,
        };
  if (hostCache.size > 10_000) hostCache.clear();
  hostCache.set(key, block);
  return block;
}

export interface OpenSegment {
  doc: SegmentDoc;
  svc: ServiceDef;
  skewMs: number;
}

/** Opens the segment a service writes for an inbound request. */
export function startSegment(
  tx: Tx,
  svc: ServiceDef,
  inbound: Inbound,
  version = svc.version,
): OpenSegment {
  const instance = tx.rng.int(0, svc.skewMs.length - 1);
  const doc: SegmentDoc = {
    id: newId(tx.rng),
    name: svc.name,
    trace_id: tx.traceId,
    parent_id: inbound.parentId,
    start_time: sec(inbound.startMs),
    end_time: 0,
    origin: svc.kind === 'ec2' ? 'AWS::EC2::Instance' : 'AWS::ECS::Container',
    service: { version, ...SDK[svc.runtime].service },
    http: {
      request: {
        method: inbound.method,
        url: `http://${svc.name}:8080${inbound.path}`,
        user_agent: inbound.userAgent,
        client_ip: inbound.clientIp,
        x_forwarded_for: true,
      },
    },
    aws: hostBlock(tx.seed, svc, instance),
    annotations: { version },
  };
  if (inbound.fromGateway) identify(tx, doc);
  return { doc, svc, skewMs: svc.skewMs[instance] ?? 0 };
}

/** Who is calling, recorded by the first service behind the gateway (the one that authenticates). */
function identify(tx: Tx, doc: SegmentDoc): void {
  const s = tx.shopper;
  if (s.user) doc.user = s.user;
  doc.annotations ??= {};
  const annotations = doc.annotations;
  annotations.tenant = s.tenant;
  annotations.customer_tier = s.tier;
  annotations.region = s.region;
}

function shift(e: EntityDoc, ms: number): void {
  e.start_time = (Math.round(e.start_time * 1000) + ms) / 1000;
  if (e.end_time !== undefined) e.end_time = (Math.round(e.end_time * 1000) + ms) / 1000;
  for (const c of e.subsegments ?? []) shift(c, ms);
}

/** Closes a segment, applies the host's clock skew and sends it. */
export function finishSegment(
  tx: Tx,
  seg: OpenSegment,
  endMs: number,
  status: number,
  bytes: number,
): void {
  closeAt(seg.doc, endMs);
  setStatus(seg.doc, status, bytes);
  if (seg.skewMs !== 0) shift(seg.doc, seg.skewMs);
  tx.out.push(seg.doc);
}

const CLIENT_UA: Record<Runtime, string> = {
  node: 'node',
  java: 'Apache-HttpClient/4.5.14 (Java/17.0.9)',
  python: 'python-requests/2.31.0',
};

/** How a service looks to the services it calls: a private task address and its HTTP client. */
export function outbound(tx: Tx, svc: ServiceDef): { clientIp: string; userAgent: string } {
  return {
    clientIp: `10.0.${tx.rng.int(1, 63)}.${tx.rng.int(2, 254)}`,
    userAgent: CLIENT_UA[svc.runtime],
  };
}
