import type {
  ComparisonOperator,
  RootCauseCategory,
  RootCauseLevel,
  SimpleKeyword,
} from './keywords.ts';

/**
 * The parsed form of a filter expression. Every node carries the source range it came from
 * (`from`/`to`: UTF-16 offsets, `to` exclusive) so the filter box can point at it. Keywords are
 * normalised to lower case and operators to their canonical spelling; string values keep their
 * case. Printing a node and parsing the text again gives the same tree (positions aside).
 */

export interface Range {
  from: number;
  to: number;
}

/** A positioned problem with an expression, worded for the person typing it. */
export interface FilterDiagnostic extends Range {
  message: string;
}

export type Literal =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean };

/**
 * Picks service-graph nodes: by name (matches any of a node's names), or by `id(...)` fields
 * (every given field must match; reference §3).
 */
export type ServiceSelector =
  | ({ kind: 'name'; name: string } & Range)
  | ({ kind: 'id'; name?: string; type?: string; accountId?: string } & Range);

export interface AndNode extends Range {
  kind: 'and';
  operands: FilterNode[];
}
export interface OrNode extends Range {
  kind: 'or';
  operands: FilterNode[];
}
export interface NotNode extends Range {
  kind: 'not';
  operand: FilterNode;
}
/** A simple keyword alone: a boolean keyword's value, or "is set" for the other types. */
export interface KeywordNode extends Range {
  kind: 'keyword';
  keyword: SimpleKeyword;
}
/** `keyword op value`, type-checked by the parser (op fits the keyword's type, value too). */
export interface CompareNode extends Range {
  kind: 'compare';
  keyword: SimpleKeyword;
  op: ComparisonOperator;
  value: Literal;
}
/**
 * `annotation.key`, `annotation[key]` or `annotation["key"]`, alone (is set / boolean value) or
 * compared. The key keeps its case.
 */
export interface AnnotationNode extends Range {
  kind: 'annotation';
  key: string;
  op?: ComparisonOperator;
  value?: Literal;
}
export interface ServiceNode extends Range {
  kind: 'service';
  /** null: `service()`, any node. */
  selector: ServiceSelector | null;
  /** null: no `{ … }`. */
  filter: FilterNode | null;
}
export interface EdgeNode extends Range {
  kind: 'edge';
  source: ServiceSelector;
  destination: ServiceSelector;
  filter: FilterNode | null;
}
export interface RootCauseNode extends Range {
  kind: 'rootcause';
  category: RootCauseCategory;
  level: RootCauseLevel;
  filter: FilterNode;
}
/** `rootcause.json = #[ … ]`: the parsed JSON array (reference §4). */
export interface RootCauseJsonNode extends Range {
  kind: 'rootcause.json';
  pattern: unknown[];
}
/** `group.name = "g"` / `group.arn = "arn"` (`!=` negates). */
export interface GroupNode extends Range {
  kind: 'group';
  by: 'name' | 'arn';
  op: '=' | '!=';
  value: string;
}

export type FilterNode =
  | AndNode
  | OrNode
  | NotNode
  | KeywordNode
  | CompareNode
  | AnnotationNode
  | ServiceNode
  | EdgeNode
  | RootCauseNode
  | RootCauseJsonNode
  | GroupNode;

/** ast null = the empty expression, which matches every trace. */
export type FilterParseResult =
  | { ok: true; ast: FilterNode | null }
  | { ok: false; errors: FilterDiagnostic[] };
