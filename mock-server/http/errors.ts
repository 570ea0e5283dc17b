import type { FastifyReply } from 'fastify';
import type { XRayErrorBody } from '../../src/xray/types.ts';

/** The error codes the mock emits, with the HTTP status X-Ray uses for each (xray-api.md §3.1). */
const STATUS = {
  InvalidRequestException: 400,
  ThrottledException: 429,
  ResourceNotFoundException: 404,
  RuleLimitExceededException: 400,
  /** Not an X-Ray code: what AWS services answer for a path that is no operation. */
  UnknownOperationException: 404,
  InternalFailure: 500,
} as const;

export type XRayErrorCode = keyof typeof STATUS;

/**
 * An X-Ray-shaped API failure. Route handlers throw it (or return it from validators); the
 * error hook turns it into status + `x-amzn-ErrorType` + `{"__type","message"}`.
 */
export class XRayError extends Error {
  readonly code: XRayErrorCode;
  readonly status: number;
  readonly extra: Record<string, unknown>;

  constructor(code: XRayErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.code = code;
    this.status = STATUS[code];
    this.extra = extra;
  }
}

export const invalid = (message: string): XRayError =>
  new XRayError('InvalidRequestException', message);

/**
 * Sends an X-Ray error. The code goes in the header (what the SDK reads first) and in the body
 * `__type` (what a browser can read without Access-Control-Expose-Headers).
 */
export function sendXRayError(reply: FastifyReply, err: XRayError): FastifyReply {
  const body: XRayErrorBody & Record<string, unknown> = {
    __type: err.code,
    message: err.message,
    ...err.extra,
  };
  return reply.code(err.status).header('x-amzn-ErrorType', err.code).send(body);
}
