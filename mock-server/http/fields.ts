import { invalid } from './errors.ts';

/**
 * Readers for request-body members. The HTTP layer has one place that turns an XRayError into a
 * response (the error hook), so these throw it instead of threading results through every route;
 * each message names the member and what was expected.
 */
export type Body = Record<string, unknown>;

export function asBody(raw: unknown): Body {
  if (raw === undefined || raw === null || raw === '') return {};
  if (typeof raw !== 'object' || Array.isArray(raw))
    throw invalid('Request body must be a JSON object');
  return raw as Body;
}

function typeName(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

export function optString(
  body: Body,
  name: string,
  min = 0,
  max = Number.POSITIVE_INFINITY,
): string | undefined {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw invalid(`${name} must be a string, got ${typeName(v)}`);
  if (v.length < min || v.length > max) {
    throw invalid(`${name} must be ${min}..${max} characters long, got ${v.length}`);
  }
  return v;
}

export function reqString(
  body: Body,
  name: string,
  min = 0,
  max = Number.POSITIVE_INFINITY,
): string {
  const v = optString(body, name, min, max);
  if (v === undefined) throw invalid(`${name} is required`);
  return v;
}

export function optNumber(
  body: Body,
  name: string,
  min = -Infinity,
  max = Infinity,
): number | undefined {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  // The SDK sends timestamps as numbers; a numeric string is what it accepts back, so allow it too.
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n))
    throw invalid(`${name} must be a number, got ${typeName(v)}`);
  if (n < min || n > max) throw invalid(`${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

export function reqNumber(body: Body, name: string, min = -Infinity, max = Infinity): number {
  const v = optNumber(body, name, min, max);
  if (v === undefined) throw invalid(`${name} is required`);
  return v;
}

export function optInt(
  body: Body,
  name: string,
  min = -Infinity,
  max = Infinity,
): number | undefined {
  const v = optNumber(body, name, min, max);
  if (v !== undefined && !Number.isInteger(v))
    throw invalid(`${name} must be an integer, got ${v}`);
  return v;
}

export function optBool(body: Body, name: string): boolean | undefined {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw invalid(`${name} must be a boolean, got ${typeName(v)}`);
  return v;
}

export function optObject(body: Body, name: string): Body | undefined {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v))
    throw invalid(`${name} must be an object, got ${typeName(v)}`);
  return v as Body;
}

export function reqObject(body: Body, name: string): Body {
  const v = optObject(body, name);
  if (v === undefined) throw invalid(`${name} is required`);
  return v;
}

export function optArray(body: Body, name: string, maxItems = Infinity): unknown[] | undefined {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw invalid(`${name} must be a list, got ${typeName(v)}`);
  if (v.length > maxItems)
    throw invalid(`${name} may hold at most ${maxItems} items, got ${v.length}`);
  return v;
}

export function reqStringArray(
  body: Body,
  name: string,
  maxItems = Infinity,
  maxLen = Infinity,
): string[] {
  const v = optArray(body, name, maxItems);
  if (v === undefined) throw invalid(`${name} is required`);
  v.forEach((item, i) => {
    if (typeof item !== 'string')
      throw invalid(`${name}[${i}] must be a string, got ${typeName(item)}`);
    if (item.length === 0 || item.length > maxLen) {
      throw invalid(`${name}[${i}] must be 1..${maxLen} characters long`);
    }
  });
  return v as string[];
}

/** Tags on create calls: validated, then ignored (nothing reads them back yet). */
export function checkTags(body: Body): void {
  const tags = optArray(body, 'Tags', 200) ?? [];
  tags.forEach((t, i) => {
    const tag = asBody(t);
    const key = reqString(tag, 'Key', 1, 128);
    reqString(tag, 'Value', 0, 256);
    if (key.startsWith('aws:')) throw invalid(`Tags[${i}].Key may not start with "aws:"`);
  });
}
