import type { Rng } from '../random.ts';
import { rngFor } from '../random.ts';

/**
 * The shop's customers. A shopper is derived from (seed, user number) alone, so the same user
 * always has the same tenant, tier, address and browser across requests.
 */

export interface Shopper {
  /** X-Ray `user`; undefined for anonymous visitors. */
  user?: string;
  tenant: string;
  tier: 'free' | 'silver' | 'gold' | 'platinum';
  region: string;
  clientIp: string;
  userAgent: string;
  cartId: string;
}

const FIRST = [
  'alice',
  'bob',
  'carol',
  'dave',
  'erin',
  'frank',
  'grace',
  'heidi',
  'ivan',
  'judy',
  'mallory',
  'niaj',
  'olivia',
  'peggy',
  'rupert',
  'sybil',
  'trent',
  'victor',
  'walter',
  'yusuf',
];
const LAST = [
  'nguyen',
  'smith',
  'garcia',
  'kowalski',
  'tanaka',
  'okafor',
  'muller',
  'rossi',
  'silva',
  'cohen',
  'patel',
  'dubois',
  'jensen',
  'novak',
  'kim',
  'ali',
  'moreau',
  'lopez',
  'ivanova',
  'brown',
];

/** Tenants weighted by size: acme is the big customer, so its group is always busy. */
const TENANTS: readonly (readonly [string, number])[] = [
  ['acme', 30],
  ['globex', 20],
  ['initech', 15],
  ['umbrella', 12],
  ['hooli', 10],
  ['soylent', 7],
  ['stark', 6],
];
const TIERS: readonly (readonly [Shopper['tier'], number])[] = [
  ['free', 50],
  ['silver', 28],
  ['gold', 16],
  ['platinum', 6],
];
const REGIONS: readonly (readonly [string, number])[] = [
  ['us-east', 45],
  ['us-west', 20],
  ['eu-central', 25],
  ['ap-southeast', 10],
];
const USER_AGENTS: readonly (readonly [string, number])[] = [
  [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    30,
  ],
  [
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
    18,
  ],
  [
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
    16,
  ],
  [
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36',
    12,
  ],
  ['Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0', 8],
  ['ShopApp/5.12.0 (iPhone; iOS 18.1; Scale/3.00)', 9],
  ['ShopApp/5.11.2 (Android 14; Pixel 8)', 5],
  ['okhttp/4.12.0', 2],
];
const PREFIXES = ['203.0.113', '198.51.100', '192.0.2'];

export const USER_COUNT = FIRST.length * LAST.length;

/** Shopper number `n` (0 ≤ n < USER_COUNT); `anonymous` visitors have no `user`. */
export function shopper(seed: number, n: number, anonymous: boolean): Shopper {
  const rng: Rng = rngFor(seed, 0x5a0bbe5, n);
  const user = `${FIRST[n % FIRST.length]}.${LAST[Math.floor(n / FIRST.length) % LAST.length]}`;
  const base: Shopper = {
    tenant: rng.weighted(TENANTS),
    tier: rng.weighted(TIERS),
    region: rng.weighted(REGIONS),
    clientIp: `${rng.pick(PREFIXES)}.${rng.int(1, 254)}`,
    userAgent: rng.weighted(USER_AGENTS),
    cartId: `crt_${rng.hex(12)}`,
  };
  return anonymous ? { ...base, tier: 'free' } : { ...base, user };
}

/** A visitor for one request: 70 % signed-in users (heavy users come back more often). */
export function pickShopper(seed: number, rng: Rng): Shopper {
  // Squaring a uniform skews towards low numbers: a few users make many requests.
  const n = Math.floor(rng.next() ** 2 * USER_COUNT);
  return shopper(seed, n, rng.chance(0.3));
}
