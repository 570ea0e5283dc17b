import type { AnnotationNode, FilterNode, GroupNode, Literal } from './ast.ts';
import {
  type ComparisonOperator,
  type FilterScope,
  type KeywordInfo,
  keywordInfo,
  OPERATORS_BY_TYPE,
  SCOPE_LABEL,
  type ValueType,
} from './keywords.ts';
import type { Token } from './lexer.ts';
import { closest } from './suggest.ts';
import { type Expectation, RESERVED_WORDS, type TokenStream } from './token-stream.ts';

/**
 * Terms of the form `keyword [op value]`: simple keywords (type- and scope-checked against the
 * catalogue), annotations and group references, plus the operator and literal readers they share.
 */

export const STRING_OPS: ReadonlyMap<string, ComparisonOperator> = new Map([
  ['contains', 'CONTAINS'],
  ['beginswith', 'BEGINSWITH'],
  ['endswith', 'ENDSWITH'],
]);
const SYMBOL_OPS: ReadonlySet<string> = new Set(['=', '!=', '<', '<=', '>', '>=', '==']);

/** The comparison operator at the cursor, canonical; `==` is read as `=` (and reported). */
export function peekOperator(s: TokenStream): ComparisonOperator | null {
  const t = s.peek();
  if (t.kind === 'op' && SYMBOL_OPS.has(t.text))
    return (t.text === '==' ? '=' : t.text) as ComparisonOperator;
  if (t.kind === 'word') return STRING_OPS.get(t.text.toLowerCase()) ?? null;
  return null;
}

/** Consumes an operator; reports `==`. */
export function takeOperator(s: TokenStream): Token {
  const t = s.next();
  if (t.text === '==') s.report(t.from, t.to, '`==` is not an operator — use `=`');
  return t;
}

/** "`root` can only be used inside service() { … }" / "`user` can't be used inside edge() { … }". */
export function scopeMessage(
  name: string,
  scopes: readonly FilterScope[],
  here: FilterScope,
): string {
  if (scopes.length === 1 && scopes[0] === 'trace') {
    return `\`${name}\` can't be used inside ${SCOPE_LABEL[here]} — only at the top level`;
  }
  // rootcause.*.entity already covers the response-time entity scope.
  const shown = scopes.includes('rootcause.entity')
    ? scopes.filter((x) => x !== 'rootcause.responsetime.entity')
    : scopes;
  const labels = shown.map((x) => (x === 'trace' ? 'at the top level' : SCOPE_LABEL[x]));
  const list =
    labels.length > 1 ? `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}` : labels[0];
  return `\`${name}\` can only be used ${scopes.includes('trace') ? '' : 'inside '}${list}`;
}

export function parseKeyword(s: TokenStream, info: KeywordInfo): FilterNode {
  const kwTok = s.next();
  if (!info.scopes.includes(s.scope)) {
    s.report(kwTok.from, kwTok.to, scopeMessage(info.name, info.scopes, s.scope));
  }
  s.note({ kind: 'operator', type: info.type });
  const op = peekOperator(s);
  if (!op) {
    const v = s.peek();
    if (v.kind === 'string' || v.kind === 'number') {
      s.fail(
        v.from,
        v.to,
        `expected an operator after \`${kwTok.text}\` (${OPERATORS_BY_TYPE[info.type].join(' ')})`,
      );
    }
    if (v.kind === 'word' && (s.peek(1).kind === 'string' || s.peek(1).kind === 'number')) {
      const guess = closest(v.text, ['CONTAINS', 'BEGINSWITH', 'ENDSWITH']);
      if (!keywordInfo(v.text) || guess) {
        s.fail(
          v.from,
          v.to,
          guess
            ? `unknown operator \`${v.text}\` — did you mean \`${guess}\`?`
            : `unknown operator \`${v.text}\` — use ${OPERATORS_BY_TYPE[info.type].join(' ')}`,
        );
      }
    }
    return { kind: 'keyword', keyword: info.name, from: kwTok.from, to: kwTok.to };
  }
  const opTok = takeOperator(s);
  if (!OPERATORS_BY_TYPE[info.type].includes(op)) {
    s.report(
      opTok.from,
      opTok.to,
      `\`${opTok.text}\` can't be used with \`${info.name}\`, a ${TYPE_NAME[info.type]} — use ${OPERATORS_BY_TYPE[info.type].join(' ')}`,
    );
  }
  const value = parseValue(s, info.type, op, `${kwTok.text} ${opTok.text}`, {
    kind: 'value',
    type: info.type,
    scope: s.scope,
    keyword: info.name,
  });
  return { kind: 'compare', keyword: info.name, op, value, from: kwTok.from, to: s.lastTo };
}

const TYPE_NAME: Readonly<Record<ValueType, string>> = {
  boolean: 'boolean',
  number: 'number',
  string: 'text keyword',
};

/**
 * A literal after `subject` (e.g. "responsetime >"). `type` 'any' is for annotations, whose type
 * is the value's; the operator then decides what fits. An unquoted word is a string value
 * (§7: AWS's own example #8 writes `name = traces`); `true`/`false` are booleans where a
 * boolean can go.
 */
