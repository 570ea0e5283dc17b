import type {
  FaultRootCause,
  FaultRootCauseEntity,
  ResponseTimeRootCause,
  ResponseTimeRootCauseEntity,
  RootCauseException,
  RootCauseService,
  ServiceId,
  SubsegmentDoc,
} from '../types.ts';
import { ERROR, FAULT, OPEN } from './classify.ts';
import { KIND_INFERRED, KIND_SUBSEGMENT, type PieceIndex } from './pieces.ts';

/**
 * Root causes, X-Ray style (xray-api.md §5; filter-expressions.md example #29).
 *
 * Fault/error: every faulting (erroring) piece none of whose descendants faults (errors) is a root
 * cause. Its `Services` list is the call path from the tree's root to it, one entry per service
 * crossed, each with the EntityPath from that service's segment down to the piece that called the
 * next service; the last entity carries the exceptions (for an inferred segment: those of the
 * calling subsegment). `ClientImpacting` = every piece on the path faults (errors) and the path
 * starts at the entry segment. Paths with the same names are reported once; at most
 * MAX_ROOT_CAUSES per family, in pre-order.
 *
 * Response time: one chain from the entry segment, at each step into the completed child that
 * took longest, with Coverage = piece time / root response time.
 */
export const MAX_ROOT_CAUSES = 10;

export interface RootCauseInput {
  idx: PieceIndex;
  /** outcomeBits per piece. */
  bits: Uint8Array;
  /** Service of the node a piece belongs to. */
  serviceOf: (pieceIndex: number) => ServiceId & { Name: string; Inferred: boolean };
}

function isRemote(idx: PieceIndex, i: number): boolean {
  const kind = idx.kind[i];
  if (kind === KIND_INFERRED) return true;
  if (kind !== KIND_SUBSEGMENT) return false;
  const ns = (idx.docs[i] as SubsegmentDoc).namespace;
  return ns === 'aws' || ns === 'remote';
}

function exceptionsOf(idx: PieceIndex, i: number): RootCauseException[] {
  const cause = idx.docs[i]?.cause;
  if (cause === undefined || typeof cause === 'string' || !Array.isArray(cause.exceptions))
    return [];
  const out: RootCauseException[] = [];
  for (const ex of cause.exceptions) {
    const e: RootCauseException = {};
    if (typeof ex?.type === 'string') e.Name = ex.type;
    if (typeof ex?.message === 'string') e.Message = ex.message;
    out.push(e);
  }
  return out;
}

/** Indices from the tree root down to `leaf`. */
function pathTo(idx: PieceIndex, leaf: number): number[] {
  const path: number[] = [];
  for (let i = leaf; i >= 0; i = idx.parent[i] as number) path.push(i);
  return path.reverse();
}

/** Splits a piece path into per-service groups (a new group starts at every segment). */
function groupByService<E>(
  input: RootCauseInput,
  path: number[],
  entity: (i: number, last: boolean) => E,
): RootCauseService<E>[] {
  const services: RootCauseService<E>[] = [];
  let current: E[] | undefined;
  for (let k = 0; k < path.length; k++) {
    const i = path[k] as number;
    if (current === undefined || input.idx.segment[i] === i) {
      const id = input.serviceOf(i);
      current = [];
      const service: RootCauseService<E> = { Name: id.Name, Names: [id.Name] };
      if (id.Type !== undefined) service.Type = id.Type;
      if (id.AccountId !== undefined) service.AccountId = id.AccountId;
      service.EntityPath = current;
      service.Inferred = id.Inferred;
      services.push(service);
    }
    current.push(entity(i, k === path.length - 1));
  }
  return services;
}

function failureRootCauses(input: RootCauseInput, bit: number): FaultRootCause[] {
  const { idx, bits } = input;
  const n = idx.length;
  let any = false;
  for (let i = 0; i < n && !any; i++) any = ((bits[i] as number) & bit) !== 0;
  if (!any) return [];
  const below = new Uint8Array(n);
  for (let i = n - 1; i > 0; i--) {
    const parent = idx.parent[i] as number;
    if (parent >= 0 && (((bits[i] as number) & bit) !== 0 || below[i] === 1)) below[parent] = 1;
  }
  const out: FaultRootCause[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < n && out.length < MAX_ROOT_CAUSES; i++) {
    if (((bits[i] as number) & bit) === 0 || below[i] === 1) continue;
    const path = pathTo(idx, i);
    const key = path.map((j) => idx.docs[j]?.name).join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    const services = groupByService<FaultRootCauseEntity>(input, path, (j, last) => {
      const e: FaultRootCauseEntity = { Name: idx.docs[j]?.name ?? '', Remote: isRemote(idx, j) };
      if (last) {
        const caller = idx.parent[j] as number;
        e.Exceptions = exceptionsOf(idx, idx.kind[j] === KIND_INFERRED && caller >= 0 ? caller : j);
      }
      return e;
    });
    const impacting = path[0] === idx.root && path.every((j) => ((bits[j] as number) & bit) !== 0);
    out.push({ Services: services, ClientImpacting: impacting });
  }
  return out;
}

export function faultRootCauses(input: RootCauseInput): FaultRootCause[] {
  return failureRootCauses(input, FAULT);
}

export function errorRootCauses(input: RootCauseInput): FaultRootCause[] {
  return failureRootCauses(input, ERROR);
}

export function responseTimeRootCauses(input: RootCauseInput): ResponseTimeRootCause[] {
  const { idx, bits } = input;
  const root = idx.root;
  const rootDoc = idx.docs[root];
  if (rootDoc === undefined || ((bits[root] as number) & OPEN) !== 0) return [];
  const rt = (rootDoc.end_time as number) - rootDoc.start_time;
  if (!(rt > 0)) return [];
  const time = (i: number) =>
    (idx.docs[i]?.end_time as number) - (idx.docs[i]?.start_time as number);
  const path = [root];
  for (let i = root; ; ) {
    let best = -1;
    let bestTime = Number.NEGATIVE_INFINITY;
    const end = i + (idx.size[i] as number);
    for (let j = i + 1; j < end; j += idx.size[j] as number) {
      if (((bits[j] as number) & OPEN) === 0 && time(j) > bestTime) {
        best = j;
        bestTime = time(j);
      }
    }
    if (best < 0) break;
    path.push(best);
    i = best;
  }
  const services = groupByService<ResponseTimeRootCauseEntity>(input, path, (j) => ({
    Name: idx.docs[j]?.name ?? '',
    // Coverage is a ratio for people and `coverage > 0.7` filters; 4 decimals are plenty.
    Coverage: Math.round((time(j) / rt) * 1e4) / 1e4,
    Remote: isRemote(idx, j),
  }));
  return [{ Services: services, ClientImpacting: true }];
}
