/**
 * The X-Ray filter-expression language: lexer, parser, evaluator, completer and printer
 * (reference/filter-expressions.md). Plain TypeScript, no DOM: the console and the mock server
 * both import it from here.
 */
export type {
  CompareOp,
  Expr,
  FilterError,
  KeywordRef,
  Literal,
  ParseResult,
  Selector,
  Span,
} from './ast.ts';
export {
  type CompletionItem,
  type CompletionResult,
  type CompletionSources,
  complete,
} from './complete.ts';
export { describeFilterError } from './describe-error.ts';
export {
  type CompileOptions,
  type CompileResult,
  compileFilter,
  compileFilterText,
  type TracePredicate,
} from './evaluate.ts';
export { type HighlightSpan, highlight } from './highlight.ts';
export * from './keywords.ts';
export { lexFilter, type Token, type TokenKind } from './lexer.ts';
export { parseFilter } from './parser.ts';
export { printFilter, quote } from './print.ts';
export {
  type EntitySelector,
  type EntitySelectorResult,
  matchesSelector,
  parseEntitySelector,
} from './selector.ts';
