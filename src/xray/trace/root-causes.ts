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
import { isComplete } from './classify.ts';
import type { Outcome } from './facts.ts';
import type { Piece } from './pieces.ts';

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
  pieces: readonly Piece[];
  /** Node id per piece index (the node of the piece's segment). */
  serviceOf: (pieceIndex: number) => ServiceId & { Name: string; Inferred: boolean };
  root: number;
  /** outcomeOf(piece.doc) per piece index, computed once by the caller. */
  outcomes: readonly Outcome[];
}

function isRemote(p: Piece): boolean {
  if (p.kind === 'inferred') return true;
  if (p.kind !== 'subsegment') return false;
  const ns = (p.doc as SubsegmentDoc).namespace;
  return ns === 'aws' || ns === 'remote';
}

function exceptionsOf(p: Piece): RootCauseException[] {
  const cause = p.doc.cause;
  if (cause === undefined || typeof cause === 'string' || !Array.isArray(cause.exceptions))
    return [];
  const out: RootCauseException[] = [];
  for (const ex of cause.exceptions) {
    const e: RootCauseException = {};
    if (typeof ex.type === 'string') e.Name = ex.type;
    if (typeof ex.message === 'string') e.Message = ex.message;
    out.push(e);
  }
  return out;
}

/** Indices from the tree root down to `leaf`. */
function pathTo(pieces: readonly Piece[], leaf: number): number[] {
  const path: number[] = [];
  for (let i = leaf; i >= 0; i = (pieces[i] as Piece).parent) path.push(i);
  return path.reverse();
}

/** Splits a piece path into per-service groups (a new group starts at every segment). */
function groupByService<E>(
  input: RootCauseInput,
  path: number[],
  entity: (i: number, last: boolean) => E,
): RootCauseService<E>[] {
  const services: RootCauseService<E>[] = [];
  let current: RootCauseService<E> | undefined;
  for (let k = 0; k < path.length; k++) {
    const i = path[k] as number;
    const p = input.pieces[i] as Piece;
    if (current === undefined || p.segment === i) {
      const id = input.serviceOf(i);
      current = { Name: id.Name, Names: [id.Name], EntityPath: [], Inferred: id.Inferred };
      if (id.Type !== undefined && id.Type !== '') current.Type = id.Type;
      if (id.AccountId !== undefined) current.AccountId = id.AccountId;
      services.push(current);
    }
    current.EntityPath?.push(entity(i, k === path.length - 1));
  }
  return services;
}

function failureRootCauses(
  input: RootCauseInput,
  fails: (o: Outcome) => boolean,
): FaultRootCause[] {
  const { pieces } = input;
  const n = pieces.length;
  const failing = new Uint8Array(n);
  const failingBelow = new Uint8Array(n);
  for (let i = 0; i < n; i++) failing[i] = fails(input.outcomes[i] as Outcome) ? 1 : 0;
  for (let i = n - 1; i >= 0; i--) {
    const parent = (pieces[i] as Piece).parent;
    if (parent >= 0 && (failing[i] === 1 || failingBelow[i] === 1)) failingBelow[parent] = 1;
  }
  const out: FaultRootCause[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < n && out.length < MAX_ROOT_CAUSES; i++) {
    if (failing[i] !== 1 || failingBelow[i] === 1) continue;
    const path = pathTo(pieces, i);
    const key = path.map((j) => (pieces[j] as Piece).doc.name).join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    const services = groupByService<FaultRootCauseEntity>(input, path, (j, last) => {
      const p = pieces[j] as Piece;
      const e: FaultRootCauseEntity = { Name: p.doc.name, Remote: isRemote(p) };
      if (last) {
        const source = p.kind === 'inferred' && p.parent >= 0 ? (pieces[p.parent] as Piece) : p;
        e.Exceptions = exceptionsOf(source);
      }
      return e;
    });
    const impacting = path[0] === input.root && path.every((j) => failing[j] === 1);
    out.push({ Services: services, ClientImpacting: impacting });
  }
  return out;
}

export function faultRootCauses(input: RootCauseInput): FaultRootCause[] {
  return failureRootCauses(input, (o) => o.fault);
}

export function errorRootCauses(input: RootCauseInput): FaultRootCause[] {
  return failureRootCauses(input, (o) => o.error);
}

export function responseTimeRootCauses(input: RootCauseInput): ResponseTimeRootCause[] {
  const { pieces, root } = input;
  const rootPiece = pieces[root];
  if (rootPiece === undefined || !isComplete(rootPiece.doc)) return [];
  const rt = (rootPiece.doc.end_time as number) - rootPiece.doc.start_time;
  if (!(rt > 0)) return [];
  const time = (p: Piece) => (p.doc.end_time as number) - p.doc.start_time;
  const path = [root];
  for (let i = root; ; ) {
    const p = pieces[i] as Piece;
    let best = -1;
    let bestTime = Number.NEGATIVE_INFINITY;
    for (let j = i + 1; j < i + p.size; j += (pieces[j] as Piece).size) {
      const c = pieces[j] as Piece;
      if (isComplete(c.doc) && time(c) > bestTime) {
        best = j;
        bestTime = time(c);
      }
    }
    if (best < 0) break;
    path.push(best);
    i = best;
  }
  const services = groupByService<ResponseTimeRootCauseEntity>(input, path, (j) => {
    const p = pieces[j] as Piece;
    // Coverage is a ratio for humans and `coverage > 0.7` filters; 4 decimals are plenty.
    return {
      Name: p.doc.name,
      Coverage: Math.round((time(p) / rt) * 1e4) / 1e4,
      Remote: isRemote(p),
    };
  });
  return [{ Services: services, ClientImpacting: true }];
}
