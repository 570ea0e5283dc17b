import type { IngestDoc } from '../../../src/xray/types.ts';
import type { Rng } from '../random.ts';
import type { ActiveIncidents } from './incidents.ts';
import type { Shopper } from './people.ts';

/**
 * Everything one simulated request needs while its services run. Times are integer epoch
 * milliseconds inside the generator (exact arithmetic, no float drift) and become seconds only
 * when written into a document.
 */
export interface Tx {
  rng: Rng;
  seed: number;
  traceId: string;
  /** Documents in the order the services would send them: callees finish first, root last. */
  out: IngestDoc[];
  incidents: ActiveIncidents;
  shopper: Shopper;
}

/** A request arriving at a service. */
export interface Inbound {
  startMs: number;
  /** Id of the caller's subsegment (goes into the callee segment's `parent_id`). */
  parentId: string;
  method: string;
  path: string;
  /** Caller address as the callee sees it. */
  clientIp: string;
  userAgent: string;
  /** The request came straight from the API gateway: this service authenticates the shopper. */
  fromGateway?: boolean;
}

/** What a service answered. */
export interface Reply {
  endMs: number;
  status: number;
  bytes: number;
  /** Exception recorded for a failure, so callers can point their own exception's `cause` at it. */
  exceptionId?: string;
}

export type Handler = (tx: Tx, inbound: Inbound) => Reply;
