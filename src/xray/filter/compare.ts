import type { AnnotationValueUnion } from '../types.ts';
import type { Literal } from './ast.ts';
import type { ComparisonOperator } from './keywords.ts';
import type { Reader } from './readers.ts';

/**
 * Comparison primitives, built once per AST node so evaluation is a few closure calls.
 * Rules (reference §6): a missing value never satisfies a comparison (not even `!=`); a value
 * of another type than the literal is a mismatch and yields false (§6.7); string comparisons are
 * case-sensitive (§6.8).
 */

type Test = (v: unknown) => boolean;

/** A test of one value against `op literal`; false for values of another type. */
export function valueTest(op: ComparisonOperator, lit: Literal): Test {
  if (lit.kind === 'number') {
    const n = lit.value;
    switch (op) {
      case '=':
        return (v) => v === n;
      case '!=':
        return (v) => typeof v === 'number' && v !== n;
      case '<':
        return (v) => typeof v === 'number' && v < n;
      case '<=':
        return (v) => typeof v === 'number' && v <= n;
      case '>':
        return (v) => typeof v === 'number' && v > n;
      case '>=':
        return (v) => typeof v === 'number' && v >= n;
      default:
        return () => false;
    }
  }
  if (lit.kind === 'boolean') {
    const b = lit.value;
    if (op === '=') return (v) => v === b;
    if (op === '!=') return (v) => typeof v === 'boolean' && v !== b;
    return () => false;
  }
  const s = lit.value;
  switch (op) {
    case '=':
      return (v) => v === s;
    case '!=':
      return (v) => typeof v === 'string' && v !== s;
    case 'CONTAINS':
      return (v) => typeof v === 'string' && v.includes(s);
    case 'BEGINSWITH':
      return (v) => typeof v === 'string' && v.startsWith(s);
    case 'ENDSWITH':
      return (v) => typeof v === 'string' && v.endsWith(s);
    default:
      return () => false;
  }
}

/** `keyword op literal` over a reader: for lists, true when any item passes. */
export function readerTest<T>(r: Reader<T>, test: Test): (x: T) => boolean {
  if (r.kind === 'one') {
    const get = r.get;
    return (x) => test(get(x));
  }
  const { list, pick } = r;
  return (x) => {
    const items = list(x);
    if (!items) return false;
    for (const item of items) if (test(pick(item))) return true;
    return false;
  };
}

/**
 * A keyword alone: a boolean's value; "is set" for numbers; "is set and not empty" for strings
 * (our reading of example #23, `http.url AND …`).
 */
export function presenceTest<T>(r: Reader<T>): (x: T) => boolean {
  return readerTest(
    r,
    (v) => v === true || typeof v === 'number' || (typeof v === 'string' && v !== ''),
  );
}

/** The value held by an annotation union, whatever its type. */
export function annotationValue(u: AnnotationValueUnion | undefined): unknown {
  if (!u) return undefined;
  if (u.NumberValue !== undefined) return u.NumberValue;
  if (u.StringValue !== undefined) return u.StringValue;
  return u.BooleanValue;
}
