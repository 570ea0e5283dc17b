import type { Expr, KeywordRef, Literal, Selector } from './ast.ts';

/**
 * Prints a tree back as canonical filter text: lower-case keywords, upper-case AND/OR and word
 * operators, quoted strings, parentheses only where the tree needs them. `parseFilter` of the
 * result gives the same tree (spans aside) — the property the fuzz test checks.
 */
export function printFilter(expr: Expr): string {
  switch (expr.kind) {
    case 'or':
      return expr.terms
        .map((t) => (t.kind === 'or' ? `(${printFilter(t)})` : printFilter(t)))
        .join(' OR ');
    case 'and':
      return expr.terms
        .map((t) => (isLogic(t) ? `(${printFilter(t)})` : printFilter(t)))
        .join(' AND ');
    case 'not':
      return isLogic(expr.expr) ? `!(${printFilter(expr.expr)})` : `!${printFilter(expr.expr)}`;
    case 'test':
      return printKeyword(expr.keyword);
    case 'compare':
      return `${printKeyword(expr.keyword)} ${expr.op} ${printLiteral(expr.value)}`;
    case 'service':
      return `service(${expr.selector ? printSelector(expr.selector) : ''})${braces(expr.filter)}`;
    case 'edge':
      return `edge(${printSelector(expr.from)}, ${printSelector(expr.to)})${braces(expr.filter)}`;
    case 'rootcause':
      return `rootcause.${expr.category}.${expr.level}${braces(expr.filter)}`;
    case 'rootcause-json':
      return `rootcause.json = #${JSON.stringify(expr.pattern)}`;
  }
}

function isLogic(e: Expr): boolean {
  return e.kind === 'and' || e.kind === 'or';
}

function braces(filter: Expr | null): string {
  return filter ? ` { ${printFilter(filter)} }` : '';
}

function printKeyword(k: KeywordRef): string {
  if (k.kind === 'field') return k.name;
  if (k.kind === 'group') return `group.${k.by}`;
  return /^[A-Za-z0-9_]+$/.test(k.key) ? `annotation.${k.key}` : `annotation[${quote(k.key)}]`;
}

function printSelector(s: Selector): string {
  if (s.kind === 'name') return quote(s.name);
  const args: string[] = [];
  if (s.name !== undefined) args.push(`name: ${quote(s.name)}`);
  if (s.type !== undefined) args.push(`type: ${quote(s.type)}`);
  if (s.accountId !== undefined) args.push(`account.id: ${quote(s.accountId)}`);
  return `id(${args.join(', ')})`;
}

function printLiteral(v: Literal): string {
  return typeof v === 'string' ? quote(v) : String(v);
}

/** A string literal; only `"` and `\` need escaping: the lexer keeps every other character. */
export function quote(s: string): string {
  return `"${s.replace(/[\\"]/g, '\\$&')}"`;
}
