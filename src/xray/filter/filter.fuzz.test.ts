import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Expr, Literal, Selector } from './ast.ts';
import { complete } from './complete.ts';
import { compileFilter } from './evaluate.ts';
import { highlight } from './highlight.ts';
import { type FilterScope, KEYWORDS, OPERATORS_BY_TYPE, type ValueType } from './keywords.ts';
import { parseFilter } from './parser.ts';
import { printFilter } from './print.ts';
import { call, edge, facts, node, stripSpans } from './test-support.ts';

/**
 * The filter box parses on every keystroke and the server parses whatever a client sends, so
 * no input may make the module throw: 100k hostile inputs go through parse, compile, evaluate,
 * print, highlight and complete. Separately, generated trees must print and parse back unchanged.
 */

const SAMPLE = [
  facts(),
  facts({
    summary: {
      HasFault: true,
      Http: { HttpURL: 'http://a/b', HttpStatus: 500 },
      Users: [{ UserName: 'alice' }],
      Annotations: { a: [{ AnnotationValue: { NumberValue: 3 } }] },
      FaultRootCauses: [
        { Services: [{ Name: 's', EntityPath: [{ Name: 'e', Exceptions: [{ Name: 'X' }] }] }] },
      ],
      ResponseTimeRootCauses: [
        { Services: [{ Name: 's', EntityPath: [{ Name: 'e', Coverage: 0.5 }] }] },
      ],
    },
    nodes: [node('a', { root: true }), node('b', { inferred: true, calls: [] })],
    edges: [edge(0, 1, [call({ ok: false, error: true })]), edge(0, 7)],
  }),
];
const GROUPS = {
  resolveGroup: ({ value }: { value: string }) =>
    value === 'g' ? { GroupName: 'g', FilterExpression: 'ok' } : undefined,
};

const FRAGMENTS = [
  'ok',
  'error',
  'fault',
  'throttle',
  'partial',
  'inferred',
  'root',
  'first',
  'last',
  'remote',
  'responsetime',
  'duration',
  'http.status',
  'http.url',
  'user',
  'name',
  'type',
  'message',
  'index',
  'coverage',
  'annotation.',
  'annotation.a',
  'annotation[',
  'group.name',
  'group.arn',
  'service',
  'edge',
  'id',
  'name:',
  'type:',
  'account.id:',
  'rootcause.fault.entity',
  'rootcause.responsetime.entity',
  'rootcause.error.exception',
  'rootcause.json',
  'AND',
  'OR',
  'NOT',
  'and',
  'CONTAINS',
  'BEGINSWITH',
  'ENDSWITH',
  'true',
  'false',
  '=',
  '!=',
  '==',
  '<',
  '<=',
  '>',
  '>=',
  '!',
  '&&',
  '||',
  '&',
  '(',
  ')',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '#',
  '#[',
  '#[{"Services":[',
  '"',
  '"x"',
  '"\\',
  '\\',
  "'",
  '0',
  '-1',
  '2.5',
  '1e3',
  ' ',
  '\n',
  '~',
  'é',
  '😀',
  '"g"',
];
const soup = fc
  .array(fc.constantFrom(...FRAGMENTS), { maxLength: 24 })
  .chain((parts) => fc.constantFrom(parts.join(' '), parts.join('')));

/** Plain checks (no expect per call): this runs 100k times. False or a throw fails the run. */
function neverThrows(text: string, cursorSeed: number): boolean {
  const parsed = parseFilter(text);
  if (parsed.ok) {
    const compiled = compileFilter(parsed.expr, GROUPS);
    if (compiled.ok && !SAMPLE.every((f) => typeof compiled.test(f) === 'boolean')) return false;
    const again = parseFilter(printFilter(parsed.expr));
    if (
      !again.ok ||
      JSON.stringify(stripSpans(again.expr)) !== JSON.stringify(stripSpans(parsed.expr))
    ) {
      return false;
    }
  } else if (
    parsed.errors.length === 0 ||
    !parsed.errors.every((e) => 0 <= e.from && e.from <= e.to && e.to <= text.length)
  ) {
    return false;
  }
  let last = 0;
  for (const s of highlight(text)) {
    if (!(last <= s.from && s.from < s.to && s.to <= text.length)) return false;
    last = s.to;
  }
  const cursor = text.length === 0 ? 0 : cursorSeed % (text.length + 1);
  const c = complete(text, cursor, { services: ['a'], annotationKeys: ['k'], recent: ['ok'] });
  return 0 <= c.from && c.from <= c.to && c.to <= text.length;
}

describe('filter module under hostile input', () => {
  it('never throws on 50k token soups', () => {
    fc.assert(fc.property(soup, fc.nat(), neverThrows), { numRuns: 50_000 });
  });

  it('never throws on 50k arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.nat(), neverThrows), {
      numRuns: 50_000,
    });
  });
});

// --- generated trees ---------------------------------------------------------------------------

