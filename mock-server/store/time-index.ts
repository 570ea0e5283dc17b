/**
 * Traces bucketed by whole epoch second (their index key), buckets kept in ascending key order.
 * Within a bucket, records stay in arrival order, so a (second, position) cursor stays valid while
 * new traces arrive: new ones are appended behind the cursor, never shifted in front of it.
 * Paging newest → oldest is then a walk down the key array without any sorting at query time.
 */

/** Where a newest→oldest scan stopped: the next record to visit is bucket(sec)[idx]. */
export interface ScanCursor {
  sec: number;
  idx: number;
}

export class TimeIndex<T> {
  private readonly buckets = new Map<number, T[]>();
  /** Sorted ascending; appends are the common case (traffic arrives roughly in time order). */
  private readonly keys: number[] = [];

  get bucketCount(): number {
    return this.keys.length;
  }

  insert(sec: number, item: T): void {
    let bucket = this.buckets.get(sec);
    if (!bucket) {
      bucket = [];
      this.buckets.set(sec, bucket);
      const last = this.keys[this.keys.length - 1];
      if (last === undefined || sec > last) this.keys.push(sec);
      else this.keys.splice(lowerBound(this.keys, sec), 0, sec);
    }
    bucket.push(item);
  }

  /** Items of the buckets whose key lies in [fromSec, toSec], oldest bucket first. */
  *range(fromSec: number, toSec: number): Generator<T> {
    for (let k = lowerBound(this.keys, fromSec); k < this.keys.length; k++) {
      const sec = this.keys[k] as number;
      if (sec > toSec) return;
      yield* this.buckets.get(sec) ?? [];
    }
  }

  /**
   * Visits items with key in [fromSec, toSec], newest bucket first and newest arrival first, from
   * `cursor` if given. `visit` returns false to stop after the current item. Returns the cursor
   * to resume from, or undefined when the range is exhausted.
   */
  scanDesc(
    fromSec: number,
    toSec: number,
    cursor: ScanCursor | undefined,
    visit: (item: T, sec: number) => boolean,
  ): ScanCursor | undefined {
    const top = cursor ? Math.min(cursor.sec, toSec) : toSec;
    let k = lowerBound(this.keys, top + 1) - 1;
    let first = true;
    for (; k >= 0; k--) {
      const sec = this.keys[k] as number;
      if (sec < fromSec) return undefined;
      const bucket = this.buckets.get(sec) ?? [];
      let i = bucket.length - 1;
      if (first && cursor && sec === cursor.sec) i = Math.min(cursor.idx, i);
      first = false;
      for (; i >= 0; i--) {
        if (!visit(bucket[i] as T, sec)) return { sec, idx: i - 1 };
      }
    }
    return undefined;
  }

  /** Removes every item with key < cutoffSec for which `drop` is true; returns the removed. */
  evictBefore(cutoffSec: number, drop: (item: T) => boolean): T[] {
    const removed: T[] = [];
    let emptied = 0;
    for (const sec of this.keys) {
      if (sec >= cutoffSec) break;
      const bucket = this.buckets.get(sec) ?? [];
      const keep: T[] = [];
      for (const item of bucket) {
        if (drop(item)) removed.push(item);
        else keep.push(item);
      }
      if (keep.length === 0) {
        this.buckets.delete(sec);
        emptied++;
      } else if (keep.length !== bucket.length) {
        this.buckets.set(sec, keep);
      }
    }
    if (emptied > 0) {
      const alive = this.keys.filter((sec) => this.buckets.has(sec));
      this.keys.length = 0;
      for (const sec of alive) this.keys.push(sec);
    }
    return removed;
  }
}

/** First index whose value is >= x. */
function lowerBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
