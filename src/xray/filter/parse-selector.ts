import type { ServiceSelector } from './ast.ts';
import { closest } from './suggest.ts';
import { RESERVED_WORDS, type TokenStream } from './token-stream.ts';

/** Named arguments of `id(…)` (reference §3), in canonical order. */
export const ID_ARGS = ['name', 'type', 'account.id'] as const;
type IdArg = (typeof ID_ARGS)[number];

/**
 * selector := string | id_call | ident. A bare identifier is accepted as a service name, the
 * same leniency §7 grants unquoted values (`service(traces)`); `id` followed by `(` is the call.
 */
export function parseSelector(s: TokenStream): ServiceSelector {
  s.note({ kind: 'selector' });
  const t = s.peek();
  if (t.kind === 'string') {
    s.next();
    return { kind: 'name', name: s.stringValue(t), from: t.from, to: t.to };
  }
  if (t.kind === 'word' && t.text.toLowerCase() === 'id' && s.isPunct('(', 1)) return parseId(s);
  if (t.kind === 'word' && !RESERVED_WORDS.has(t.text.toLowerCase())) {
    s.next();
    return { kind: 'name', name: t.text, from: t.from, to: t.to };
  }
  return s.unexpected(t, 'a service name in double quotes or id(…)');
}

/** id_call := "id" "(" id_arg { "," id_arg } ")"; id_arg := (name|type|account.id) ":" string */
export function parseId(s: TokenStream): ServiceSelector {
  const idTok = s.next();
  s.expectPunct('(', 'expected `(` after `id`');
  const sel: { kind: 'id'; name?: string; type?: string; accountId?: string } = { kind: 'id' };
  const used: IdArg[] = [];
  if (s.isPunct(')')) {
    const t = s.peek();
    s.fail(t.from, t.to, 'id() needs at least one of name:, type:, account.id:');
  }
  for (;;) {
    s.note({ kind: 'id-arg', used: [...used] });
    const argTok = s.peek();
    const arg = argTok.text.toLowerCase() as IdArg;
    if (argTok.kind !== 'word' || !ID_ARGS.includes(arg)) {
      const guess = argTok.kind === 'word' ? closest(argTok.text, ID_ARGS) : undefined;
      if (guess)
        s.fail(
          argTok.from,
          argTok.to,
          `unknown id() argument \`${argTok.text}\` — did you mean \`${guess}\`?`,
        );
      s.unexpected(argTok, 'name:, type: or account.id: inside id(…)');
    }
    s.next();
    if (used.includes(arg)) s.report(argTok.from, argTok.to, `\`${arg}\` is given twice in id(…)`);
    used.push(arg);
    s.expectPunct(':', `expected \`:\` after \`${argTok.text}\``);
    s.note({ kind: 'id-value', arg });
    const v = s.peek();
    let value: string;
    if (v.kind === 'string') value = s.stringValue(s.next());
    else if (v.kind === 'word' && !RESERVED_WORDS.has(v.text.toLowerCase())) value = s.next().text;
    else return s.unexpected(v, `a value in double quotes after \`${argTok.text}:\``);
    if (arg === 'name') sel.name = value;
    else if (arg === 'type') sel.type = value;
    else sel.accountId = value;
    s.note({ kind: 'comma' });
    s.note({ kind: 'close', text: ')' });
    if (s.isPunct(',')) {
      s.next();
      continue;
    }
    s.expectPunct(')', 'expected `,` or `)` in id(…)');
    break;
  }
  return { ...sel, from: idTok.from, to: s.lastTo };
}
