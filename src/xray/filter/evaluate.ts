import type { CallFacts, TraceFacts, TraceNodeFacts } from '../trace/facts.ts';
import type { AnnotationValueUnion, Group } from '../types.ts';
import type { CompareOp, Expr, FilterError, KeywordRef, Literal } from './ast.ts';
import type { SimpleKeyword } from './keywords.ts';
import { parseFilter } from './parser.ts';
import {
  matchesRootCauseJson,
  type RootCauseElement,
  someRootCauseElement,
} from './root-cause-match.ts';
import { matchesSelector } from './selector.ts';

/**
 * Turns a parsed filter into a predicate over one trace's facts (reference/filter-expressions.md
 * §6). Compile once per request, then call the predicate for every candidate trace.
 *
 * Semantics in one place:
 * - A keyword reads a list of values (empty when unset; several for `user`, annotations, …). A
 *   comparison holds when SOME value satisfies it, `!=` included; values of another type never
 *   satisfy it (`annotation.age > 29` is false when `age` is a string).
 * - A bare keyword holds when some value is `true` (booleans) or present (others; an empty
 *   string counts as unset for the simple string keywords, which come from optional fields).
 * - Top-level `ok/error/throttle/fault` describe the trace's entry point (TraceSummary flags);
 *   inside `service(){…}` and `edge(){…}` the filter must hold for one call of a matching
 *   node/edge; inside `rootcause.*{…}` for one element of the list.
 */
export type TracePredicate = (facts: TraceFacts) => boolean;

export type CompileResult =
  | { ok: true; test: TracePredicate }
  | { ok: false; errors: FilterError[] };

export interface CompileOptions {
  /**
   * Looks a group up for `group.name = "…"` / `group.arn = "…"`. Return undefined when there is
   * no such group (a compile error). A group without a filter expression matches every trace.
   */
  resolveGroup?: (ref: { by: 'name' | 'arn'; value: string }) => Group | undefined;
}

/** Parses and compiles in one step; the usual entry point for GetTraceSummaries and groups. */
export function compileFilterText(text: string, options: CompileOptions = {}): CompileResult {
  const parsed = parseFilter(text);
  return parsed.ok ? compileFilter(parsed.expr, options) : parsed;
}

export function compileFilter(expr: Expr, options: CompileOptions = {}): CompileResult {
  const ctx: Context = { options, errors: [], groupStack: [] };
  const test = compileTrace(expr, ctx);
  return ctx.errors.length > 0 ? { ok: false, errors: ctx.errors } : { ok: true, test };
}

interface Context {
  options: CompileOptions;
  errors: FilterError[];
  /** Groups being compiled, outermost first: a reference back into this list is a cycle. */
  groupStack: { id: string; label: string }[];
}

type Pred<S> = (subject: S) => boolean;
type Values = readonly Literal[];
type Reader<S> = (subject: S) => Values;

const NONE: Values = [];
const one = (v: Literal | undefined): Values => (v === undefined ? NONE : [v]);
/** Optional string fields: absent and empty both read as "unset". */
const str = (v: string | undefined): Values => (v === undefined || v === '' ? NONE : [v]);

// --- generic compilation (logic + field comparisons), shared by every scope ------------------

function compileLogic<S>(
  expr: Expr,
  field: (name: SimpleKeyword) => Reader<S>,
  special: (expr: Expr) => Pred<S>,
): Pred<S> {
  const rec = (e: Expr) => compileLogic(e, field, special);
  switch (expr.kind) {
    case 'or': {
      const terms = expr.terms.map(rec);
      return (s) => terms.some((t) => t(s));
    }
    case 'and': {
      const terms = expr.terms.map(rec);
      return (s) => terms.every((t) => t(s));
    }
    case 'not': {
      const inner = rec(expr.expr);
      return (s) => !inner(s);
    }
    case 'test':
    case 'compare':
      if (expr.keyword.kind === 'field') {
        return valuePredicate(field(expr.keyword.name), expr);
      }
      return special(expr);
    default:
      return special(expr);
  }
}

function valuePredicate<S>(read: Reader<S>, expr: Expr & { kind: 'test' | 'compare' }): Pred<S> {
  if (expr.kind === 'test') return (s) => read(s).some(isSet);
  const match = literalMatcher(expr.op, expr.value);
  return (s) => read(s).some(match);
}

function isSet(v: Literal): boolean {
  return typeof v === 'boolean' ? v : true;
}

function literalMatcher(op: CompareOp, want: Literal): (v: Literal) => boolean {
  switch (op) {
    case '=':
      return (v) => v === want;
    case '!=':
      return (v) => typeof v === typeof want && v !== want;
    case '<':
      return (v) => typeof v === 'number' && v < (want as number);
    case '<=':
      return (v) => typeof v === 'number' && v <= (want as number);
    case '>':
      return (v) => typeof v === 'number' && v > (want as number);
    case '>=':
      return (v) => typeof v === 'number' && v >= (want as number);
    case 'CONTAINS':
      return (v) => typeof v === 'string' && v.includes(want as string);
    case 'BEGINSWITH':
      return (v) => typeof v === 'string' && v.startsWith(want as string);
    case 'ENDSWITH':
      return (v) => typeof v === 'string' && v.endsWith(want as string);
  }
}

