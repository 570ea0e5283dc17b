import type { FastifyReply, FastifyRequest } from 'fastify';

export interface SecurityOptions {
  /** Origins besides the console's own that may call the API from a browser ('*' = any). */
  allowOrigins: readonly string[];
  /** CSP frame-ancestors value: who may embed the console. */
  frameAncestors: string;
}

/** The console's CSP: no inline script, no eval, nothing loaded from elsewhere. */
export function contentSecurityPolicy(frameAncestors: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    `frame-ancestors ${frameAncestors}`,
    "object-src 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** Headers sent on every response: the CSP matters for the console, the rest is cheap hardening. */
export function applySecurityHeaders(reply: FastifyReply, csp: string): void {
  reply.header('Content-Security-Policy', csp);
  reply.header('X-Content-Type-Options', 'nosniff');
  reply.header('Referrer-Policy', 'no-referrer');
}

/**
 * CORS: the console is served by this server, so by default only same-origin requests are
 * allowed (the browser sends Origin on POST even then). Other origins must be listed with
 * --allow-origin. Returns false for a cross-origin request from an origin not allowed.
 */
export function applyCors(
  req: FastifyRequest,
  reply: FastifyReply,
  opts: SecurityOptions,
): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const self = `${req.protocol}://${req.headers.host ?? ''}`;
  const allowed =
    origin === self || opts.allowOrigins.includes('*') || opts.allowOrigins.includes(origin);
  reply.header('Vary', 'Origin');
  if (!allowed) return false;
  reply.header('Access-Control-Allow-Origin', origin);
  reply.header('Access-Control-Expose-Headers', 'x-amzn-ErrorType, x-amzn-RequestId');
  return true;
}
