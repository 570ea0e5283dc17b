import { describe, expect, it } from 'vitest';
import { parseFilter } from './parser.ts';
import { printFilter } from './print.ts';
import { DOCUMENTED_EXAMPLES, stripSpans } from './test-support.ts';

function roundTrip(text: string) {
  const first = parseFilter(text);
  if (!first.ok) throw new Error(text);
  const printed = printFilter(first.expr);
  const second = parseFilter(printed);
  return {
    printed,
    same:
      second.ok &&
      JSON.stringify(stripSpans(second.expr)) === JSON.stringify(stripSpans(first.expr)),
  };
}

describe('printFilter', () => {
  it('prints every documented example back to an equivalent tree', () => {
    const broken = DOCUMENTED_EXAMPLES.filter((e) => !roundTrip(e).same);
    expect(broken).toEqual([]);
  });

  it('prints a canonical form', () => {
    expect(roundTrip('ok !partial duration <3').printed).toBe('ok AND !partial AND duration < 3');
    expect(roundTrip('(ok or error) and !(fault || throttle)').printed).toBe(
      '(ok OR error) AND !(fault OR throttle)',
    );
    expect(roundTrip('rootcause.fault.service { name = traces }').printed).toBe(
      'rootcause.fault.service { name = "traces" }',
    );
    expect(roundTrip('annotation["a.b"] contains "x\\"y"').printed).toBe(
      'annotation["a.b"] CONTAINS "x\\"y"',
    );
    expect(roundTrip('service(id(type:"T",name:"n"))').printed).toBe(
      'service(id(name: "n", type: "T"))',
    );
    expect(roundTrip('   ').printed).toBe('');
  });
});
