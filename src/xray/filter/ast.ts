import type {
  ComparisonOperator,
  RootCauseCategory,
  RootCauseLevel,
  SimpleKeyword,
} from './keywords.ts';

/**
 * The parsed form of a filter expression. Every node carries the source span it came from
 * (UTF-16 offsets, end exclusive) so later stages (group resolution, the filter box) can point
 * at it. Keywords are normalised to lower case; string values keep their case.
 */

export interface Span {
  from: number;
  to: number;
}

/** A positioned problem with an expression; `message` is written for the person typing it. */
export interface FilterError extends Span {
  message: string;
}

export type Literal = string | number | boolean;

export type CompareOp = ComparisonOperator;

/** What a comparison or bare term reads. */
export type KeywordRef =
  | { kind: 'field'; name: SimpleKeyword }
  /** `annotation.key` or `annotation[key]`; the key keeps its case. Its type is the value's. */
  | { kind: 'annotation'; key: string }
  /** `group.name` / `group.arn`: "the trace satisfies that group's filter". */
  | { kind: 'group'; by: 'name' | 'arn' };

/** Picks service-graph nodes: by name (any of a node's names) or by `id(...)` fields (all must match). */
export type Selector =
  | { kind: 'name'; name: string }
  | { kind: 'id'; name?: string; type?: string; accountId?: string };

export type Expr =
  | { kind: 'or'; terms: Expr[]; span: Span }
  | { kind: 'and'; terms: Expr[]; span: Span }
  | { kind: 'not'; expr: Expr; span: Span }
  /** A keyword alone: a boolean's value, or "is set" for other types. */
  | { kind: 'test'; keyword: KeywordRef; span: Span }
  | { kind: 'compare'; keyword: KeywordRef; op: CompareOp; value: Literal; span: Span }
  /** `service(selector) {filter}`; a null selector matches every node. */
  | { kind: 'service'; selector: Selector | null; filter: Expr | null; span: Span }
  | { kind: 'edge'; from: Selector; to: Selector; filter: Expr | null; span: Span }
  | {
      kind: 'rootcause';
      category: RootCauseCategory;
      level: RootCauseLevel;
      filter: Expr;
      span: Span;
    }
  /** `rootcause.json = #[…]`; `pattern` is the parsed JSON array. */
  | { kind: 'rootcause-json'; pattern: unknown[]; span: Span };

export type ParseResult = { ok: true; expr: Expr } | { ok: false; errors: FilterError[] };
