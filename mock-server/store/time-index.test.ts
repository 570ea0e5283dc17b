import { describe, expect, it } from 'vitest';
import { TimeIndex } from './time-index.ts';

function collect(index: TimeIndex<string>, from: number, to: number, pageSize: number): string[][] {
  const pages: string[][] = [];
  let cursor: ReturnType<TimeIndex<string>['scanDesc']>;
  do {
    const page: string[] = [];
    cursor = index.scanDesc(from, to, cursor, (item) => {
      page.push(item);
      return page.length < pageSize;
    });
    pages.push(page);
  } while (cursor);
  return pages;
}

describe('TimeIndex', () => {
  it('scans newest second first, newest arrival first, and resumes exactly where it stopped', () => {
    const index = new TimeIndex<string>();
    for (const [sec, name] of [
      [10, 'a'],
      [12, 'b'],
      [10, 'c'],
      [11, 'd'],
      [12, 'e'],
    ] as const) {
      index.insert(sec, name);
    }
    expect(collect(index, 0, 100, 2)).toEqual([['e', 'b'], ['d', 'c'], ['a']]);
    expect(collect(index, 11, 11, 10)).toEqual([['d']]);
  });

  it('keeps a cursor valid while new items arrive in the second it points into', () => {
    const index = new TimeIndex<string>();
    index.insert(5, 'x');
    index.insert(5, 'y');
    index.insert(4, 'w');
    const seen: string[] = [];
    const cursor = index.scanDesc(0, 10, undefined, (item) => {
      seen.push(item);
      return false;
    });
    index.insert(5, 'z'); // arrives behind the cursor: not visited by this scan
    index.scanDesc(0, 10, cursor, (item) => {
      seen.push(item);
      return true;
    });
    expect(seen).toEqual(['y', 'x', 'w']);
  });

  it('lists a range oldest first and evicts what is older than a cutoff', () => {
    const index = new TimeIndex<number>();
    for (let s = 0; s < 10; s++) index.insert(s, s);
    expect([...index.range(3, 5)]).toEqual([3, 4, 5]);
    expect(index.evictBefore(5, (n) => n % 2 === 0)).toEqual([0, 2, 4]);
    expect([...index.range(0, 9)]).toEqual([1, 3, 5, 6, 7, 8, 9]);
  });
});