// --- trace scope -----------------------------------------------------------------------------

const TRACE_FIELDS: Partial<Record<SimpleKeyword, Reader<TraceFacts>>> = {
  ok: ({ summary: s }) => [!(s.HasError || s.HasFault || s.HasThrottle)],
  error: ({ summary }) => [summary.HasError === true],
  throttle: ({ summary }) => [summary.HasThrottle === true],
  fault: ({ summary }) => [summary.HasFault === true],
  partial: ({ summary }) => [summary.IsPartial === true],
  inferred: ({ nodes }) => [nodes.some((n) => n.inferred)],
  responsetime: ({ summary }) => one(summary.ResponseTime),
  duration: ({ summary }) => one(summary.Duration),
  'http.status': ({ summary }) => one(summary.Http?.HttpStatus),
  'http.url': ({ summary }) => str(summary.Http?.HttpURL),
  'http.method': ({ summary }) => str(summary.Http?.HttpMethod),
  'http.useragent': ({ summary }) => str(summary.Http?.UserAgent),
  'http.clientip': ({ summary }) => str(summary.Http?.ClientIp),
  user: ({ summary }) => strings(summary.Users?.map((u) => u.UserName)),
  availabilityzone: ({ summary }) => strings(summary.AvailabilityZones?.map((z) => z.Name)),
  'instance.id': ({ summary }) => strings(summary.InstanceIds?.map((i) => i.Id)),
  'resource.arn': ({ summary }) => strings(summary.ResourceARNs?.map((r) => r.ARN)),
};

function strings(list: (string | undefined)[] | undefined): Values {
  return list?.filter((v): v is string => v !== undefined && v !== '') ?? NONE;
}

function compileTrace(expr: Expr, ctx: Context): Pred<TraceFacts> {
  return compileLogic<TraceFacts>(
    expr,
    (name) => readerFor(TRACE_FIELDS, name),
    (e) => compileTraceSpecial(e, ctx),
  );
}

/** The parser only lets a keyword into a scope that has a reader for it. */
function readerFor<S>(
  table: Partial<Record<SimpleKeyword, Reader<S>>>,
  name: SimpleKeyword,
): Reader<S> {
  return table[name] ?? (() => NONE);
}

/** Trace-scope terms other than logic and simple keywords (those go through compileLogic). */
function compileTraceSpecial(expr: Expr, ctx: Context): Pred<TraceFacts> {
  switch (expr.kind) {
    case 'or':
    case 'and':
    case 'not':
      return NO_MATCH;
    case 'test':
    case 'compare': {
      const { keyword } = expr;
      return keyword.kind === 'field' ? NO_MATCH : compileComplexKeyword(expr, keyword, ctx);
    }
    case 'service': {
      const inner = expr.filter && compileCall(expr.filter);
      const { selector } = expr;
      return ({ nodes }) =>
        nodes.some(
          (node) =>
            matchesSelector(selector, node.id) &&
            (inner === null || someCall(node.calls, (call) => inner({ node, call }))),
        );
    }
    case 'edge': {
      const inner = expr.filter && compileCall(expr.filter);
      const { from, to } = expr;
      return ({ nodes, edges }) =>
        edges.some((edge) => {
          const a = nodes[edge.from];
          const b = nodes[edge.to];
          if (!a || !b || !matchesSelector(from, a.id) || !matchesSelector(to, b.id)) return false;
          return inner === null || someCall(edge.calls, (call) => inner({ node: undefined, call }));
        });
    }
    case 'rootcause': {
      const inner = compileRootCause(expr.filter);
      const { category, level } = expr;
      return ({ summary }) => someRootCauseElement(summary, category, level, inner);
    }
    case 'rootcause-json': {
      const { pattern } = expr;
      return ({ summary }) => matchesRootCauseJson(summary, pattern);
    }
    default:
      return unreachable(expr);
  }
}

function compileComplexKeyword(
  expr: Expr & { kind: 'test' | 'compare' },
  keyword: Exclude<KeywordRef, { kind: 'field' }>,
  ctx: Context,
): Pred<TraceFacts> {
  if (keyword.kind === 'annotation') {
    const { key } = keyword;
    return valuePredicate(({ summary }) => {
      const annotations = summary.Annotations;
      if (!annotations || !Object.hasOwn(annotations, key)) return NONE;
      return (annotations[key] ?? []).flatMap((v) => one(annotationValue(v.AnnotationValue)));
    }, expr);
  }
  // The parser only accepts group.name/arn = "…" or != "…".
  if (expr.kind !== 'compare' || typeof expr.value !== 'string') return NO_MATCH;
  const group = compileGroup(keyword.by, expr.value, expr, ctx);
  return expr.op === '!=' ? (t) => !group(t) : group;
}

