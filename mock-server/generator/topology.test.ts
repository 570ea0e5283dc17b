import { describe, expect, it } from 'vitest';
import { validateSegmentDocument } from '../../src/xray/segment-validate.ts';
import { checkDoc, checkTrace } from './check-docs.ts';
import { byTrace } from './test-support.ts';
import { generateTopology } from './topology.ts';

const T0 = 1_717_236_000;

describe('generateTopology', () => {
  it.each([50, 200, 500])(
    'builds %i services with ~3 edges each, all reachable from an entry',
    (n) => {
      const topo = generateTopology({ services: n, seed: 3 });
      expect(topo.services).toHaveLength(n);
      expect(new Set(topo.services.map((s) => s.name)).size).toBe(n);
      const callers = topo.services.filter((s) => s.calls.length > 0);
      expect(topo.edges.length / callers.length).toBeGreaterThan(2.5);
      expect(topo.edges.length / callers.length).toBeLessThan(4.5);
      const reached = new Set<number>();
      const stack = topo.services.flatMap((s, i) => (s.layer === 0 ? [i] : []));
      for (let i = stack.pop(); i !== undefined; i = stack.pop()) {
        if (reached.has(i)) continue;
        reached.add(i);
        stack.push(...topo.services[i]!.calls);
      }
      expect(reached.size).toBe(n);
      expect(topo.services.some((s) => s.faulty)).toBe(true);
      for (const s of topo.services)
        for (const c of s.calls) expect(topo.services[c]!.layer).toBeGreaterThan(s.layer);
    },
  );

  it('generates valid traces over exactly its services, and windows compose', () => {
    const topo = generateTopology({ services: 200, seed: 8 });
    const docs = topo.generate(T0, T0 + 40, 30);
    const traces = byTrace(docs);
    expect(traces.size).toBeGreaterThan(30 * 40 * 0.85);
    expect(traces.size).toBeLessThan(30 * 40 * 1.15);
    const problems = docs.flatMap(checkDoc);
    for (const doc of docs) {
      const verdict = validateSegmentDocument(JSON.stringify(doc));
      if (!verdict.ok) problems.push(verdict.message);
    }
    for (const list of traces.values()) problems.push(...checkTrace(list, 0));
    expect(problems.slice(0, 5)).toEqual([]);
    const names = new Set(docs.map((d) => d.name));
    const known = new Set(topo.services.map((s) => s.name));
    expect([...names].filter((name) => !known.has(name))).toEqual([]);
    expect(names.size).toBeGreaterThan(180);
    const seen = new Set(
      docs.flatMap((d) => (d.subsegments ?? []).map((s) => `${d.name}>${s.name}`)),
    );
    expect(seen.size).toBeGreaterThan(topo.edges.length * 0.6);
    expect(docs.some((d) => d.fault)).toBe(true);
    const split = [...topo.generate(T0, T0 + 25, 30), ...topo.generate(T0 + 25, T0 + 40, 30)];
    expect(JSON.stringify(split)).toBe(JSON.stringify(docs));
  });
});
