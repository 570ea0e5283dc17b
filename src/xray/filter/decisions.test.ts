import { describe, expect, it } from 'vitest';
import { compileFilter } from './compile.ts';
import { parseFilter } from './parser.ts';
import { printFilter } from './print.ts';
import { annotations, facts } from './test-fixtures.ts';

/**
 * One test per row of reference §7 ("Ambiguities and gaps — decide explicitly"), each pinning
 * the choice we made; the same choice is written in a comment next to the code that makes it.
 */

function printed(text: string): string {
  const r = parseFilter(text);
  if (!r.ok || !r.ast) throw new Error(`${text}: ${JSON.stringify(r.ok ? 'empty' : r.errors)}`);
  return printFilter(r.ast);
}
function firstError(text: string): string | undefined {
  const r = parseFilter(text);
  return r.ok ? undefined : r.errors[0]?.message;
}

describe('reference §7 decisions', () => {
  it('precedence: ! tightest (whole next term) > comparison > AND (explicit or implicit) > OR', () => {
    expect(printed('ok OR error AND fault')).toBe('ok OR error AND fault');
    expect(printed('(ok OR error) fault')).toBe('(ok OR error) AND fault');
    expect(printed('!ok OR error')).toBe('!ok OR error');
    const r = parseFilter('!responsetime > 5');
    expect(r.ok && r.ast?.kind).toBe('not');
    expect(r.ok && r.ast?.kind === 'not' && r.ast.operand.kind).toBe('compare');
  });

  it('parentheses group (a superset of the documented syntax)', () => {
    expect(printed('((ok))')).toBe('ok');
    expect(printed('(ok OR error) AND (fault OR throttle)')).toBe(
      '(ok OR error) AND (fault OR throttle)',
    );
  });

  it('NOT is a synonym of !; && and || are accepted as AND and OR', () => {
    expect(printed('NOT ok && error || fault')).toBe('!ok AND error OR fault');
    expect(printed('not ok')).toBe('!ok');
  });

  it('keywords and AND/OR/operators are case-insensitive; values and keys are not', () => {
    expect(printed('ResponseTime > 1 aNd HTTP.URL Contains "A"')).toBe(
      'responsetime > 1 AND http.url CONTAINS "A"',
    );
    const t = facts({
      summary: { Http: { HttpURL: '/Path' }, Annotations: annotations({ Key: 'V' }) },
    });
    const test = (text: string) => {
      const r = parseFilter(text);
      return r.ok && compileFilter(r.ast)(t);
    };
    expect(test('http.url = "/Path"')).toBe(true);
    expect(test('http.url = "/path"')).toBe(false);
    expect(test('annotation.Key = "V"')).toBe(true);
    expect(test('annotation.key = "V"')).toBe(false);
  });

  it('an unquoted identifier is a string value (AWS example #8: name = traces)', () => {
    expect(printed('rootcause.fault.service { name = traces }')).toBe(
      'rootcause.fault.service { name = "traces" }',
    );
    expect(printed('annotation.x = true')).toBe('annotation.x = true'); // a boolean, not "true"
  });

  it('strings: \\" and \\\\ are escapes, other backslashes are kept, single quotes are not strings', () => {
    const r = parseFilter('http.url = "a\\"b\\\\c\\d"');
    expect(r.ok && r.ast?.kind === 'compare' && r.ast.value.value).toBe('a"b\\c\\d');
    expect(firstError("http.url = 'x'")).toBe(
      "unexpected character `'` — strings use double quotes",
    );
  });

  it('no regex / LIKE / MATCHES operator', () => {
    expect(firstError('http.url MATCHES "a.*"')).toBe(
      'unknown operator `MATCHES` — use = != CONTAINS BEGINSWITH ENDSWITH',
    );
    expect(firstError('http.url ~ "a.*"')).toBe('unexpected character `~`');
  });

  it('annotation[key] and annotation["key.with.dots"] are aliases of annotation.key', () => {
    expect(printed('annotation[tenant]')).toBe('annotation.tenant');
    expect(printed('annotation["tenant"] = 1')).toBe('annotation.tenant = 1');
    expect(printed('annotation["key.with.dots"]')).toBe('annotation["key.with.dots"]');
  });

  it('annotations inside service(){} / edge(){} are rejected with a clear message', () => {
    expect(firstError('service("a") { annotation.x }')).toBe(
      "annotations can't be used inside service() { … } — move `annotation.x` outside the braces",
    );
  });

  it('rootcause.error.* is accepted, parallel to rootcause.fault.*', () => {
    expect(printed('rootcause.error.exception { name = "E" }')).toBe(
      'rootcause.error.exception { name = "E" }',
    );
  });

  it('index is 0-based', () => {
    const t = facts({
      summary: { FaultRootCauses: [{ Services: [{ Name: 'a' }, { Name: 'b' }] }] },
    });
    const at = (text: string) => {
      const r = parseFilter(text);
      return r.ok && compileFilter(r.ast)(t);
    };
    expect(at('rootcause.fault.service { index = 0 AND name = "a" AND first }')).toBe(true);
    expect(at('rootcause.fault.service { index = 1 AND name = "b" AND last }')).toBe(true);
  });

  it('http.contentlength is not a keyword', () => {
    expect(firstError('http.contentlength > 0')).toBe('unknown keyword `http.contentlength`');
  });

  it('doc typos are not encoded: #18 needs its `}`, "AWS:DynamoDB" is just a different string', () => {
    expect(firstError('rootcause.fault.exception { last ')).toMatch(/^expected `}`/);
    const t = facts({
      summary: { FaultRootCauses: [{ Services: [{ Name: 'traces', Type: 'AWS::DynamoDB' }] }] },
    });
    const r = parseFilter('rootcause.fault.service { type = "AWS:DynamoDB" }');
    expect(r.ok && compileFilter(r.ast)(t)).toBe(false);
  });

  it('type mismatches evaluate to false; missing values satisfy no comparison, not even !=', () => {
    const t = facts({ summary: { Annotations: annotations({ age: '30' }) } });
    const at = (text: string) => {
      const r = parseFilter(text);
      return r.ok && compileFilter(r.ast)(t);
    };
    expect(at('annotation.age > 29')).toBe(false);
    expect(at('annotation.age != 30')).toBe(false);
    expect(at('annotation.age = "30"')).toBe(true);
    expect(at('http.status != 200')).toBe(false);
  });
});
