import fc from 'fast-check';
import type { FilterNode, Literal, ServiceSelector } from './ast.ts';
import { type FilterScope, KEYWORDS, OPERATORS_BY_TYPE } from './keywords.ts';

/**
 * Test helpers for ASTs: compare without positions, and generate random valid ASTs (what the
 * parser could produce) for the print → parse round-trip property.
 */

/** A deep copy without `from`/`to` (the rootcause.json pattern is data and kept as is). */
export function withoutRanges(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutRanges);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'from' || k === 'to') continue;
    out[k] = k === 'pattern' ? v : withoutRanges(v);
  }
  return out;
}

const R = { from: 0, to: 0 };

const numberArb = fc
  .oneof(
    fc.integer({ min: -1000, max: 100_000 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
  )
  .map((n) => (Object.is(n, -0) ? 0 : n));

const literalArb = (type: 'boolean' | 'number' | 'string'): fc.Arbitrary<Literal> =>
  type === 'boolean'
    ? fc.boolean().map((value) => ({ kind: 'boolean', value }))
    : type === 'number'
      ? numberArb.map((value) => ({ kind: 'number', value }))
      : fc.string({ maxLength: 8 }).map((value) => ({ kind: 'string', value }));

function keywordArb(scope: FilterScope): fc.Arbitrary<FilterNode> {
  const kws = KEYWORDS.filter((k) => k.scopes.includes(scope));
  return fc.constantFrom(...kws).chain((k) =>
    fc.oneof(
      fc.constant<FilterNode>({ kind: 'keyword', keyword: k.name, ...R }),
      fc
        .tuple(fc.constantFrom(...OPERATORS_BY_TYPE[k.type]), literalArb(k.type))
        .map(([op, value]): FilterNode => ({ kind: 'compare', keyword: k.name, op, value, ...R })),
    ),
  );
}

const annotationArb: fc.Arbitrary<FilterNode> = fc
  .tuple(
    fc.string({ minLength: 1, maxLength: 6 }),
    fc.option(
      fc.oneof(
        fc.tuple(fc.constantFrom(...OPERATORS_BY_TYPE.number), literalArb('number')),
        fc.tuple(fc.constantFrom(...OPERATORS_BY_TYPE.string), literalArb('string')),
        fc.tuple(fc.constantFrom(...OPERATORS_BY_TYPE.boolean), literalArb('boolean')),
      ),
    ),
  )
  .map(([key, cmp]) =>
    cmp
      ? { kind: 'annotation', key, op: cmp[0], value: cmp[1], ...R }
      : { kind: 'annotation', key, ...R },
  );

const selectorArb: fc.Arbitrary<ServiceSelector> = fc.oneof(
  fc.string({ maxLength: 6 }).map((name) => ({ kind: 'name' as const, name, ...R })),
  fc
    .record(
      {
        name: fc.string({ maxLength: 4 }),
        type: fc.string({ maxLength: 4 }),
        accountId: fc.string({ maxLength: 4 }),
      },
      { requiredKeys: [] },
    )
    .filter((r) => Object.keys(r).length > 0)
    .map((r) => ({ kind: 'id' as const, ...r, ...R })),
);

const jsonPatternArb = fc.array(
  fc.dictionary(
    fc.string({ maxLength: 5 }).filter((k) => k !== '__proto__'),
    fc.jsonValue({ maxDepth: 2 }),
    { maxKeys: 3 },
  ),
  { minLength: 0, maxLength: 2 },
);

/** Random ASTs valid in `scope` (sub-filters use their own scope's keywords). */
export function filterArb(scope: FilterScope, depth = 3): fc.Arbitrary<FilterNode> {
  const leaves: fc.Arbitrary<FilterNode>[] = [keywordArb(scope)];
  if (scope === 'trace') {
    leaves.push(
      annotationArb,
      fc
        .tuple(
          fc.constantFrom('name' as const, 'arn' as const),
          fc.constantFrom('=' as const, '!=' as const),
          fc.string({ maxLength: 6 }),
        )
        .map(([by, op, value]): FilterNode => ({ kind: 'group', by, op, value, ...R })),
      jsonPatternArb.map((pattern): FilterNode => ({ kind: 'rootcause.json', pattern, ...R })),
    );
    if (depth > 0) {
      leaves.push(
        fc
          .tuple(fc.option(selectorArb), fc.option(filterArb('service', depth - 1)))
          .map(([selector, filter]): FilterNode => ({ kind: 'service', selector, filter, ...R })),
        fc.tuple(selectorArb, selectorArb, fc.option(filterArb('edge', depth - 1))).map(
          ([source, destination, filter]): FilterNode => ({
            kind: 'edge',
            source,
            destination,
            filter,
            ...R,
          }),
        ),
        fc
          .constantFrom(
            ['fault', 'service', 'rootcause.service'],
            ['error', 'entity', 'rootcause.entity'],
            ['responsetime', 'entity', 'rootcause.responsetime.entity'],
            ['fault', 'exception', 'rootcause.exception'],
          )
          .chain(([category, level, sub]) =>
            filterArb(sub as FilterScope, depth - 1).map(
              (filter): FilterNode => ({
                kind: 'rootcause',
                category: category as 'fault',
                level: level as 'service',
                filter,
                ...R,
              }),
            ),
          ),
      );
    }
  }
  const leaf = fc.oneof(...leaves);
  if (depth <= 0) return leaf;
  const sub = filterArb(scope, depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    { weight: 1, arbitrary: sub.map((operand): FilterNode => ({ kind: 'not', operand, ...R })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom('and' as const, 'or' as const),
          fc.array(sub, { minLength: 2, maxLength: 3 }),
        )
        .map(([kind, operands]): FilterNode => ({ kind, operands, ...R })),
    },
  );
}
