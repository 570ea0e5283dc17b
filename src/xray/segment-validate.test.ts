import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES, utf8Length, validateSegmentDocument } from './segment-validate.ts';
import { faultDocs, lambdaDocs, longDocs, throttleDocs } from './trace/reference-examples.ts';

const TRACE = '1-665a6480-75ed1faa09214d2e66193645';
const base = { name: 'a', id: '0123456789abcdef', trace_id: TRACE, start_time: 1, end_time: 2 };
const validate = (doc: unknown) => validateSegmentDocument(JSON.stringify(doc));
const errorOf = (doc: unknown) => {
  const r = validate(doc);
  if (r.ok) throw new Error('expected a rejection');
  return r;
};

describe('validateSegmentDocument: accepts', () => {
  it('every document of the reference examples, unchanged', () => {
    for (const doc of [...lambdaDocs, ...faultDocs, ...throttleDocs, ...longDocs]) {
      const r = validate(doc);
      expect(r).toEqual({ ok: true, docs: [doc] });
    }
  });
  it('the minimal complete segment and an in-progress one', () => {
    expect(validate(base).ok).toBe(true);
    const { end_time: _, ...open } = base;
    expect(validate({ ...open, in_progress: true }).ok).toBe(true);
  });
  it('exponent notation for times', () => {
    expect(
      validateSegmentDocument(
        `{"name":"a","id":"0123456789abcdef","trace_id":"${TRACE}","start_time":1.480615200010E9,"end_time":1.4806152001E9}`,
      ).ok,
    ).toBe(true);
  });
  it('a top-level array of independent subsegments, each kept with unknown keys', () => {
    const sub = {
      ...base,
      type: 'subsegment',
      parent_id: 'fedcba9876543210',
      weird_key: { x: [1] },
    };
    const r = validate([sub, { ...sub, id: '1111111111111111' }]);
    expect(r.ok && r.docs.length).toBe(2);
    expect(r.ok && (r.docs[0] as unknown as { weird_key: unknown }).weird_key).toEqual({ x: [1] });
  });
  it('a cause given as an exception id string, and Node SDK cause objects with empty exceptions', () => {
    expect(validate({ ...base, cause: 'f093a751a7c10e75' }).ok).toBe(true);
    expect(validate({ ...base, cause: { id: 'f093a751a7c10e75', exceptions: [] } }).ok).toBe(true);
  });
  it('stack frames with a null line (Node SDK)', () => {
    const cause = {
      exceptions: [{ id: 'f093a751a7c10e75', stack: [{ path: 'node', line: null }] }],
    };
    expect(validate({ ...base, cause }).ok).toBe(true);
  });
});

