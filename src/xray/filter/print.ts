import type { FilterNode, Literal, ServiceSelector } from './ast.ts';

/**
 * Canonical text of an AST: lower-case keywords, upper-case AND/OR and string operators, `!`
 * for NOT, every string quoted, parentheses only where needed. Parsing the result gives the
 * same tree (positions aside), which the round-trip test checks.
 */
export function printFilter(ast: FilterNode): string {
  switch (ast.kind) {
    case 'and':
      // An AND/OR operand needs parentheses: OR binds looser, and a nested AND came from
      // parentheses in the source (flattening it would change the tree).
      return ast.operands.map((o) => wrapIf(o, o.kind === 'and' || o.kind === 'or')).join(' AND ');
    case 'or':
      return ast.operands.map((o) => wrapIf(o, o.kind === 'or')).join(' OR ');
    case 'not':
      return `!${wrapIf(ast.operand, ast.operand.kind === 'and' || ast.operand.kind === 'or')}`;
    case 'keyword':
      return ast.keyword;
    case 'compare':
      return `${ast.keyword} ${ast.op} ${printLiteral(ast.value)}`;
    case 'annotation': {
      const ref = /^[A-Za-z0-9_]+$/.test(ast.key)
        ? `annotation.${ast.key}`
        : `annotation[${quote(ast.key)}]`;
      return ast.op && ast.value ? `${ref} ${ast.op} ${printLiteral(ast.value)}` : ref;
    }
    case 'service':
      return `service(${ast.selector ? printSelector(ast.selector) : ''})${braces(ast.filter)}`;
    case 'edge':
      return `edge(${printSelector(ast.source)}, ${printSelector(ast.destination)})${braces(ast.filter)}`;
    case 'rootcause':
      return `rootcause.${ast.category}.${ast.level}${braces(ast.filter)}`;
    case 'rootcause.json':
      return `rootcause.json = #${JSON.stringify(ast.pattern)}`;
    case 'group':
      return `group.${ast.by} ${ast.op} ${quote(ast.value)}`;
  }
}

function wrapIf(n: FilterNode, paren: boolean): string {
  return paren ? `(${printFilter(n)})` : printFilter(n);
}

function braces(f: FilterNode | null): string {
  return f ? ` { ${printFilter(f)} }` : '';
}

export function printSelector(s: ServiceSelector): string {
  if (s.kind === 'name') return quote(s.name);
  const args: string[] = [];
  if (s.name !== undefined) args.push(`name: ${quote(s.name)}`);
  if (s.type !== undefined) args.push(`type: ${quote(s.type)}`);
  if (s.accountId !== undefined) args.push(`account.id: ${quote(s.accountId)}`);
  return `id(${args.join(', ')})`;
}

function printLiteral(v: Literal): string {
  if (v.kind === 'string') return quote(v.value);
  return String(v.value);
}

/** Double-quoted with `\` and `"` escaped — the two escapes the lexer decodes. */
export function quote(s: string): string {
  return `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
