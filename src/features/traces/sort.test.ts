import { describe, expect, it } from 'vitest';
import { nextSort, sortFromSearch } from './sort.ts';

describe('sort in the URL', () => {
  it('defaults to newest first and ignores unknown keys', () => {
    expect(sortFromSearch({})).toEqual({ key: 'time', desc: true });
    expect(sortFromSearch({ sort: 'banana' })).toEqual({ key: 'time', desc: true });
    expect(sortFromSearch({ sort: 'url' })).toEqual({ key: 'url', desc: false });
  });
  it('flips the same column and leaves defaults out of the URL', () => {
    expect(nextSort({ key: 'time', desc: true }, 'time')).toEqual({ sort: undefined, desc: false });
    expect(nextSort({ key: 'time', desc: false }, 'time')).toEqual({
      sort: undefined,
      desc: undefined,
    });
    expect(nextSort({ key: 'time', desc: true }, 'url')).toEqual({ sort: 'url', desc: undefined });
    expect(nextSort({ key: 'url', desc: false }, 'url')).toEqual({ sort: 'url', desc: true });
  });
});
