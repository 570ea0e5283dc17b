import type { EntityDoc, SubsegmentDoc } from '../../../src/xray/types.ts';
import { closeAt, openSub, setStatus } from './spans.ts';
import type { Handler, Reply, Tx } from './tx.ts';

/** Instrumented HTTP calls between the shop's services (namespace remote, `traced: true`). */

export interface HttpCall {
  sub: SubsegmentDoc;
  reply: Reply;
  endMs: number;
}

/**
 * Calls `handler` of service `target` over HTTP from `parent`. The callee's segment gets
 * `parent_id` = the new subsegment, starts after a little network time and ends before it.
 * The subsegment is named after the host, as the Node SDK does (ECS Service Connect short names).
 */
export function callService(
  tx: Tx,
  parent: EntityDoc,
  startMs: number,
  target: string,
  method: string,
  path: string,
  handler: Handler,
  from: { clientIp: string; userAgent: string; fromGateway?: boolean },
): HttpCall {
  const sub = openSub(parent, tx.rng, target, startMs, {
    namespace: 'remote',
    http: { request: { method, url: `http://${target}:8080${path.split('?')[0]}`, traced: true } },
  });
  const reply = handler(tx, {
    startMs: startMs + tx.rng.int(1, 3),
    parentId: sub.id,
    method,
    path,
    clientIp: from.clientIp,
    userAgent: from.userAgent,
    ...(from.fromGateway ? { fromGateway: true } : {}),
  });
  const endMs = reply.endMs + tx.rng.int(1, 3);
  closeAt(sub, endMs);
  setStatus(sub, reply.status, reply.bytes);
  return { sub, reply, endMs };
}
