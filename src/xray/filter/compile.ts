import type { TraceFacts } from '../trace/facts.ts';
import type { AnnotationValueUnion } from '../types.ts';
import type {
  AnnotationNode,
  FilterDiagnostic,
  FilterNode,
  GroupNode,
  RootCauseNode,
} from './ast.ts';
import { annotationValue, presenceTest, readerTest, valueTest } from './compare.ts';
import { parseFilter } from './parser.ts';
import {
  type CallItem,
  EDGE_READERS,
  RC_ENTITY_READERS,
  RC_EXCEPTION_READERS,
  RC_SERVICE_READERS,
  type ReaderTable,
  type RootCauseItem,
  SERVICE_READERS,
  TRACE_READERS,
} from './readers.ts';
import { matchesRootCauseJson } from './rootcause-json.ts';
import { serviceSelectorPredicate } from './selector.ts';

/** What compileFilter needs from its caller. */
export interface FilterContext {
  /**
   * The stored filter of a group, for `group.name = …` / `group.arn = …`. Return null for a group
   * without a filter (matches every trace), undefined for an unknown group (matches none).
   */
  resolveGroup?(ref: { name?: string; arn?: string }): FilterNode | null | undefined;
}

type Pred<T> = (x: T) => boolean;
/** A compiled filter. */
export type TracePredicate = Pred<TraceFacts>;
const TRUE = () => true;
const FALSE = () => false;

/**
 * Compiles an AST once into a tree of closures over TraceFacts (reference §6 semantics), so
 * evaluating it per trace costs a few calls and no allocation. `null` (the empty expression)
 * matches every trace. Groups are resolved now, not per trace; a group whose filter refers back
 * to itself (directly or through others) matches nothing rather than recursing forever.
 */
export function compileFilter(ast: FilterNode | null, ctx: FilterContext = {}): Pred<TraceFacts> {
  if (!ast) return TRUE;
  return compileTrace(ast, { ctx, groups: [] });
}

/**
 * Parse and compile in one step — what the server does with a FilterExpression. Empty text
 * compiles to "every trace".
 */
export function compileFilterText(
  text: string,
  ctx?: FilterContext,
):
  | { ok: true; ast: FilterNode | null; test: Pred<TraceFacts> }
  | { ok: false; errors: FilterDiagnostic[] } {
  const parsed = parseFilter(text);
  if (!parsed.ok) return parsed;
  return { ok: true, ast: parsed.ast, test: compileFilter(parsed.ast, ctx) };
}

/** Convenience for one-off checks; compile once with compileFilter when evaluating many. */
export function evaluateFilter(
  ast: FilterNode | null,
  facts: TraceFacts,
  ctx?: FilterContext,
): boolean {
  return compileFilter(ast, ctx)(facts);
}

interface CompileState {
  ctx: FilterContext;
  /** Groups being expanded, outermost first, as "name:x" / "arn:y" (recursion guard). */
  groups: string[];
}

/** and / or / not are the same in every scope; `leaf` compiles everything else. */
function compileLogic<T>(node: FilterNode, leaf: (n: FilterNode) => Pred<T>): Pred<T> {
  switch (node.kind) {
    case 'and': {
      const ps = node.operands.map((o) => compileLogic(o, leaf));
      if (ps.length === 2) {
        const [a, b] = ps as [Pred<T>, Pred<T>];
        return (x) => a(x) && b(x);
      }
      return (x) => {
        for (const p of ps) if (!p(x)) return false;
        return true;
      };
    }
    case 'or': {
      const ps = node.operands.map((o) => compileLogic(o, leaf));
      if (ps.length === 2) {
        const [a, b] = ps as [Pred<T>, Pred<T>];
        return (x) => a(x) || b(x);
      }
      return (x) => {
        for (const p of ps) if (p(x)) return true;
        return false;
      };
    }
    case 'not': {
      const p = compileLogic(node.operand, leaf);
      return (x) => !p(x);
    }
    default:
      return leaf(node);
  }
}

/** keyword / compare nodes against a scope's readers; anything else is not valid in the scope. */
function simpleLeaf<T>(readers: ReaderTable<T>): (n: FilterNode) => Pred<T> {
  return (n) => {
    if (n.kind !== 'keyword' && n.kind !== 'compare') return FALSE;
    const r = readers[n.keyword];
    if (!r) return FALSE; // out of scope; the parser rejects this, hand-built ASTs may not
    return n.kind === 'keyword' ? presenceTest(r) : readerTest(r, valueTest(n.op, n.value));
  };
}

const serviceLeaf = simpleLeaf(SERVICE_READERS);
const edgeLeaf = simpleLeaf(EDGE_READERS);

