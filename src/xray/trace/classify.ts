import type { EntityDoc, SegmentDoc, SubsegmentDoc } from '../types.ts';
import type { Outcome } from './facts.ts';

/**
 * Small pure classifiers shared by assembly, analysis and the timeline rows: is a piece complete,
 * what is its outcome, which service-map node does a segment belong to, and what downstream node
 * does an aws/remote subsegment call.
 */

/** Name and origin of the segment assembly synthesizes when a subsegment's parent never arrived. */
export const MISSING_PARENT = { name: 'unknown', origin: 'unknown' } as const;

/** A piece is complete when it has a numeric end_time and does not claim to be in progress. */
export function isComplete(e: EntityDoc): boolean {
  return typeof e.end_time === 'number' && e.in_progress !== true;
}

/** Outcome bits, for hot loops that cannot afford an object per piece. */
export const ERROR = 1;
export const THROTTLE = 2;
export const FAULT = 4;
export const OPEN = 8;

/**
 * X-Ray's classes as bits: error = 4xx, throttle = 429, fault = 5xx, read from the flags or, when
 * a client left them out, from http.response.status; OPEN = not complete. Throttle implies error
 * (X-Ray counts throttles inside ErrorStatistics).
 */
export function outcomeBits(e: EntityDoc): number {
  const status = e.http?.response?.status;
  const s = typeof status === 'number' ? status : 0;
  let bits = isComplete(e) ? 0 : OPEN;
  if (e.throttle === true || s === 429) bits |= THROTTLE | ERROR;
  if (e.error === true || (s >= 400 && s < 500)) bits |= ERROR;
  if (e.fault === true || s >= 500) bits |= FAULT;
  return bits;
}

export function outcomeFromBits(bits: number): Outcome {
  return {
    ok: (bits & (ERROR | FAULT | OPEN)) === 0,
    error: (bits & ERROR) !== 0,
    throttle: (bits & THROTTLE) !== 0,
    fault: (bits & FAULT) !== 0,
  };
}

/** outcomeBits as an object; `ok` additionally requires the piece to be complete. */
export function outcomeOf(e: EntityDoc): Outcome {
  return outcomeFromBits(outcomeBits(e));
}

/** The node identity of a segment: `{ Name, Type, AccountId? }` as X-Ray's service map names it. */
export interface NodeId {
  Name: string;
  /** '' when an instrumented segment has no origin; the wire then omits Type. */
  Type: string;
  AccountId?: string;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function firstResourceName(aws: Record<string, unknown> | undefined): string | undefined {
  const names = aws?.resource_names;
  return Array.isArray(names) ? str(names[0]) : undefined;
}

/** Last path element of an SQS queue URL (`https://sqs.…/123456789012/orders` → `orders`). */
function queueName(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const parts = url.split('/');
  return str(parts[parts.length - 1]);
}

/**
 * Node identity of a (processed) segment. Instrumented segments are named by `name` and typed by
 * `origin`. Inferred segments are named after the resource they stand for: a DynamoDB table node
 * after the table, SQS after the queue, S3 after the bucket, Lambda after the function; SNS nodes
 * are called "SNS" (segment-document.md §1); remote and SQL nodes keep the inferred segment's name.
 */
export function nodeIdOf(seg: SegmentDoc): NodeId {
  const aws = seg.aws;
  const accountId = str(aws?.account_id);
  const type = seg.origin ?? '';
  let name = seg.name;
  if (seg.inferred === true) {
    switch (type) {
      case 'AWS::DynamoDB::Table':
        name = str(aws?.table_name) ?? firstResourceName(aws) ?? name;
        break;
      case 'AWS::SQS::Queue':
        name = queueName(str(aws?.queue_url)) ?? firstResourceName(aws) ?? name;
        break;
      case 'AWS::S3::Bucket':
        name = str(aws?.bucket_name) ?? firstResourceName(aws) ?? name;
        break;
      case 'AWS::Lambda':
        name = str(aws?.function_name) ?? firstResourceName(aws) ?? name;
        break;
      case 'AWS::SNS':
        name = 'SNS';
        break;
    }
  }
  return accountId === undefined
    ? { Name: name, Type: type }
    : { Name: name, Type: type, AccountId: accountId };
}

/** Host of an absolute URL without the URL global (the domain has no DOM or Node APIs). */
export function hostOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?(\[[^\]]*\]|[^/?#:]+)/i.exec(url);
  return m?.[1]?.toLowerCase();
}

/**
 * Name and origin of the inferred segment X-Ray derives from an aws/remote subsegment, or
 * undefined for other subsegments. AWS calls keep the SDK's service name ("DynamoDB") as the
 * document name and get a resource origin when the call targeted one; remote HTTP calls are named
 * after the host; SQL calls (remote + `sql`) become a `Database::SQL` node named like the
 * subsegment (SDKs name it `database@host`).
 */
export function inferredTargetOf(sub: SubsegmentDoc): { name: string; origin: string } | undefined {
  if (sub.namespace === 'aws') {
    const aws = sub.aws;
    const service = sub.name;
    switch (service.toLowerCase()) {
      case 'dynamodb':
        return {
          name: service,
          origin:
            str(aws?.table_name) || firstResourceName(aws)
              ? 'AWS::DynamoDB::Table'
              : 'AWS::DynamoDB',
        };
      case 'sqs':
        return {
          name: service,
          origin: str(aws?.queue_url) || firstResourceName(aws) ? 'AWS::SQS::Queue' : 'AWS::SQS',
        };
      case 's3':
        return {
          name: service,
          origin: str(aws?.bucket_name) || firstResourceName(aws) ? 'AWS::S3::Bucket' : 'AWS::S3',
        };
      case 'sns':
        return { name: service, origin: 'AWS::SNS' };
      case 'lambda':
        return { name: service, origin: 'AWS::Lambda' };
      default:
        return { name: service, origin: `AWS::${service.replace(/\s+/g, '')}` };
    }
  }
  if (sub.namespace === 'remote') {
    if (sub.sql !== undefined) return { name: sub.name, origin: 'Database::SQL' };
    return { name: hostOf(str(sub.http?.request?.url)) ?? sub.name, origin: 'remote' };
  }
  return undefined;
}

/**
 * end − start in seconds, rounded to microseconds: epoch seconds near 1.7e9 carry ~2e-7 s of
 * float noise, which would otherwise show up as 0.312000036 s.
 */
export function secondsBetween(start: number, end: number): number {
  return Math.round((end - start) * 1e6) / 1e6;
}
