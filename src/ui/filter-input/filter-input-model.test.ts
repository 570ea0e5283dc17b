import { describe, expect, it } from 'vitest';
import {
  applyCompletion,
  decideSubmit,
  type FilterDiagnostic,
  mirrorPieces,
  moveActive,
  positionLabel,
} from './filter-input-model.ts';

describe('mirrorPieces', () => {
  it('covers the text exactly once and marks error ranges', () => {
    const text = 'http.status = 5x';
    const pieces = mirrorPieces(
      text,
      [
        { from: 0, to: 11, kind: 'keyword' },
        { from: 12, to: 13, kind: 'operator' },
      ],
      [{ from: 14, to: 16, message: 'bad number' }],
    );
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces).toEqual([
      { text: 'http.status', kind: 'keyword', error: false },
      { text: ' ', kind: undefined, error: false },
      { text: '=', kind: 'operator', error: false },
      { text: ' ', kind: undefined, error: false },
      { text: '5x', kind: undefined, error: true },
    ]);
  });

  it('adds a placeholder for an error at the end', () => {
    const pieces = mirrorPieces('ok AND', [], [{ from: 6, to: 6, message: 'expected a term' }]);
    expect(pieces.at(-1)).toEqual({ text: ' ', kind: undefined, error: true });
  });

  it('ignores spans outside the text', () => {
    const pieces = mirrorPieces('ok', [{ from: -3, to: 99, kind: 'keyword' }], []);
    expect(pieces).toEqual([{ text: 'ok', kind: 'keyword', error: false }]);
  });
});

describe('applyCompletion', () => {
  it('replaces the range and places the caret after the insert', () => {
    expect(
      applyCompletion(
        'serv AND ok',
        { from: 0, to: 4 },
        { label: 'service', insert: 'service("")', kind: 'k' },
      ),
    ).toEqual({ text: 'service("") AND ok', cursor: 11 });
  });
  it('separates a completed word from a following word', () => {
    expect(
      applyCompletion('xAND', { from: 0, to: 1 }, { label: 'ok', insert: 'ok', kind: 'k' }).text,
    ).toBe('ok AND');
  });
});

describe('moveActive', () => {
  it('wraps around and starts from none', () => {
    expect(moveActive(-1, 3, 1)).toBe(0);
    expect(moveActive(-1, 3, -1)).toBe(2);
    expect(moveActive(2, 3, 1)).toBe(0);
    expect(moveActive(0, 0, 1)).toBe(-1);
  });
});

describe('decideSubmit', () => {
  const errs: FilterDiagnostic[] = [{ from: 1, to: 2, message: 'no' }];
  const parse = (t: string) =>
    t.includes('!!') ? { ok: false as const, errors: errs } : { ok: true as const };
  it('routes trace ids, empty text, valid and invalid expressions', () => {
    expect(decideSubmit('  ', parse, true)).toEqual({ kind: 'clear' });
    expect(decideSubmit(' 1-5759E988-bd862e3fe1be46a994272793 ', parse, true)).toEqual({
      kind: 'trace',
      traceId: '1-5759e988-bd862e3fe1be46a994272793',
    });
    expect(decideSubmit('5759e988bd862e3fe1be46a994272793', parse, true)).toEqual({
      kind: 'trace',
      traceId: '1-5759e988-bd862e3fe1be46a994272793',
    });
    expect(decideSubmit(' fault ', parse, true)).toEqual({ kind: 'filter', text: 'fault' });
    expect(decideSubmit('!!', parse, true)).toEqual({ kind: 'invalid', errors: errs });
  });
  it('treats ids as expressions when the host does not open traces', () => {
    expect(decideSubmit('5759e988bd862e3fe1be46a994272793', parse, false).kind).toBe('filter');
  });
});

describe('positionLabel', () => {
  it('counts columns from 1 and lines when there are several', () => {
    expect(positionLabel('abc', 0)).toBe('column 1');
    expect(positionLabel('ab\ncd', 4)).toBe('line 2, column 2');
  });
});
