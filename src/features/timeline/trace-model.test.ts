import { describe, expect, it } from 'vitest';
import { assembleTrace } from '../../xray/trace/assemble.ts';
import { syntheticTraceDocs } from '../../xray/trace/synthetic.ts';
import { buildTraceModel, rowSpanMs } from './trace-model.ts';
import { layoutRows } from './waterfall/layout-rows.ts';

const docs = syntheticTraceDocs({ pieces: 3000, seed: 11, independent: 0.3, faultRate: 0.05 });
const assembled = assembleTrace(docs[0]!.trace_id, docs);
const model = buildTraceModel({
  id: assembled.id,
  segments: assembled.segments,
  limitExceeded: false,
  unreadable: 0,
  partial: false,
});

describe('trace model over real assembled rows', () => {
  it('rows are in pre-order: every subtree is the contiguous range after its root', () => {
    const { rows } = model;
    for (let i = 0; i < rows.length; i++) {
      const end = i + rows[i]!.size;
      for (let j = i + 1; j < end; j++) {
        let a = rows[j]!.parentIndex;
        while (a > i) a = rows[a]!.parentIndex;
        expect(a).toBe(i);
      }
    }
  });

  it('collapsing the root leaves one row; expanding shows every piece', () => {
    const root = model.rows[0]!.id;
    expect(layoutRows(model.rows, model.tree, new Set([root])).visible.length).toBe(1);
    expect(layoutRows(model.rows, model.tree, new Set()).visible.length).toBe(model.rows.length);
  });

  it('services-only shows exactly the segments and inferred segments', () => {
    const l = layoutRows(model.rows, model.tree, new Set(), true);
    expect(l.visible.length).toBe(model.segments);
    expect(model.segments + model.subsegments).toBe(model.rows.length);
  });

  it('time origin is the earliest piece; spans are inside [0, totalMs]', () => {
    for (const r of model.rows) {
      const [a, b] = rowSpanMs(model, r);
      expect(a).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThanOrEqual(model.totalMs + 1e-6);
      expect(b).toBeGreaterThanOrEqual(a);
    }
  });

  it('looks rows up by id', () => {
    const r = model.rows[123]!;
    expect(model.rowOf(r.id)).toBe(123);
    expect(model.rowOf('nope')).toBe(-1);
  });
});
