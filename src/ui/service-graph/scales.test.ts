import { describe, expect, it } from 'vitest';
import { sampleServices } from './fixtures.ts';
import { buildMapGraph } from './graph-elements.ts';
import { LIGHT_PALETTE as P } from './palette.ts';
import { computeVisuals, EDGE_WIDTH, latencyScale, NODE_SIZE } from './scales.ts';

const g = buildMapGraph(sampleServices(), { windowSeconds: 600 });
const nodes = g.nodes.map((n) => n.data);
const edges = g.edges.map((e) => e.data);

describe('computeVisuals', () => {
  it('sizes nodes and edges by traffic within their ranges', () => {
    const v = computeVisuals(nodes, edges, 'health', P);
    for (const n of v.nodes.values()) {
      expect(n.size).toBeGreaterThanOrEqual(NODE_SIZE.min);
      expect(n.size).toBeLessThanOrEqual(NODE_SIZE.max);
    }
    const widths = edges.map((e) => v.edges.get(e.id)!.width);
    // The busiest call (DynamoDB, 16/min) is the widest; SNS (2/min) thinner.
    expect(widths[1]).toBe(EDGE_WIDTH.max);
    expect(widths[2]!).toBeLessThan(widths[1]!);
  });

  it('colours edges by outcome in health mode: fault, then error, else neutral', () => {
    const v = computeVisuals(nodes, edges, 'health', P);
    const colour = (i: number) => v.edges.get(edges[i]!.id)!.color;
    expect(colour(3)).toBe(P.fault); // 100% fault to the remote host
    expect(colour(1)).toBe(P.error); // 6% throttles on DynamoDB
    expect(colour(2)).toBe(P.border); // all ok to SNS
    expect(colour(0)).toBe(P.fault); // 5% fault from the client
  });

  it('colours by response time in latency mode', () => {
    const v = computeVisuals(nodes, edges, 'latency', P);
    const fast = v.edges.get(edges[1]!.id)!.color; // 25 ms
    const slow = v.edges.get(edges[3]!.id)!.color; // 1 s
    expect(fast).not.toBe(slow);
    expect(v.nodes.get('AWS::SNS::SNS')!.latColor).toBe(P.border); // no data
  });
});

describe('latencyScale', () => {
  it('spans the graph’s own range, log-scaled, with ticks for the legend', () => {
    const s = latencyScale([0.01, 0.1, 1, undefined], P);
    expect(s.domain).toEqual([0.01, 1]);
    expect(s.ticks[1]).toBeCloseTo(0.1);
    expect(s.color(0.01)).toBe(s.color(0.001)); // clamped
  });
  it('widens a degenerate range so one value still has contrast', () => {
    const s = latencyScale([0.2, 0.2], P);
    expect(s.domain[1]).toBeGreaterThan(s.domain[0] * 1.5);
    expect(latencyScale([], P).domain[0]).toBeGreaterThan(0);
  });
});