describe('validateSegmentDocument: rejects', () => {
  it('non-JSON and non-objects with JSONFormatError, never throwing', () => {
    expect(validateSegmentDocument('{"name":').ok).toBe(false);
    expect(errorOf('just a string').code).toBe('JSONFormatError');
    expect(errorOf(null).code).toBe('JSONFormatError');
    expect(errorOf([]).code).toBe('JSONFormatError');
    expect(errorOf([base, 3]).code).toBe('JSONFormatError');
    expect((validateSegmentDocument('not json') as { code: string }).code).toBe('JSONFormatError');
  });
  it('missing required fields with MissingParameter naming the field', () => {
    for (const field of ['name', 'id', 'trace_id', 'start_time'] as const) {
      const { [field]: _, ...doc } = base;
      const e = errorOf(doc);
      expect(e.code).toBe('MissingParameter');
      expect(e.message).toBe(`missing required field \`${field}\``);
    }
  });
  it('a document with neither end_time nor in_progress', () => {
    const { end_time: _, ...doc } = base;
    const e = errorOf(doc);
    expect(e.code).toBe('MissingParameter');
    expect(e.message).toContain('`end_time`');
    expect(e.message).toContain('in_progress');
    expect(errorOf({ ...doc, in_progress: false }).code).toBe('MissingParameter');
  });
  it('a bad trace id with InvalidTraceId and the document id', () => {
    const e = errorOf({ ...base, trace_id: '1-xyz' });
    expect(e).toMatchObject({ code: 'InvalidTraceId', id: '0123456789abcdef' });
    expect(e.message).toContain('`trace_id`');
  });
  it('independent subsegments without parent_id, and unknown types', () => {
    expect(errorOf({ ...base, type: 'subsegment' })).toMatchObject({
      code: 'MissingParameter',
      message: 'missing required field `parent_id`',
    });
    expect(errorOf({ ...base, type: 'span' }).code).toBe('InvalidSegment');
  });
  it('malformed ids, names and times with InvalidSegment', () => {
    expect(errorOf({ ...base, id: 'abc' }).message).toContain('`id`');
    expect(errorOf({ ...base, parent_id: 'abc' }).message).toContain('`parent_id`');
    expect(errorOf({ ...base, name: 'x'.repeat(201) }).message).toContain('`name`');
    expect(validate({ ...base, name: 'x'.repeat(200) }).ok).toBe(true);
    expect(errorOf({ ...base, name: 7 }).code).toBe('InvalidSegment');
    expect(errorOf({ ...base, start_time: '1' }).message).toContain('`start_time`');
    expect(errorOf({ ...base, end_time: '2' }).message).toContain('`end_time`');
    // 1e400 parses to Infinity
    const inf = validateSegmentDocument(
      `{"name":"a","id":"0123456789abcdef","trace_id":"${TRACE}","start_time":1e400,"end_time":2}`,
    );
    expect(inf).toMatchObject({ ok: false, code: 'InvalidSegment' });
  });
  it('wrongly typed optional fields', () => {
    expect(errorOf({ ...base, fault: 'yes' }).message).toContain('`fault`');
    expect(errorOf({ ...base, http: { response: { status: '500' } } }).message).toContain(
      '`http.response.status`',
    );
    expect(errorOf({ ...base, annotations: { a: { nested: 1 } } }).message).toContain(
      '`annotations.a`',
    );
    expect(errorOf({ ...base, cause: 5 }).message).toContain('`cause`');
    expect(errorOf({ ...base, aws: [] }).message).toContain('`aws`');
    expect(errorOf({ ...base, precursor_ids: ['x'] }).message).toContain('`precursor_ids`');
  });
  it('problems inside embedded subsegments, with their path', () => {
    const sub = { name: 's', id: '1111111111111111', start_time: 1, end_time: 2 };
    const { start_time: _, ...noStart } = sub;
    const doc = { ...base, subsegments: [sub, { ...sub, subsegments: [noStart] }] };
    expect(errorOf(doc).message).toBe(
      'missing required field `subsegments[1].subsegments[0].start_time`',
    );
    expect(errorOf({ ...base, subsegments: {} }).message).toContain('`subsegments`');
  });
  it('deep nesting (iteratively, without blowing the stack)', () => {
    const open = '{"name":"s","id":"1111111111111111","start_time":1,"end_time":2,"subsegments":[';
    const depth = 800;
    const raw = `{"name":"a","id":"0123456789abcdef","trace_id":"${TRACE}","start_time":1,"end_time":2,"subsegments":[${open.repeat(depth)}{"name":"s","id":"2222222222222222","start_time":1}${']}'.repeat(depth)}]}`;
    expect(raw.length).toBeLessThan(MAX_DOCUMENT_BYTES);
    const r = validateSegmentDocument(raw);
    expect(r).toMatchObject({ ok: false, code: 'MissingParameter' });
    expect(!r.ok && r.message).toContain(`${'subsegments[0].'.repeat(depth + 1)}end_time`);
  });
  it('an array element that fails rejects the whole document, naming the element', () => {
    const sub = { ...base, type: 'subsegment', parent_id: 'fedcba9876543210' };
    const { start_time: _, ...bad } = sub;
    expect(errorOf([sub, bad]).message).toBe('missing required field `[1].start_time`');
  });
});

describe('64 kB limit', () => {
  it('accepts exactly 64 kB and rejects one byte more, counting UTF-8 bytes', () => {
    const pad = (n: number) => {
      const doc = JSON.stringify({ ...base, metadata: { default: { pad: '' } } });
      return JSON.stringify({
        ...base,
        metadata: { default: { pad: 'x'.repeat(n - doc.length) } },
      });
    };
    expect(pad(MAX_DOCUMENT_BYTES).length).toBe(MAX_DOCUMENT_BYTES);
    expect(validateSegmentDocument(pad(MAX_DOCUMENT_BYTES)).ok).toBe(true);
    expect(validateSegmentDocument(pad(MAX_DOCUMENT_BYTES + 1))).toMatchObject({
      ok: false,
      code: 'SegmentTooLarge',
      id: '0123456789abcdef',
    });
    // 3-byte characters: under 64k UTF-16 units but over 64 kB
    const wide = JSON.stringify({ ...base, metadata: { default: { pad: '€'.repeat(30_000) } } });
    expect(wide.length).toBeLessThan(MAX_DOCUMENT_BYTES);
    expect(validateSegmentDocument(wide)).toMatchObject({ ok: false, code: 'SegmentTooLarge' });
  });
  it('utf8Length counts multi-byte characters and surrogate pairs', () => {
    expect(utf8Length('a')).toBe(1);
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('€')).toBe(3);
    expect(utf8Length('😀')).toBe(4);
  });
});