function compileTrace(ast: FilterNode, st: CompileState): Pred<TraceFacts> {
  const simple = simpleLeaf(TRACE_READERS);
  return compileLogic<TraceFacts>(ast, (n) => {
    switch (n.kind) {
      case 'keyword':
      case 'compare':
        return simple(n);
      case 'annotation':
        return compileAnnotation(n);
      case 'service': {
        const match = serviceSelectorPredicate(n.selector);
        const sub = n.filter ? compileLogic(n.filter, serviceLeaf) : null;
        const item: CallItem = { node: undefined, call: undefined };
        return (f) => {
          for (const node of f.nodes) {
            if (!match(node.id)) continue;
            if (!sub) return true;
            item.node = node;
            if (anyCall(node.calls, item, sub)) return true;
          }
          return false;
        };
      }
      case 'edge': {
        const source = serviceSelectorPredicate(n.source);
        const destination = serviceSelectorPredicate(n.destination);
        const sub = n.filter ? compileLogic(n.filter, edgeLeaf) : null;
        const item: CallItem = { node: undefined, call: undefined };
        return (f) => {
          for (const e of f.edges) {
            const a = f.nodes[e.from];
            const b = f.nodes[e.to];
            if (!a || !b) continue;
            if (!source(a.id) || !destination(b.id)) continue;
            if (!sub) return true;
            item.node = b;
            if (anyCall(e.calls, item, sub)) return true;
          }
          return false;
        };
      }
      case 'rootcause':
        return compileRootCause(n);
      case 'rootcause.json': {
        const pattern = n.pattern;
        return (f) => matchesRootCauseJson(pattern, f.summary);
      }
      case 'group':
        return compileGroup(n, st);
      default:
        return FALSE;
    }
  });
}

/**
 * ∃ call satisfying `sub` (§6.2: "any segment of N with that condition"). A node or edge with no
 * calls is tested once with no call, so node-level keywords still decide.
 */
function anyCall(calls: CallItem['call'][], item: CallItem, sub: Pred<CallItem>): boolean {
  if (calls.length === 0) {
    item.call = undefined;
    return sub(item);
  }
  for (const call of calls) {
    item.call = call;
    if (sub(item)) return true;
  }
  return false;
}

/**
 * Annotations are read from the summary (one entry per distinct value, from any segment) and
 * match when any value does. Alone: set — or, for a boolean annotation, its value (§2.4).
 */
function compileAnnotation(n: AnnotationNode): Pred<TraceFacts> {
  const key = n.key;
  const values = (f: TraceFacts) => {
    const a = f.summary.Annotations;
    return a && Object.hasOwn(a, key) ? a[key] : undefined;
  };
  const test: (v: unknown) => boolean =
    n.op && n.value
      ? valueTest(n.op, n.value)
      : (v) => (typeof v === 'boolean' ? v : v !== undefined);
  return (f) => {
    const vs = values(f);
    if (!vs) return false;
    for (const v of vs)
      if (test(annotationValue(v.AnnotationValue as AnnotationValueUnion))) return true;
    return false;
  };
}

function compileRootCause(n: RootCauseNode): Pred<TraceFacts> {
  const { category, level } = n;
  const readers =
    level === 'service'
      ? RC_SERVICE_READERS
      : level === 'entity'
        ? RC_ENTITY_READERS
        : RC_EXCEPTION_READERS;
  const sub = compileLogic(n.filter, simpleLeaf(readers));
  const item: RootCauseItem = {
    service: undefined,
    entity: undefined,
    exception: undefined,
    index: 0,
    count: 0,
  };
  return (f) => {
    const s = f.summary;
    const causes =
      category === 'fault'
        ? s.FaultRootCauses
        : category === 'error'
          ? s.ErrorRootCauses
          : s.ResponseTimeRootCauses;
    if (!causes) return false;
    for (const rc of causes) {
      const services = rc.Services ?? [];
      for (let i = 0; i < services.length; i++) {
        const svc = services[i]!;
        item.service = svc;
        if (level === 'service') {
          item.entity = item.exception = undefined;
          item.index = i;
          item.count = services.length;
          if (sub(item)) return true;
          continue;
        }
        const path = (svc.EntityPath ?? []) as NonNullable<RootCauseItem['entity']>[];
        for (let j = 0; j < path.length; j++) {
          const ent = path[j]!;
          item.entity = ent;
          if (level === 'entity') {
            item.exception = undefined;
            item.index = j;
            item.count = path.length;
            if (sub(item)) return true;
            continue;
          }
          const exs = (ent as { Exceptions?: RootCauseItem['exception'][] }).Exceptions ?? [];
          for (let k = 0; k < exs.length; k++) {
            item.exception = exs[k];
            item.index = k;
            item.count = exs.length;
            if (sub(item)) return true;
          }
        }
      }
    }
    return false;
  };
}

/**
 * `group.name = "g"`: the trace satisfies g's filter (§6.5), resolved through the caller at
 * compile time. Unknown group ⇒ false; a group without a filter ⇒ true; a cycle ⇒ false.
 */
function compileGroup(n: GroupNode, st: CompileState): Pred<TraceFacts> {
  const key = `${n.by}:${n.value}`;
  let p: Pred<TraceFacts>;
  if (st.groups.includes(key) || !st.ctx.resolveGroup) {
    p = FALSE;
  } else {
    const ast = st.ctx.resolveGroup(n.by === 'name' ? { name: n.value } : { arn: n.value });
    if (ast === undefined) p = FALSE;
    else if (ast === null) p = TRUE;
    else p = compileTrace(ast, { ctx: st.ctx, groups: [...st.groups, key] });
  }
  if (n.op === '=') return p;
  return (f) => !p(f);
}
