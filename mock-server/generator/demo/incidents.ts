/**
 * Scripted incidents that recur on a fixed clock (UTC, independent of the seed) so an on-call
 * engineer — or a test — can know when to look:
 *
 * | incident                   | period | active (UTC)                         |
 * |----------------------------|--------|--------------------------------------|
 * | payment-provider-latency   | 30 min | :02–:08 and :32–:38 every hour       |
 * | inventory-bad-deploy       | 30 min | :17–:21 and :47–:51 every hour       |
 * | carts-throttling           | 50 min | minutes 20–25 of each 50-min cycle   |
 *
 * The first two interleave so the gap between incidents never exceeds 11 minutes: every
 * 15-minute window overlaps at least 4 minutes of red.
 */

export type IncidentName = 'payment-provider-latency' | 'inventory-bad-deploy' | 'carts-throttling';

export interface Incident {
  name: IncidentName;
  title: string;
  description: string;
  /** Services whose segments show it. */
  services: readonly string[];
  periodSec: number;
  /** Start of the active window within each period, counted from the Unix epoch. */
  offsetSec: number;
  durationSec: number;
}

export const INCIDENTS: readonly Incident[] = [
  {
    name: 'payment-provider-latency',
    title: 'Payment provider latency spike',
    description:
      'api.stripe-payments.example.com answers in 2–8 s; payments times out after 6 s (504) and checkout fails with 502.',
    services: ['payments', 'api.stripe-payments.example.com', 'checkout'],
    periodSec: 1800,
    offsetSec: 120,
    durationSec: 360,
  },
  {
    name: 'inventory-bad-deploy',
    title: 'Bad inventory deploy',
    description:
      'inventory 2024.11.4 is rolled out (annotation version) and ~45 % of its requests fail with 500 until it is rolled back to 2024.11.3.',
    services: ['inventory', 'cart', 'checkout', 'catalog'],
    periodSec: 1800,
    offsetSec: 1020,
    durationSec: 240,
  },
  {
    name: 'carts-throttling',
    title: 'DynamoDB throttling on the carts table',
    description:
      'Most calls to the carts table fail with ProvisionedThroughputExceededException (429 after 3 retries); cart answers 429, checkout 503.',
    services: ['cart', 'carts', 'checkout'],
    periodSec: 3000,
    offsetSec: 1200,
    durationSec: 300,
  },
];

function find(name: IncidentName): Incident {
  const incident = INCIDENTS.find((i) => i.name === name);
  if (!incident) throw new Error(`unknown incident ${name}`);
  return incident;
}

/** Seconds since the start of the current active window, or -1 when inactive. */
function phase(incident: Incident, tSec: number): number {
  const p =
    (((tSec - incident.offsetSec) % incident.periodSec) + incident.periodSec) % incident.periodSec;
  return p < incident.durationSec ? p : -1;
}

export function isIncidentActive(name: IncidentName, tSec: number): boolean {
  return phase(find(name), tSec) >= 0;
}

/** Active windows `[start, end)` (epoch seconds) that overlap `[fromSec, toSec)`. */
export function incidentWindows(
  name: IncidentName,
  fromSec: number,
  toSec: number,
): [number, number][] {
  const incident = find(name);
  const windows: [number, number][] = [];
  const first = Math.floor((fromSec - incident.offsetSec) / incident.periodSec);
  for (let k = first; ; k++) {
    const start = k * incident.periodSec + incident.offsetSec;
    if (start >= toSec) break;
    const end = start + incident.durationSec;
    if (end > fromSec) windows.push([start, end]);
  }
  return windows;
}

/** Which incidents a request starting at `tSec` runs into. */
export interface ActiveIncidents {
  paymentLatency: boolean;
  inventoryDeploy: boolean;
  cartsThrottling: boolean;
}

export function activeAt(tSec: number): ActiveIncidents {
  return {
    paymentLatency: isIncidentActive('payment-provider-latency', tSec),
    inventoryDeploy: isIncidentActive('inventory-bad-deploy', tSec),
    cartsThrottling: isIncidentActive('carts-throttling', tSec),
  };
}