const span = { from: 0, to: 0 };
const anyString = fc.string({ unit: 'binary', maxLength: 8 });
const anyNumber = fc
  .double({ noNaN: true, noDefaultInfinity: true })
  .filter((n) => !Object.is(n, -0));
const literalOf = (type: ValueType): fc.Arbitrary<Literal> =>
  type === 'boolean' ? fc.boolean() : type === 'number' ? anyNumber : anyString;

function fieldTerm(scope: FilterScope): fc.Arbitrary<Expr> {
  const keywords = KEYWORDS.filter((k) => k.scopes.includes(scope));
  return fc.constantFrom(...keywords).chain((k) =>
    fc.oneof(
      fc.constant<Expr>({ kind: 'test', keyword: { kind: 'field', name: k.name }, span }),
      fc.record({
        kind: fc.constant('compare' as const),
        keyword: fc.constant({ kind: 'field' as const, name: k.name }),
        op: fc.constantFrom(...OPERATORS_BY_TYPE[k.type]),
        value: literalOf(k.type),
        span: fc.constant(span),
      }),
    ),
  );
}

const annotationTerm: fc.Arbitrary<Expr> = fc
  .record({
    key: anyString.filter((k) => k !== ''),
    type: fc.constantFrom<ValueType>('boolean', 'number', 'string'),
  })
  .chain(({ key, type }) =>
    fc.oneof(
      fc.constant<Expr>({ kind: 'test', keyword: { kind: 'annotation', key }, span }),
      fc.record({
        kind: fc.constant('compare' as const),
        keyword: fc.constant({ kind: 'annotation' as const, key }),
        op: fc.constantFrom(...OPERATORS_BY_TYPE[type]),
        value: literalOf(type),
        span: fc.constant(span),
      }),
    ),
  );

const selector: fc.Arbitrary<Selector> = fc.oneof(
  anyString.map((name) => ({ kind: 'name' as const, name })),
  fc
    .record({ name: anyString, type: anyString, accountId: anyString }, { requiredKeys: [] })
    .filter((r) => Object.keys(r).length > 0)
    .map((r) => ({ kind: 'id' as const, ...r })),
);

function expr(scope: FilterScope, depth: number): fc.Arbitrary<Expr> {
  const leaves: fc.Arbitrary<Expr>[] = [fieldTerm(scope)];
  if (scope === 'trace') {
    const inner = (s: FilterScope) => (depth > 0 ? expr(s, depth - 1) : fieldTerm(s));
    leaves.push(
      annotationTerm,
      fc.record({
        kind: fc.constant('compare' as const),
        keyword: fc.constantFrom(
          { kind: 'group' as const, by: 'name' as const },
          { kind: 'group' as const, by: 'arn' as const },
        ),
        op: fc.constantFrom('=' as const, '!=' as const),
        value: anyString,
        span: fc.constant(span),
      }),
      fc.record({
        kind: fc.constant('service' as const),
        selector: fc.option(selector, { nil: null }),
        filter: fc.option(inner('service'), { nil: null }),
        span: fc.constant(span),
      }),
      fc.record({
        kind: fc.constant('edge' as const),
        from: selector,
        to: selector,
        filter: fc.option(inner('edge'), { nil: null }),
        span: fc.constant(span),
      }),
      fc
        .constantFrom(
          ['fault', 'entity', 'rootcause.entity'],
          ['error', 'exception', 'rootcause.exception'],
          ['responsetime', 'entity', 'rootcause.responsetime.entity'],
          ['fault', 'service', 'rootcause.service'],
        )
        .chain(([category, level, s]) =>
          inner(s as FilterScope).map(
            (filter): Expr => ({
              kind: 'rootcause',
              category: category as 'fault',
              level: level as 'entity',
              filter,
              span,
            }),
          ),
        ),
      fc
        .array(fc.jsonValue({ maxDepth: 3 }))
        .map((pattern): Expr => ({ kind: 'rootcause-json', pattern, span })),
    );
  }
  const leaf = fc.oneof(...leaves);
  if (depth === 0) return leaf;
  const sub = expr(scope, depth - 1);
  return fc.oneof(
    { arbitrary: leaf, weight: 3 },
    fc
      .array(sub, { minLength: 2, maxLength: 3 })
      .map((terms): Expr => ({ kind: 'and', terms, span })),
    fc
      .array(sub, { minLength: 2, maxLength: 3 })
      .map((terms): Expr => ({ kind: 'or', terms, span })),
    sub.map((e): Expr => ({ kind: 'not', expr: e, span })),
  );
}

describe('printFilter ∘ parseFilter', () => {
  it('gives back every generated tree', () => {
    fc.assert(
      fc.property(expr('trace', 3), (tree) => {
        const printed = printFilter(tree);
        const parsed = parseFilter(printed);
        if (!parsed.ok) throw new Error(`${printed}: ${parsed.errors[0]?.message}`);
        expect(stripSpans(parsed.expr)).toEqual(stripSpans(tree));
      }),
      { numRuns: 5_000 },
    );
  });
});