function parseValue(
  s: TokenStream,
  type: ValueType | 'any',
  op: ComparisonOperator,
  subject: string,
  expectation: Expectation,
): Literal {
  s.note(expectation);
  const t = s.peek();
  const lower = t.kind === 'word' ? t.text.toLowerCase() : '';
  const isBool = lower === 'true' || lower === 'false';
  const bareWord = t.kind === 'word' && !RESERVED_WORDS.has(lower);
  let lit: Literal | null = null;
  if (type === 'number' || (type === 'any' && isNumericOp(op))) {
    if (t.kind === 'number') lit = numberLiteral(s, t);
  } else if (type === 'boolean') {
    if (isBool) lit = { kind: 'boolean', value: lower === 'true' };
  } else if (type === 'string' || STRING_OPS.has(op.toLowerCase())) {
    if (t.kind === 'string') lit = { kind: 'string', value: s.stringValue(t) };
    else if (bareWord) lit = { kind: 'string', value: t.text };
  } else if (t.kind === 'number') {
    lit = numberLiteral(s, t);
  } else if (t.kind === 'string') {
    lit = { kind: 'string', value: s.stringValue(t) };
  } else if (isBool) {
    lit = { kind: 'boolean', value: lower === 'true' };
  } else if (bareWord) {
    lit = { kind: 'string', value: t.text };
  }
  if (!lit) {
    const what =
      type === 'number' || (type === 'any' && isNumericOp(op))
        ? 'a number'
        : type === 'boolean'
          ? 'true or false'
          : type === 'string' || STRING_OPS.has(op.toLowerCase())
            ? 'a value in double quotes'
            : 'a value';
    if (t.kind === 'error') s.unexpected(t, what);
    const unquote =
      what === 'a number' && t.kind === 'string' && /^-?\d+(\.\d+)?$/.test(t.value ?? '')
        ? ` — remove the quotes: ${t.value}`
        : '';
    s.fail(t.from, t.to, `expected ${what} after \`${subject}\`${unquote}`);
  }
  s.next();
  return lit;
}

const isNumericOp = (op: ComparisonOperator) =>
  op === '<' || op === '<=' || op === '>' || op === '>=';

function numberLiteral(s: TokenStream, t: Token): Literal {
  const n = t.num ?? Number.NaN;
  if (!Number.isFinite(n)) s.fail(t.from, t.to, `\`${t.text}\` is too large a number`);
  return { kind: 'number', value: n === 0 ? 0 : n }; // -0 → 0: prints and re-parses the same
}

/**
 * `annotation.key`, `annotation[key]`, `annotation["key.with.dots"]` (the bracket forms are
 * UNCONFIRMED in AWS's docs; §7 recommends accepting them as aliases, so we do). A dotted key
 * longer than one part (`annotation.otel.attr`) is read as the key `otel.attr`.
 */
export function parseAnnotation(s: TokenStream): AnnotationNode {
  const t = s.next();
  let key: string;
  if (t.text.length > 'annotation'.length) {
    key = t.text.slice('annotation.'.length);
    if (key === '') s.fail(t.from, t.to, 'expected an annotation key after `annotation.`');
  } else {
    s.expectPunct('[', 'expected `.key` or `[key]` after `annotation`');
    s.note({ kind: 'annotation-key' });
    const k = s.peek();
    if (k.kind === 'string') key = s.stringValue(s.next());
    else if (k.kind === 'word') key = s.next().text;
    else return s.unexpected(k, 'an annotation key after `annotation[`');
    if (key === '') s.fail(k.from, k.to, 'an annotation key cannot be empty');
    s.expectPunct(']', 'expected `]` after the annotation key');
  }
  // Decision (§2.4/§7): the guide says annotations can't be combined with service/edge, read as
  // "not inside their braces" — so we reject them there instead of guessing a meaning.
  if (s.scope !== 'trace') {
    s.report(
      t.from,
      s.lastTo,
      `annotations can't be used inside ${SCOPE_LABEL[s.scope]} — move \`${s.text.slice(t.from, s.lastTo)}\` outside the braces`,
    );
  }
  const subject = s.text.slice(t.from, s.lastTo);
  s.note({ kind: 'operator', type: 'any' });
  const op = peekOperator(s);
  if (!op) {
    const v = s.peek();
    if (v.kind === 'string' || v.kind === 'number') {
      s.fail(v.from, v.to, `expected an operator after \`${subject}\``);
    }
    return { kind: 'annotation', key, from: t.from, to: s.lastTo };
  }
  const opTok = takeOperator(s);
  const value = parseValue(s, 'any', op, `${subject} ${opTok.text}`, {
    kind: 'value',
    type: 'any',
    scope: s.scope,
    annotationKey: key,
  });
  if (value.kind === 'boolean' && op !== '=' && op !== '!=') {
    s.report(opTok.from, opTok.to, `\`${opTok.text}\` can't compare booleans — use = or !=`);
  }
  return { kind: 'annotation', key, op, value, from: t.from, to: s.lastTo };
}

/** group.name / group.arn: only `=` and `!=` against a group name or ARN. */
export function parseGroup(s: TokenStream): GroupNode {
  const t = s.next();
  const by = t.text.toLowerCase() === 'group.name' ? 'name' : 'arn';
  if (s.scope !== 'trace') s.report(t.from, t.to, scopeMessage(`group.${by}`, ['trace'], s.scope));
  s.note({ kind: 'operator', type: 'string', only: ['=', '!='] });
  const op = peekOperator(s);
  if (op !== '=' && op !== '!=') {
    const at = s.peek();
    const example = by === 'name' ? '"my-group"' : '"arn:aws:xray:…"';
    s.fail(
      at.from,
      at.to,
      op
        ? `\`group.${by}\` takes = or != only`
        : `expected \`=\` after \`${t.text}\`, e.g. \`group.${by} = ${example}\``,
    );
  }
  const opTok = takeOperator(s);
  const value = parseValue(s, 'string', op, `${t.text} ${opTok.text}`, {
    kind: 'value',
    type: 'string',
    scope: s.scope,
    group: by,
  });
  return { kind: 'group', by, op, value: String(value.value), from: t.from, to: s.lastTo };
}
