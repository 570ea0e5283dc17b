import { describe, expect, it } from 'vitest';
import { parseDatagram } from './daemon-datagram.ts';

describe('parseDatagram', () => {
  it('accepts the SDK header and the spaced form of the developer guide', () => {
    expect(parseDatagram('{"format":"json","version":1}\n{"a":1}')).toEqual({
      ok: true,
      body: '{"a":1}',
    });
    expect(parseDatagram('{"format": "JSON", "version": 1}\n{}')).toEqual({ ok: true, body: '{}' });
  });

  it('rejects a missing body, a bad header and a wrong version, saying which', () => {
    expect(parseDatagram('{"format":"json","version":1}\n')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/missing/),
    });
    expect(parseDatagram('{"format":"json","version":1}')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/missing/),
    });
    expect(parseDatagram('nope\n{}')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not JSON/),
    });
    expect(parseDatagram('{"format":"json","version":2}\n{}')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/invalid header/),
    });
    expect(parseDatagram('null\n{}')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/invalid header/),
    });
  });
});