function annotationValue(v: AnnotationValueUnion | undefined): Literal | undefined {
  return v?.StringValue ?? v?.NumberValue ?? v?.BooleanValue;
}

/** Compiles the referenced group's own filter in place, so evaluation never looks groups up. */
function compileGroup(
  by: 'name' | 'arn',
  value: string,
  expr: Expr,
  ctx: Context,
): Pred<TraceFacts> {
  const never: Pred<TraceFacts> = () => false;
  const report = (message: string) => {
    ctx.errors.push({ message, ...expr.span });
    return never;
  };
  const group = ctx.options.resolveGroup?.({ by, value });
  if (!group) return report(`No group with ${by} "${value}"`);
  const id = group.GroupARN ?? group.GroupName ?? value;
  const label = group.GroupName ?? value;
  const loopAt = ctx.groupStack.findIndex((g) => g.id === id);
  if (loopAt >= 0) {
    const path = [...ctx.groupStack.slice(loopAt).map((g) => g.label), label].join(' → ');
    return report(`Groups refer to each other in a loop: ${path}`);
  }
  const text = group.FilterExpression ?? '';
  if (text.trim() === '') return () => true;
  const parsed = parseFilter(text);
  if (!parsed.ok) {
    return report(`Group "${label}" has an invalid filter: ${parsed.errors[0]?.message}`);
  }
  ctx.groupStack.push({ id, label });
  const before = ctx.errors.length;
  const test = compileTrace(parsed.expr, ctx);
  ctx.groupStack.pop();
  // Problems found inside the group's filter are reported on this reference, the only part of
  // the text being compiled; the innermost message already names the group at fault.
  for (let i = before; i < ctx.errors.length; i++) {
    ctx.errors[i] = { ...ctx.errors[i]!, ...expr.span };
  }
  return test;
}

// --- service / edge scopes -------------------------------------------------------------------

/** One call of a node (service scope) or of an edge (node undefined). */
interface CallSubject {
  node: TraceNodeFacts | undefined;
  call: CallFacts | undefined;
}

const CALL_FIELDS: Partial<Record<SimpleKeyword, Reader<CallSubject>>> = {
  ok: ({ call }) => one(call?.ok),
  error: ({ call }) => one(call?.error),
  throttle: ({ call }) => one(call?.throttle),
  fault: ({ call }) => one(call?.fault),
  partial: ({ call }) => one(call?.inProgress),
  root: ({ node }) => one(node?.root),
  inferred: ({ node }) => one(node?.inferred),
  name: ({ node }) => (node ? strings([node.id.Name, ...(node.id.Names ?? [])]) : NONE),
  type: ({ node }) => str(node?.id.Type),
  responsetime: ({ call }) => one(call?.responseTime),
  duration: ({ call }) => one(call?.duration),
  'http.status': ({ call }) => one(call?.http?.HttpStatus),
  'http.url': ({ call }) => str(call?.http?.HttpURL),
  'http.method': ({ call }) => str(call?.http?.HttpMethod),
  'http.useragent': ({ call }) => str(call?.http?.UserAgent),
  'http.clientip': ({ call }) => str(call?.http?.ClientIp),
};

function compileCall(expr: Expr): Pred<CallSubject> {
  return compileLogic<CallSubject>(
    expr,
    (name) => readerFor(CALL_FIELDS, name),
    () => NO_MATCH,
  );
}

/** A node with no recorded calls is still tested once, so node-level `root` can hold. */
function someCall(calls: readonly CallFacts[], test: (call: CallFacts | undefined) => boolean) {
  return calls.length === 0 ? test(undefined) : calls.some(test);
}

// --- rootcause scopes ------------------------------------------------------------------------

const ROOT_CAUSE_FIELDS: Partial<Record<SimpleKeyword, Reader<RootCauseElement>>> = {
  index: ({ index }) => [index],
  first: ({ index }) => [index === 0],
  last: ({ index, count }) => [index === count - 1],
  name: (el) => {
    if (el.level !== 'service') return str(el.item.Name);
    return strings([el.item.Name, ...(el.item.Names ?? [])]);
  },
  type: (el) => (el.level === 'service' ? str(el.item.Type) : NONE),
  inferred: (el) => (el.level === 'service' ? [el.item.Inferred === true] : NONE),
  remote: (el) => (el.level === 'entity' ? [el.item.Remote === true] : NONE),
  coverage: (el) => (el.level === 'entity' ? one(el.item.Coverage) : NONE),
  message: (el) => (el.level === 'exception' ? str(el.item.Message) : NONE),
};

function compileRootCause(expr: Expr): Pred<RootCauseElement> {
  return compileLogic<RootCauseElement>(
    expr,
    (name) => readerFor(ROOT_CAUSE_FIELDS, name),
    () => NO_MATCH,
  );
}

/**
 * For terms the parser never puts in that place (service() inside braces, group.name without a
 * value, …): a defensive "no match" keeps a hand-built tree from crashing the server.
 */
const NO_MATCH = (): boolean => false;

function unreachable(_: never): Pred<TraceFacts> {
  return NO_MATCH;
}
