import { randomBytes } from 'node:crypto';

/**
 * Small hand-built traces for specs that need exact, known data: an entry service calling a
 * downstream one, with the outcome chosen by the test.
 */
export function simpleTrace(opts: {
  entry: string;
  downstream?: string;
  startSec: number;
  status?: number;
  url?: string;
}): string[] {
  const hex = (n: number) => randomBytes(n).toString('hex');
  const traceId = `1-${Math.floor(opts.startSec).toString(16)}-${hex(12)}`;
  const status = opts.status ?? 200;
  const flags = {
    fault: status >= 500,
    error: status >= 400 && status < 500,
    throttle: status === 429,
  };
  const rootId = hex(8);
  const callId = hex(8);
  const t0 = opts.startSec;
  const http = {
    request: { method: 'GET', url: opts.url ?? `https://${opts.entry}.example.com/x` },
    response: { status },
  };
  const root = {
    name: opts.entry,
    id: rootId,
    trace_id: traceId,
    start_time: t0,
    end_time: t0 + 0.2,
    origin: 'AWS::ECS::Container',
    http,
    ...flags,
    subsegments: opts.downstream
      ? [
          {
            name: opts.downstream,
            id: callId,
            start_time: t0 + 0.01,
            end_time: t0 + 0.15,
            namespace: 'remote',
            http: {
              request: {
                method: 'GET',
                url: `https://${opts.downstream}.example.com/y`,
                traced: true,
              },
              response: { status },
            },
            ...flags,
          },
        ]
      : [],
  };
  const docs = [root] as object[];
  if (opts.downstream)
    docs.push({
      name: opts.downstream,
      id: hex(8),
      trace_id: traceId,
      parent_id: callId,
      start_time: t0 + 0.02,
      end_time: t0 + 0.14,
      origin: 'AWS::ECS::Container',
      http: {
        request: { method: 'GET', url: `https://${opts.downstream}.example.com/y` },
        response: { status },
      },
      ...flags,
    });
  return docs.map((d) => JSON.stringify(d));
}

/**
 * PutTraceSegments for any number of documents (JSON strings), in batches well under the
 * server's body limit; throws if the server refuses any document.
 */
export async function putSegments(baseUrl: string, docs: readonly string[]): Promise<void> {
  let batch: string[] = [];
  let bytes = 0;
  const flush = async () => {
    if (!batch.length) return;
    const res = await fetch(`${baseUrl}/TraceSegments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ TraceSegmentDocuments: batch }),
    });
    const body = (await res.json()) as { UnprocessedTraceSegments?: unknown[] };
    if (!res.ok || body.UnprocessedTraceSegments?.length)
      throw new Error(
        `PutTraceSegments refused documents: ${res.status} ${JSON.stringify(body).slice(0, 300)}`,
      );
    batch = [];
    bytes = 0;
  };
  for (const doc of docs) {
    if (bytes + doc.length > 2_000_000 || batch.length >= 2_000) await flush();
    batch.push(doc);
    bytes += doc.length;
  }
  await flush();
}
