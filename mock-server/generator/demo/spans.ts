import type { CauseDoc, EntityDoc, ExceptionDoc, SubsegmentDoc } from '../../../src/xray/types.ts';
import { addSubsegment } from '../entity.ts';
import { newId } from '../ids.ts';
import type { Rng } from '../random.ts';

/** Small helpers that build (sub)segments while a simulated request runs. */

export function sec(ms: number): number {
  return ms / 1000;
}

/**
 * Appends a subsegment starting at `startMs`. `end_time` is a placeholder that `closeAt` must
 * overwrite (kept in the literal so it serializes next to `start_time`).
 */
export function openSub(
  parent: EntityDoc,
  rng: Rng,
  name: string,
  startMs: number,
  fields: Partial<SubsegmentDoc> = {},
): SubsegmentDoc {
  const sub: SubsegmentDoc = {
    id: newId(rng),
    name,
    start_time: sec(startMs),
    end_time: 0,
    ...fields,
  };
  addSubsegment(parent, sub);
  return sub;
}

export function closeAt(entity: EntityDoc, endMs: number): void {
  entity.end_time = sec(endMs);
}

/** Response status plus the flags the Node SDK derives from it (429 → throttle + error). */
export function setStatus(entity: EntityDoc, status: number, contentLength?: number): void {
  entity.http ??= {};
  entity.http.response =
    contentLength === undefined ? { status } : { status, content_length: contentLength };
  setFlags(entity, status);
}

export function setFlags(entity: EntityDoc, status: number): void {
  if (status === 429) entity.throttle = true;
  if (status >= 400 && status < 500) entity.error = true;
  if (status >= 500) entity.fault = true;
}

/** Records exceptions on an entity (object form of `cause`). */
export function addCause(
  entity: EntityDoc,
  workingDirectory: string,
  exceptions: ExceptionDoc[],
): void {
  const cause: CauseDoc = { working_directory: workingDirectory, exceptions };
  entity.cause = cause;
}

/**
 * Node SDK form for an error already recorded deeper in the trace: points at the subsegment that
 * recorded it first and lists no exceptions of its own (segment-document.md §8).
 */
export function causeRef(entity: EntityDoc, recordedOn: string): void {
  entity.cause = { id: recordedOn, exceptions: [] };
}

/** Runs `body` inside a custom (non-namespace) subsegment, the way code wraps a block of work. */
export function block(
  parent: EntityDoc,
  rng: Rng,
  name: string,
  startMs: number,
  body: (sub: SubsegmentDoc, atMs: number) => number,
): { sub: SubsegmentDoc; endMs: number } {
  const sub = openSub(parent, rng, name, startMs);
  const innerEnd = body(sub, startMs + rng.int(0, 1));
  const endMs = innerEnd + rng.int(0, 1);
  closeAt(sub, endMs);
  return { sub, endMs };
}
