import { describe, expect, it } from 'vitest';
import { type LayoutInput, layeredLayout, stableLayout } from './layered-layout.ts';

const chain: LayoutInput = {
  nodes: [{ id: 'db' }, { id: 'api' }, { id: 'client', source: true }, { id: 'cache' }],
  edges: [
    { source: 'client', target: 'api' },
    { source: 'api', target: 'db' },
    { source: 'api', target: 'cache' },
  ],
};

/** A random-ish graph of `n` nodes: a client, then each node called by one or more earlier ones. */
function bigGraph(n: number, extra: number): LayoutInput {
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `n${i}`, source: i === 0 }));
  const edges = [];
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let i = 1; i < n; i++) edges.push({ source: `n${Math.floor(rand() * i)}`, target: `n${i}` });
  for (let k = 0; k < extra; k++) {
    const a = Math.floor(rand() * n);
    const b = Math.floor(rand() * n);
    edges.push({ source: `n${a}`, target: `n${b}` }); // may close cycles or self-loop
  }
  return { nodes, edges };
}

describe('layeredLayout', () => {
  it('reads left to right from the client', () => {
    const p = layeredLayout(chain);
    expect(p.get('client')!.x).toBeLessThan(p.get('api')!.x);
    expect(p.get('api')!.x).toBeLessThan(p.get('db')!.x);
    expect(p.get('db')!.x).toBe(p.get('cache')!.x);
    expect(p.get('db')!.y).not.toBe(p.get('cache')!.y);
  });

  it('keeps a caller left of its callee across a cycle, and places every node once', () => {
    const p = layeredLayout({
      nodes: [{ id: 'c', source: true }, { id: 'a' }, { id: 'b' }],
      edges: [
        { source: 'c', target: 'a' },
        { source: 'a', target: 'b' },
        { source: 'b', target: 'a' },
        { source: 'b', target: 'b' },
      ],
    });
    expect(p.size).toBe(3);
    expect(p.get('c')!.x).toBeLessThan(p.get('a')!.x);
    expect(p.get('a')!.x).toBeLessThan(p.get('b')!.x);
  });

  it('never puts two nodes on the same spot, even with wide layers split into sub-columns', () => {
    const g = bigGraph(500, 1000);
    const p = layeredLayout(g);
    expect(p.size).toBe(500);
    const spots = new Set([...p.values()].map((q) => `${q.x},${q.y}`));
    expect(spots.size).toBe(500);
    // Split columns keep the map roughly as tall as `maxPerColumn` nodes.
    const ys = [...p.values()].map((q) => q.y);
    expect(Math.max(...ys) - Math.min(...ys)).toBeLessThanOrEqual(24 * 110);
  });

  it('lays out 500 services and 1,500 edges fast enough for the main thread', () => {
    const g = bigGraph(500, 1000);
    const t0 = performance.now();
    layeredLayout(g);
    expect(performance.now() - t0).toBeLessThan(200);
  });

  it('is deterministic', () => {
    const g = bigGraph(60, 80);
    expect([...layeredLayout(g)]).toEqual([...layeredLayout(g)]);
  });

  it('reduces crossings: children follow the order of their parents', () => {
    const p = layeredLayout({
      nodes: [{ id: 'c', source: true }, { id: 'a' }, { id: 'b' }, { id: 'b1' }, { id: 'a1' }],
      edges: [
        { source: 'c', target: 'a' },
        { source: 'c', target: 'b' },
        { source: 'a', target: 'a1' },
        { source: 'b', target: 'b1' },
      ],
    });
    expect(Math.sign(p.get('a')!.y - p.get('b')!.y)).toBe(
      Math.sign(p.get('a1')!.y - p.get('b1')!.y),
    );
  });
});

describe('stableLayout', () => {
  it('is the layered layout when nothing is cached', () => {
    const { positions, added } = stableLayout(chain, new Map());
    expect([...positions]).toEqual([...layeredLayout(chain)]);
    expect(added).toHaveLength(4);
  });

  it('keeps cached nodes exactly where they were and places new ones right of their caller', () => {
    const first = layeredLayout(chain);
    const moved = new Map(first);
    moved.set('api', { x: 1000, y: 500 }); // the person dragged it
    const grown: LayoutInput = {
      nodes: [...chain.nodes, { id: 'queue' }],
      edges: [...chain.edges, { source: 'api', target: 'queue' }],
    };
    const { positions, added } = stableLayout(grown, moved);
    expect(added).toEqual(['queue']);
    for (const [id, p] of moved) expect(positions.get(id)).toEqual(p);
    const q = positions.get('queue')!;
    expect(q.x).toBeGreaterThan(1000);
    for (const [id, p] of moved)
      if (id !== 'queue') expect(Math.abs(p.x - q.x) > 1 || Math.abs(p.y - q.y) > 1).toBe(true);
  });

  it('returns the cached positions untouched when every node is known', () => {
    const first = layeredLayout(chain);
    const { positions, added } = stableLayout(chain, first);
    expect(added).toEqual([]);
    expect(positions).toEqual(first);
  });

  it('does not stack new siblings on one spot', () => {
    const first = layeredLayout(chain);
    const grown: LayoutInput = {
      nodes: [...chain.nodes, { id: 'x' }, { id: 'y' }, { id: 'z' }],
      edges: [
        ...chain.edges,
        { source: 'db', target: 'x' },
        { source: 'db', target: 'y' },
        { source: 'db', target: 'z' },
      ],
    };
    const { positions } = stableLayout(grown, first);
    const spots = new Set([...positions.values()].map((q) => `${q.x},${q.y}`));
    expect(spots.size).toBe(7);
  });
});
