import { describe, expect, it } from 'vitest';
import type { EntityDoc } from '../../../xray/types.ts';
import { buildExceptionIndex, parentException, resolveExceptions } from './resolve-exceptions.ts';

const piece = (id: string, cause?: EntityDoc['cause']): { doc: EntityDoc } => ({
  doc: { id, name: id, start_time: 1, end_time: 2, ...(cause === undefined ? {} : { cause }) },
});

// 0: the call that failed first; 1: an ancestor pointing at exception e1 by id;
// 2: the Node SDK's re-record form {id: <piece id>, exceptions: []}; 3: a dangling reference.
const rows = [
  piece('sub0', {
    exceptions: [
      { id: 'e1', type: 'Timeout', message: 'upstream timed out', cause: 'e0' },
      { id: 'e0', type: 'SocketError', message: 'reset' },
    ],
  }),
  piece('seg1', 'e1'),
  piece('seg2', { id: 'sub0', exceptions: [] }),
  piece('seg3', 'ffffffffffffffff'),
];
const index = (() => {
  const idx = buildExceptionIndex(rows);
  return () => idx;
})();
const rowOf = (id: string) => rows.findIndex((r) => r.doc.id === id);
const resolve = (i: number) =>
  resolveExceptions(rows[i]!.doc, i, index, rowOf, rows).map((r) => [
    r.exception.id,
    r.row,
    r.referenced,
  ]);

describe('resolveExceptions', () => {
  it('returns a piece’s own exceptions', () => {
    expect(resolve(0)).toEqual([
      ['e1', 0, false],
      ['e0', 0, false],
    ]);
  });

  it('resolves a cause that is an exception id elsewhere in the trace', () => {
    expect(resolve(1)).toEqual([['e1', 0, true]]);
  });

  it('resolves {id, exceptions: []} to the exceptions of the piece with that id', () => {
    expect(resolve(2)).toEqual([
      ['e1', 0, true],
      ['e0', 0, true],
    ]);
  });

  it('returns nothing for a reference that is not in the trace', () => {
    expect(resolve(3)).toEqual([]);
  });

  it('finds the exception that caused another', () => {
    const e1 = index().byId.get('e1')!.exception;
    expect(parentException(e1, index)?.exception.type).toBe('SocketError');
    expect(parentException(index().byId.get('e0')!.exception, index)).toBeUndefined();
  });
});
