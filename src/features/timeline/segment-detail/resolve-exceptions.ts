import type { CauseDoc, EntityDoc, ExceptionDoc } from '../../../xray/types.ts';

/**
 * The exceptions to show for one piece, with references resolved (segment-document.md §8):
 * - `cause: {exceptions: [...]}`: those exceptions;
 * - `cause: "<16 hex>"`: an exception recorded elsewhere in the trace, found by its id;
 * - `cause: {id: "<16 hex>", exceptions: []}` (Node SDK re-recording an error on an ancestor):
 *   the exceptions of the piece with that id.
 * Each exception's own `cause` (the exception that caused it) is resolved the same way.
 */
export interface ResolvedException {
  exception: ExceptionDoc;
  /** Row index of the piece that recorded it. */
  row: number;
  /** Resolved from a reference rather than recorded on this piece. */
  referenced: boolean;
}

export interface ExceptionIndex {
  byId: Map<string, { exception: ExceptionDoc; row: number }>;
}

function causeExceptions(cause: unknown): ExceptionDoc[] {
  if (!cause || typeof cause !== 'object') return [];
  const list = (cause as CauseDoc).exceptions;
  return Array.isArray(list)
    ? list.filter((e): e is ExceptionDoc => typeof e === 'object' && e !== null)
    : [];
}

/** Every exception of the trace by id. Built on first use: one pass over the rows. */
export function buildExceptionIndex(docs: readonly { doc: EntityDoc }[]): ExceptionIndex {
  const byId = new Map<string, { exception: ExceptionDoc; row: number }>();
  docs.forEach((r, row) => {
    for (const exception of causeExceptions(r.doc.cause))
      if (typeof exception.id === 'string' && !byId.has(exception.id))
        byId.set(exception.id, { exception, row });
  });
  return { byId };
}

export function resolveExceptions(
  doc: EntityDoc,
  self: number,
  index: () => ExceptionIndex,
  rowOf: (id: string) => number,
  docs: readonly { doc: EntityDoc }[],
): ResolvedException[] {
  const cause = doc.cause;
  if (typeof cause === 'string') {
    const hit = index().byId.get(cause);
    return hit ? [{ ...hit, referenced: true }] : [];
  }
  const own = causeExceptions(cause);
  if (own.length > 0) return own.map((exception) => ({ exception, row: self, referenced: false }));
  const id = (cause as CauseDoc | undefined)?.id;
  if (typeof id === 'string') {
    const row = rowOf(id);
    const other = docs[row];
    if (row >= 0 && row !== self && other)
      return causeExceptions(other.doc.cause).map((exception) => ({
        exception,
        row,
        referenced: true,
      }));
  }
  return [];
}

/** The exception that caused `e` (its `cause` id), if the trace holds it. */
export function parentException(
  e: ExceptionDoc,
  index: () => ExceptionIndex,
): { exception: ExceptionDoc; row: number } | undefined {
  return typeof e.cause === 'string' ? index().byId.get(e.cause) : undefined;
}
