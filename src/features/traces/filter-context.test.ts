import { describe, expect, it } from 'vitest';
import type { TraceSummary } from '../../xray/types.ts';
import { completionContext } from './filter-context.ts';
import { toRow } from './trace-rows.ts';

describe('completionContext', () => {
  it('ranks annotation keys and values by frequency and collects services', () => {
    const summaries: TraceSummary[] = [
      {
        Id: 'a',
        Annotations: { tier: [{ AnnotationValue: { StringValue: 'gold' } }] },
        ServiceIds: [{ Name: 'cart' }],
      },
      {
        Id: 'b',
        Annotations: {
          tier: [{ AnnotationValue: { StringValue: 'silver' } }],
          region: [{ AnnotationValue: { StringValue: 'eu' } }],
        },
        ServiceIds: [{ Name: 'api' }],
      },
      { Id: 'c', Annotations: { tier: [{ AnnotationValue: { StringValue: 'silver' } }] } },
    ];
    const rows = summaries.map(toRow);
    const ctx = completionContext(rows);
    expect(ctx.annotationKeys).toEqual(['tier', 'region']);
    expect(ctx.annotationValues.tier).toEqual(['silver', 'gold']);
    expect(ctx.services).toEqual(['api', 'cart']);
  });
});
