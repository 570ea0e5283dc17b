/**
 * Seeded randomness for the generators. Every request derives its own generator from
 * (seed, time slot, index) with `rngFor`, so any time window can be regenerated on its own and
 * still produce exactly the same documents as a longer window that contains it.
 */

const TWO_32 = 4294967296;
const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

/** One MurmurHash3 round folding the 32-bit `k` into the state `h`. */
function mixIn(h: number, k: number): number {
  let x = Math.imul(k, 0xcc9e2d51);
  x = rotl(x, 15);
  x = Math.imul(x, 0x1b873593);
  const y = rotl(h ^ x, 13);
  return (Math.imul(y, 5) + 0xe6546b64) | 0;
}

/** MurmurHash3 finalizer: spreads every input bit over the whole output. */
function finalize(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * Hashes integers (up to 2^53, negatives allowed; fractions are truncated) into one 32-bit seed.
 * Each part contributes its low and high 32 bits, so epoch milliseconds hash without collisions.
 */
export function hashParts(...parts: readonly number[]): number {
  let h = 0x9e3779b9 | 0;
  for (const part of parts) {
    const n = Math.trunc(part);
    h = mixIn(h, n >>> 0);
    h = mixIn(h, Math.floor(n / TWO_32) >>> 0);
  }
  return finalize(h ^ parts.length);
}

/** Hashes a string (e.g. a service name) to 32 bits, for use as a `hashParts` part. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** mulberry32: tiny, fast, good enough for synthetic data (not for anything secret). */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed | 0;
  }

  /** Uniform 32-bit unsigned integer. */
  u32(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / TWO_32;
  }

  /** Uniform integer in [lo, hi] (both inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick: empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by relative weight: `[[value, weight], …]`. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (!last) throw new Error('Rng.weighted: empty list');
    return last[0];
  }

  /** Standard normal (Box–Muller). */
  gauss(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal latency in whole milliseconds, at least 1: `median` ms, spread `sigma`. */
  latency(median: number, sigma = 0.35): number {
    return Math.max(1, Math.round(median * Math.exp(sigma * this.gauss())));
  }

  /** Poisson-distributed count (Knuth below 30, normal approximation above). */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.gauss()));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  /**
   * `length` lowercase hex digits. Built from char codes so V8 stores one flat string: concatenating
   * pieces would leave cons-string trees behind in every retained document.
   */
  hex(length: number): string {
    const codes = new Array<number>(length);
    let bits = 0;
    let word = 0;
    for (let i = 0; i < length; i++) {
      if (bits === 0) {
        word = this.u32();
        bits = 8;
      }
      codes[i] = HEX_CODES[word & 15] as number;
      word >>>= 4;
      bits--;
    }
    return String.fromCharCode.apply(null, codes);
  }

  /** `length` characters from `alphabet` (one flat string, see `hex`). */
  chars(length: number, alphabet: string): string {
    const codes = new Array<number>(length);
    for (let i = 0; i < length; i++)
      codes[i] = alphabet.charCodeAt(Math.floor(this.next() * alphabet.length));
    return String.fromCharCode.apply(null, codes);
  }
}

/** A fresh generator for the slot identified by `parts`, e.g. `rngFor(seed, second, index)`. */
export function rngFor(...parts: readonly number[]): Rng {
  return new Rng(hashParts(...parts));
}
