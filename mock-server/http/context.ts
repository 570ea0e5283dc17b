import type { FastifyInstance } from 'fastify';
import { XRAY_OPERATIONS, type XRayOperation } from '../../src/xray/api-paths.ts';
import type { Backend } from '../backend.ts';
import { asBody, type Body } from './fields.ts';

export interface RouteContext {
  backend: Backend;
  /** Longest GetTraceSummaries window in hours (0 = no limit). */
  maxQueryHours: number;
  log: (msg: string) => void;
}

/** Registers one X-Ray operation: POST on its path, JSON object body in, JSON out. */
export function operation(
  app: FastifyInstance,
  op: XRayOperation | { path: string },
  handler: (body: Body) => unknown,
): void {
  const path = typeof op === 'string' ? XRAY_OPERATIONS[op] : op.path;
  app.post(path, async (req) => handler(asBody(req.body)));
}
