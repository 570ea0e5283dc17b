import { describe, expect, it } from 'vitest';
import { callLabel, kindTag, rowAriaLabel, rowStatus } from './row-display.ts';

const base = { id: '0000000000000001', name: 'x', start_time: 1, end_time: 2 };

describe('row display', () => {
  it('ranks outcomes fault > throttle > error > ok', () => {
    expect(rowStatus({ error: true, throttle: true, fault: true })).toBe('fault');
    expect(rowStatus({ error: true, throttle: true, fault: false })).toBe('throttle');
    expect(rowStatus({ error: true, throttle: false, fault: false })).toBe('error');
    expect(rowStatus({ error: false, throttle: false, fault: false })).toBe('ok');
  });

  it('labels the call: AWS operation, HTTP method and status, or the database', () => {
    expect(callLabel({ ...base, aws: { operation: 'GetItem' } })).toBe('GetItem');
    expect(
      callLabel({ ...base, http: { request: { method: 'POST' }, response: { status: 502 } } }),
    ).toBe('POST 502');
    expect(callLabel({ ...base, http: { response: { status: 200 } } })).toBe('200');
    expect(callLabel({ ...base, sql: { database_type: 'PostgreSQL' } })).toBe('PostgreSQL');
    expect(callLabel(base)).toBeUndefined();
  });

  it('tags inferred segments and remote, SQL and AWS calls', () => {
    expect(kindTag('inferred', base)).toBe('inferred');
    expect(kindTag('segment', base)).toBeUndefined();
    expect(kindTag('subsegment', { ...base, namespace: 'remote' })).toBe('remote');
    expect(kindTag('subsegment', { ...base, namespace: 'remote', sql: {} })).toBe('sql');
    expect(kindTag('subsegment', { ...base, namespace: 'aws' })).toBe('aws');
    expect(kindTag('subsegment', base)).toBeUndefined();
  });

  it('says the status in words for screen readers', () => {
    const label = rowAriaLabel({
      name: 'charge',
      service: 'payments',
      status: 'fault',
      inProgress: true,
      duration: 'in progress',
      tag: 'remote',
      critical: true,
      match: true,
    });
    expect(label).toBe(
      'charge (payments), remote, in progress, fault, on critical path, matches search',
    );
    expect(
      rowAriaLabel({
        name: 'get',
        service: 'cart',
        status: 'ok',
        inProgress: false,
        duration: '12 ms',
        tag: undefined,
        critical: false,
        match: false,
      }),
    ).toBe('get (cart), ok, 12 ms');
  });
});
