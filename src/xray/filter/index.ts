/**
 * The X-Ray filter-expression language, once, for the mock server (evaluate, reject with a
 * positioned 400) and the console (validate, highlight, complete). Plain TypeScript: no DOM,
 * no React, no Node APIs. Spec: ../shared/reference/filter-expressions.md.
 */

export type {
  AndNode,
  AnnotationNode,
  CompareNode,
  EdgeNode,
  FilterDiagnostic,
  FilterNode,
  FilterParseResult,
  GroupNode,
  KeywordNode,
  Literal,
  NotNode,
  OrNode,
  Range,
  RootCauseJsonNode,
  RootCauseNode,
  ServiceNode,
  ServiceSelector,
} from './ast.ts';
export {
  compileFilter,
  compileFilterText,
  evaluateFilter,
  type FilterContext,
  type TracePredicate,
} from './compile.ts';
export {
  type CompletionContext,
  type CompletionItem,
  type CompletionResult,
  complete,
} from './complete.ts';
export { describeFilterError } from './describe.ts';
export {
  type EntitySelector,
  type EntitySelectorResult,
  parseEntitySelector,
} from './entity-selector.ts';
export { type HighlightKind, type HighlightToken, highlight } from './highlight.ts';
export {
  ALL_OPERATORS,
  COMPLEX_KEYWORDS,
  type ComparisonOperator,
  type ComplexKeywordInfo,
  type FilterScope,
  KEYWORDS,
  type KeywordInfo,
  keywordInfo,
  OPERATORS_BY_TYPE,
  type RootCauseCategory,
  type RootCauseLevel,
  SCOPE_LABEL,
  type SimpleKeyword,
  type ValueType,
} from './keywords.ts';
export { parseFilter } from './parser.ts';
export { printFilter } from './print.ts';
export { matchesServiceSelector, serviceSelectorPredicate } from './selector.ts';
