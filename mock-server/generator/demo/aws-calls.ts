import type { EntityDoc, SubsegmentDoc } from '../../../src/xray/types.ts';
import { awsRequestId, uuid } from '../ids.ts';
import { exception } from './faults.ts';
import { ACCOUNT, REGION } from './hosts.ts';
import { addCause, closeAt, openSub, setStatus } from './spans.ts';
import type { Tx } from './tx.ts';

/**
 * AWS SDK calls as the X-Ray SDK patchers record them: namespace `aws`, the service name as the
 * subsegment name, and the `aws` block of segment-document.md §6.
 */

export interface CallResult {
  sub: SubsegmentDoc;
  endMs: number;
  /** Set when the call failed; id of the recorded exception. */
  failed?: string;
}

function awsCall(
  tx: Tx,
  parent: EntityDoc,
  startMs: number,
  service: string,
  durationMs: number,
  aws: Record<string, unknown>,
  bytes: number,
): CallResult {
  const sub = openSub(parent, tx.rng, service, startMs, {
    namespace: 'aws',
    aws: { ...aws, region: REGION, request_id: requestIdFor(tx, service), retries: 0 },
  });
  const endMs = startMs + durationMs;
  closeAt(sub, endMs);
  setStatus(sub, 200, bytes);
  return { sub, endMs };
}

/** Request id formats differ per AWS service: DynamoDB 52 alphanumerics, S3 16 hex, others UUIDs. */
function requestIdFor(tx: Tx, service: string): string {
  if (service === 'DynamoDB') return awsRequestId(tx.rng);
  if (service === 'S3') return tx.rng.hex(16).toUpperCase();
  return uuid(tx.rng);
}

export type DynamoOp = 'GetItem' | 'PutItem' | 'Query' | 'UpdateItem';

/**
 * A DynamoDB call. `throttled` makes it fail the way a hot partition does: the SDK retries three
 * times, then records ProvisionedThroughputExceededException (429, error + throttle).
 */
export function dynamo(
  tx: Tx,
  parent: EntityDoc,
  startMs: number,
  operation: DynamoOp,
  table: string,
  opts: { throttled?: boolean; medianMs?: number } = {},
): CallResult {
  const median = opts.medianMs ?? (operation === 'Query' ? 14 : 6);
  if (!opts.throttled) {
    const r = awsCall(
      tx,
      parent,
      startMs,
      'DynamoDB',
      tx.rng.latency(median),
      dynamoBlock(operation, table),
      tx.rng.int(40, 4000),
    );
    return r;
  }
  // Three SDK retries with exponential backoff before giving up.
  const durationMs = tx.rng.latency(median) * 4 + 25 + 50 + 100 + tx.rng.int(0, 60);
  const sub = openSub(parent, tx.rng, 'DynamoDB', startMs, {
    namespace: 'aws',
    aws: {
      ...dynamoBlock(operation, table),
      region: REGION,
      request_id: awsRequestId(tx.rng),
      retries: 3,
    },
  });
  const endMs = startMs + durationMs;
  closeAt(sub, endMs);
  setStatus(sub, 429);
  const ex = exception(
    tx.rng,
    'ProvisionedThroughputExceededException',
    'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
    [
      'de_ProvisionedThroughputExceededExceptionRes@node_modules/@aws-sdk/client-dynamodb/dist-cjs/index.js:2350',
      'de_GetItemCommandError@node_modules/@aws-sdk/client-dynamodb/dist-cjs/index.js:1880',
    ],
    { remote: true },
  );
  addCause(sub, '/app', [ex]);
  return { sub, endMs, failed: ex.id };
}

function dynamoBlock(operation: DynamoOp, table: string): Record<string, unknown> {
  return { operation, table_name: table, resource_names: [table] };
}

export function sqsSend(tx: Tx, parent: EntityDoc, startMs: number, queue: string): CallResult {
  return awsCall(
    tx,
    parent,
    startMs,
    'SQS',
    tx.rng.latency(11),
    {
      operation: 'SendMessage',
      queue_url: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${queue}`,
      message_id: uuid(tx.rng),
      resource_names: [queue],
    },
    tx.rng.int(300, 400),
  );
}

export function snsPublish(tx: Tx, parent: EntityDoc, startMs: number, topic: string): CallResult {
  return awsCall(
    tx,
    parent,
    startMs,
    'SNS',
    tx.rng.latency(16),
    {
      operation: 'Publish',
      topic_arn: `arn:aws:sns:${REGION}:${ACCOUNT}:${topic}`,
      resource_names: [topic],
    },
    tx.rng.int(280, 320),
  );
}

export function s3(
  tx: Tx,
  parent: EntityDoc,
  startMs: number,
  operation: 'GetObject' | 'PutObject',
  bucket: string,
  key: string,
  sizeBytes: number,
): CallResult {
  // Transfer time grows with the object: ~20 ms base plus ~8 ms per 100 kB.
  const median = 18 + Math.round(sizeBytes / 12_500);
  return awsCall(
    tx,
    parent,
    startMs,
    'S3',
    tx.rng.latency(median, 0.3),
    {
      operation,
      bucket_name: bucket,
      key,
      id_2: tx.rng.chars(56, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/'),
      resource_names: [bucket],
    },
    operation === 'GetObject' ? sizeBytes : 0,
  );
}

export interface Database {
  host: string;
  database: string;
  user: string;
  driver: string;
}

/** A SQL statement (namespace remote, `sql` block of §7a); the subsegment is named `db@host`. */
export function sql(
  tx: Tx,
  parent: EntityDoc,
  startMs: number,
  db: Database,
  query: string,
  medianMs: number,
): CallResult {
  const sub = openSub(parent, tx.rng, `${db.database}@${db.host}`, startMs, {
    namespace: 'remote',
    sql: {
      url: `postgres://${db.host}:5432/${db.database}`,
      sanitized_query: query,
      database_type: 'PostgreSQL',
      database_version: '15.4',
      driver_version: db.driver,
      user: db.user,
      preparation: 'statement',
    },
  });
  const endMs = startMs + tx.rng.latency(medianMs, 0.45);
  closeAt(sub, endMs);
  return { sub, endMs };
}
