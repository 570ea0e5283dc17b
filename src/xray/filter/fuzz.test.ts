import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FilterNode } from './ast.ts';
import { complete } from './complete.ts';
import { highlight } from './highlight.ts';
import { parseFilter } from './parser.ts';
import { printFilter } from './print.ts';
import { withoutRanges } from './test-ast.ts';

/** Valid expressions to mutate: a spread over every construct of the language. */
const SEEDS = [
  'responsetime > 5',
  'ok !partial duration <3',
  'service("api.example.com") { fault = true OR responsetime > 2.5 } AND annotation.account = "12345"',
  'edge(id(name: "a", type:"T"), "b") { error }',
  'rootcause.fault.entity { last and name = "deserialize" }',
  'rootcause.responsetime.entity { remote and coverage > 0.7 }',
  'rootcause.json = #[{ "Services": [ { "Name": "x", "EntityPath": [{ "Name": "y" }] } ] }]',
  'group.name = "high_response_time" AND user = "alice"',
  'annotation["key.with.dots"] != false || !(http.url CONTAINS "/v2/" && http.status >= 500)',
  'NOT service(id(account.id: "1")) OR name = traces',
  'http.url BEGINSWITH "http://x/\\"q\\"" AND instance.id ENDSWITH "9"',
];

const PIECES = [
  ' ',
  '(',
  ')',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  '\\',
  '#',
  '!',
  '=',
  '!=',
  '<',
  '>=',
  '&&',
  '||',
  'AND',
  'or',
  'not',
  'ok',
  'service',
  'edge',
  'id',
  'annotation.',
  'annotation[',
  'rootcause.',
  'rootcause.json',
  'group.name',
  'CONTAINS',
  'name:',
  'true',
  '5',
  '-1.5e3',
  '"s"',
  '#[',
  '@',
  'é',
  '\u{1F600}',
];

type Mutation = { at: number; del: number; insert: string };

const mutationArb = fc.record({
  at: fc.nat(),
  del: fc.nat({ max: 6 }),
  insert: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })),
});

function mutate(text: string, ms: Mutation[]): string {
  let t = text;
  for (const m of ms) {
    const at = t.length === 0 ? 0 : m.at % (t.length + 1);
    t = t.slice(0, at) + m.insert + t.slice(at + m.del);
  }
  return t;
}

const inputArb = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 20 }).map((a) => a.join('')),
  fc
    .tuple(fc.constantFrom(...SEEDS), fc.array(mutationArb, { minLength: 1, maxLength: 4 }))
    .map(([seed, ms]) => mutate(seed, ms)),
);

function checkRanges(node: FilterNode, len: number): void {
  expect(node.from).toBeGreaterThanOrEqual(0);
  expect(node.to).toBeLessThanOrEqual(len);
  expect(node.from).toBeLessThanOrEqual(node.to);
  const kids: (FilterNode | null)[] =
    node.kind === 'and' || node.kind === 'or'
      ? node.operands
      : node.kind === 'not'
        ? [node.operand]
        : node.kind === 'service' || node.kind === 'edge' || node.kind === 'rootcause'
          ? [node.filter]
          : [];
  for (const k of kids) if (k) checkRanges(k, len);
}

describe('property: any input', () => {
  it('parses to an AST or to in-range errors, never throwing', () => {
    fc.assert(
      fc.property(inputArb, (text) => {
        const r = parseFilter(text);
        if (r.ok) {
          if (r.ast) checkRanges(r.ast, text.length);
          else expect(text.trim()).toBe('');
        } else {
          expect(r.errors.length).toBeGreaterThan(0);
          for (const e of r.errors) {
            expect(0 <= e.from && e.from <= e.to && e.to <= text.length).toBe(true);
            expect(e.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('highlights in order, in range, without throwing', () => {
    fc.assert(
      fc.property(inputArb, (text) => {
        let last = 0;
        for (const t of highlight(text)) {
          expect(t.from).toBeGreaterThanOrEqual(last);
          expect(t.to).toBeGreaterThan(t.from);
          expect(t.to).toBeLessThanOrEqual(text.length);
          last = t.to;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('completes at any cursor without throwing, with an in-range replacement', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: -2, max: 80 }), (text, cursor) => {
        const r = complete(text, cursor, {
          services: ['api', 'a b'],
          annotationKeys: ['k', 'x.y'],
        });
        expect(0 <= r.from && r.from <= r.to && r.to <= text.length).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('whatever parses prints to text that parses to the same AST', () => {
    fc.assert(
      fc.property(inputArb, (text) => {
        const r = parseFilter(text);
        if (!r.ok || !r.ast) return;
        const again = parseFilter(printFilter(r.ast));
        expect(again.ok).toBe(true);
        if (again.ok) expect(withoutRanges(again.ast)).toEqual(withoutRanges(r.ast));
      }),
      { numRuns: 3000 },
    );
  });
});
