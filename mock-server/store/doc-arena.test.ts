import { describe, expect, it } from 'vitest';
import { DocArena } from './doc-arena.ts';

describe('DocArena', () => {
  it('stores and returns documents byte for byte, including non-ASCII text', () => {
    const arena = new DocArena();
    const docs = ['{"a":1}', '{"name":"café ☕ \u202e"}', 'x'.repeat(70_000)];
    const refs = docs.map((d) => arena.put(d));
    expect(refs.map((r) => arena.get(r.ref, r.len))).toEqual(docs);
  });

  it('compacts live documents into fresh slabs and reclaims dead bytes', () => {
    const arena = new DocArena();
    const live = Array.from({ length: 200 }, (_, i) =>
      arena.put(`{"i":${i},"pad":"${'p'.repeat(1000)}"}`),
    );
    const dead = Array.from({ length: 200 }, () => arena.put('d'.repeat(5000)));
    for (const d of dead) arena.free(d.len);
    expect(arena.deadBytes).toBe(200 * 5000);
    arena.compact((move) => {
      for (const r of live) r.ref = move(r.ref, r.len);
    });
    expect(arena.deadBytes).toBe(0);
    expect(live.map((r, i) => JSON.parse(arena.get(r.ref, r.len)).i === i).every(Boolean)).toBe(
      true,
    );
  });
});
