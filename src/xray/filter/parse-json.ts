import type { RootCauseJsonNode } from './ast.ts';
import type { TokenStream } from './token-stream.ts';

/** `rootcause.json = #[ … ]` (reference §4): the array is read with JSON.parse. */
export function parseRootCauseJson(s: TokenStream): RootCauseJsonNode {
  const t = s.next();
  if (s.scope !== 'trace')
    s.report(t.from, t.to, '`rootcause.json` can only be used at the top level');
  s.note({ kind: 'operator', type: 'string', only: ['='] });
  const op = s.peek();
  if (op.kind !== 'op' || op.text !== '=') {
    s.fail(op.from, op.to, `expected \`= #[…]\` after \`${t.text}\``);
  }
  s.next();
  s.note({ kind: 'json' });
  const j = s.peek();
  if (j.kind !== 'json')
    return s.unexpected(j, `a JSON array after \`${t.text} =\`, e.g. #[{ "Services": [] }]`);
  s.next();
  if (j.unterminated) s.fail(j.from, j.to, 'missing `]` to close the JSON array');
  const body = j.text.slice(1); // after '#'
  const bodyStart = j.from + 1;
  let pattern: unknown;
  try {
    // -0 → 0, so the pattern prints and re-parses to the same value.
    pattern = JSON.parse(body, (_k, v) => (Object.is(v, -0) ? 0 : v));
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    const m = /position (\d+)/.exec(raw);
    const at = m ? Math.min(j.to, bodyStart + Number(m[1])) : j.from;
    const reason = raw
      .replace(/\s*in JSON at position.*$/s, '')
      .replace(/, (\.\.\.)?".*" is not valid JSON$/s, '');
    s.fail(at, Math.min(j.to, at + 1), `invalid JSON in rootcause.json: ${reason}`);
  }
  if (
    !Array.isArray(pattern) ||
    !pattern.every((x) => typeof x === 'object' && x !== null && !Array.isArray(x))
  ) {
    s.fail(j.from, j.to, 'rootcause.json needs an array of root-cause objects: #[{ … }]');
  }
  return { kind: 'rootcause.json', pattern, from: t.from, to: j.to };
}
