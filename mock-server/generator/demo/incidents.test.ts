import { describe, expect, it } from 'vitest';
import { INCIDENTS, type IncidentName, incidentWindows, isIncidentActive } from './incidents.ts';

const DAY0 = 1_717_200_000; // 2024-06-01T00:00:00Z
const names = INCIDENTS.map((i) => i.name);

describe('incident schedule', () => {
  it('runs each incident for a few minutes in every 30–60 minute cycle', () => {
    for (const incident of INCIDENTS) {
      expect(incident.periodSec).toBeGreaterThanOrEqual(1800);
      expect(incident.periodSec).toBeLessThanOrEqual(3600);
      expect(incident.durationSec).toBeGreaterThanOrEqual(180);
      expect(incident.durationSec).toBeLessThanOrEqual(600);
      let active = 0;
      const cycles = 10;
      for (let t = DAY0; t < DAY0 + cycles * incident.periodSec; t++)
        if (isIncidentActive(incident.name, t)) active++;
      expect(active).toBe(cycles * incident.durationSec);
    }
  });

  it('shows the documented wall-clock windows', () => {
    expect(isIncidentActive('payment-provider-latency', DAY0 + 2 * 60)).toBe(true);
    expect(isIncidentActive('payment-provider-latency', DAY0 + 8 * 60)).toBe(false);
    expect(isIncidentActive('payment-provider-latency', DAY0 + 35 * 60)).toBe(true);
    expect(isIncidentActive('inventory-bad-deploy', DAY0 + 17 * 60)).toBe(true);
    expect(isIncidentActive('inventory-bad-deploy', DAY0 + 50 * 60)).toBe(true);
    expect(isIncidentActive('inventory-bad-deploy', DAY0 + 21 * 60)).toBe(false);
  });

  it('has some incident active during part of every 15-minute window', () => {
    // Scan two days with the latest "all clear" instant: the next incident must start within 15 min.
    let lastActive = DAY0;
    let longestGap = 0;
    for (let t = DAY0; t < DAY0 + 2 * 86_400; t++) {
      if (names.some((n) => isIncidentActive(n, t))) {
        longestGap = Math.max(longestGap, t - lastActive - 1);
        lastActive = t;
      }
    }
    expect(longestGap).toBeLessThan(15 * 60);
    expect(longestGap).toBe(11 * 60);
  });

  it('lists windows that agree with isIncidentActive', () => {
    for (const name of names as IncidentName[]) {
      const from = DAY0 + 1234;
      const to = from + 4 * 3600;
      const windows = incidentWindows(name, from, to);
      expect(windows.length).toBeGreaterThan(0);
      for (let t = from; t < to; t += 7) {
        const inside = windows.some(([a, b]) => t >= a && t < b);
        expect(inside, `${name} @ ${t}`).toBe(isIncidentActive(name, t));
      }
    }
  });
});
