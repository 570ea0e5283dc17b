import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, tempDir } from './harness.ts';

let t: TestServer;
let site: string;

beforeAll(async () => {
  site = tempDir('site-');
  fs.writeFileSync(
    path.join(site, 'index.html'),
    '<!doctype html><title>Trace Console</title><script src="/app.js"></script>',
  );
  fs.writeFileSync(path.join(site, 'app.js'), 'console.log(1)');
  t = await startTestServer({ staticDir: site, allowOrigins: ['http://localhost:5173'] });
});
afterAll(() => t.close());

describe('console hosting', () => {
  it('serves the built console at / with the security headers', async () => {
    const res = await fetch(`${t.server.url}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Trace Console</title>');
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'self'; object-src 'none'; base-uri 'none'",
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('serves assets and falls back to index.html for client-side routes', async () => {
    const asset = await fetch(`${t.server.url}/app.js`);
    expect(await asset.text()).toBe('console.log(1)');
    const deep = await fetch(
      `${t.server.url}/traces/1-5f000000-000000000000000000000000?segment=abc`,
    );
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<title>Trace Console</title>');
    expect(deep.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('takes frame-ancestors from the options', async () => {
    const embed = await startTestServer({
      staticDir: site,
      frameAncestors: "'self' https://wiki.example.com",
    });
    try {
      const res = await fetch(`${embed.server.url}/`);
      expect(res.headers.get('content-security-policy')).toContain(
        "frame-ancestors 'self' https://wiki.example.com;",
      );
    } finally {
      await embed.close();
    }
  });
});

describe('CORS', () => {
  it('allows the console’s own origin and listed origins, with the error header exposed', async () => {
    const own = await t.post('/Groups', {}, { origin: t.server.url });
    expect(own.status).toBe(200);
    expect(own.headers.get('access-control-allow-origin')).toBe(t.server.url);
    const dev = await t.post('/Groups', {}, { origin: 'http://localhost:5173' });
    expect(dev.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(dev.headers.get('access-control-expose-headers')).toContain('x-amzn-ErrorType');
  });

  it('answers preflights for allowed origins and refuses others', async () => {
    const ok = await fetch(`${t.server.url}/TraceSummaries`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-amz-date,authorization',
      },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-methods')).toContain('POST');
    expect(ok.headers.get('access-control-allow-headers')).toBe(
      'content-type,x-amz-date,authorization',
    );
    const evil = await fetch(`${t.server.url}/TraceSummaries`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const post = await t.post('/Groups', {}, { origin: 'https://evil.example' });
    expect(post.status).toBe(400);
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
    expect(post.json().message).toMatch(/Origin https:\/\/evil\.example is not allowed/);
  });
});
