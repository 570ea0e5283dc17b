import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { XRAY_PATHS } from '../../src/xray/api-paths.ts';
import type { RouteContext } from './context.ts';
import { invalid, sendXRayError, XRayError } from './errors.ts';
import { graphRoutes } from './routes/graph.ts';
import { groupRoutes } from './routes/groups.ts';
import { ingestRoutes } from './routes/ingest.ts';
import { samplingRoutes } from './routes/sampling.ts';
import { traceRoutes } from './routes/traces.ts';
import {
  applyCors,
  applySecurityHeaders,
  contentSecurityPolicy,
  type SecurityOptions,
} from './security.ts';

/** Largest request body; PutTraceSegments batches are the big ones (50 × 64 kB fits). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export interface AppOptions extends RouteContext, SecurityOptions {
  /** Directory of the built console to serve at `/` (SPA: unknown GET paths get index.html). */
  staticDir?: string;
}

/**
 * The X-Ray REST-JSON API as a fastify app. Why fastify: routes without schemas (bodies are
 * validated by hand into X-Ray-shaped messages), a body limit built in, and one error hook that
 * turns every failure — ours, the JSON parser's, the body limit's — into an X-Ray error.
 */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: MAX_BODY_BYTES, forceCloseConnections: true });
  const csp = contentSecurityPolicy(opts.frameAncestors);

  // Any content type is read as JSON text: the JS SDK sends application/json, other AWS clients
  // send application/x-amz-json-1.1, curl sends form types. An empty body means `{}`.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => {
    const text = (body as string).trim();
    if (text === '') return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch (e) {
      done(invalid(`Request body is not valid JSON: ${(e as Error).message}`), undefined);
    }
  });

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-amzn-RequestId', randomUUID());
    applySecurityHeaders(reply, csp);
    const allowed = applyCors(req, reply, opts);
    if (req.method === 'OPTIONS') {
      if (allowed) {
        reply.header('Access-Control-Allow-Methods', 'POST, GET, OPTIONS');
        reply.header(
          'Access-Control-Allow-Headers',
          req.headers['access-control-request-headers'] ?? '*',
        );
        reply.header('Access-Control-Max-Age', '600');
      }
      return reply.code(allowed ? 204 : 403).send();
    }
    if (!allowed)
      return sendXRayError(
        reply,
        new XRayError('InvalidRequestException', `Origin ${req.headers.origin} is not allowed`),
      );
    return undefined;
  });

  app.setErrorHandler((err: FastifyError | XRayError, _req, reply) => {
    if (err instanceof XRayError) return sendXRayError(reply, err);
    const fe = err as FastifyError;
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendXRayError(
        reply,
        invalid(`Request body exceeds the ${MAX_BODY_BYTES / 1024 / 1024} MB limit`),
      );
    }
    if (fe.statusCode !== undefined && fe.statusCode >= 400 && fe.statusCode < 500) {
      return sendXRayError(reply, invalid(fe.message));
    }
    opts.log(`http: internal error: ${fe.stack ?? fe.message}`);
    return sendXRayError(reply, new XRayError('InternalFailure', 'Internal server error'));
  });

  traceRoutes(app, opts);
  graphRoutes(app, opts);
  groupRoutes(app, opts);
  samplingRoutes(app, opts);
  ingestRoutes(app, opts);

  // Not an X-Ray operation: what the server holds, for benchmarks and curious humans.
  app.get('/_mock/stats', async () => {
    const { traces, counters } = opts.backend;
    return {
      traces: traces.traceCount,
      documents: traces.documentCount,
      arenaBytes: traces.arena.allocatedBytes,
      arenaDeadBytes: traces.arena.deadBytes,
      ...counters,
      memory: process.memoryUsage(),
      cpu: process.cpuUsage(),
    };
  });

  const index = opts.staticDir ? path.resolve(opts.staticDir) : undefined;
  if (index) {
    if (!fs.existsSync(path.join(index, 'index.html'))) {
      throw new Error(`--static ${opts.staticDir}: no index.html there (run vite build first)`);
    }
    await app.register(fastifyStatic, { root: index, wildcard: true, index: ['index.html'] });
  }

  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split('?')[0] ?? '/';
    if (index && (req.method === 'GET' || req.method === 'HEAD') && !XRAY_PATHS.includes(url)) {
      return reply.sendFile('index.html');
    }
    return sendXRayError(
      reply,
      new XRayError(
        'UnknownOperationException',
        `Unknown operation: ${req.method} ${url.slice(0, 200)}`,
      ),
    );
  });

  return app;
}
