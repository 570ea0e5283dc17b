import type { FastifyInstance } from 'fastify';
import { operation, type RouteContext } from '../context.ts';
import { invalid } from '../errors.ts';
import { optArray, optString } from '../fields.ts';

/** Documents per PutTraceSegments call; the daemon sends 50, this leaves generous room. */
const MAX_DOCUMENTS = 10_000;

export function ingestRoutes(app: FastifyInstance, { backend }: RouteContext): void {
  operation(app, 'PutTraceSegments', (body) => {
    const raws = optArray(body, 'TraceSegmentDocuments', MAX_DOCUMENTS);
    if (raws === undefined) throw invalid('TraceSegmentDocuments is required');
    const bad = raws.findIndex((d) => typeof d !== 'string');
    if (bad >= 0) {
      throw invalid(
        `TraceSegmentDocuments[${bad}] must be a string holding one JSON document (documents are double-encoded)`,
      );
    }
    return { UnprocessedTraceSegments: backend.ingest(raws as string[]) };
  });

  // The daemon reports its own health here; accepted and dropped, like a sink.
  operation(app, 'PutTelemetryRecords', (body) => {
    if (optArray(body, 'TelemetryRecords') === undefined)
      throw invalid('TelemetryRecords is required');
    for (const k of ['EC2InstanceId', 'Hostname', 'ResourceARN']) optString(body, k);
    return {};
  });

  // Insights are not simulated: an empty, well-formed answer keeps consoles that ask happy.
  operation(app, 'GetInsightSummaries', (body) => {
    if (optString(body, 'GroupName') === undefined && optString(body, 'GroupARN') === undefined) {
      throw invalid('GroupName or GroupARN is required');
    }
    return { InsightSummaries: [] };
  });
  operation(app, { path: '/EncryptionConfig' }, () => ({
    EncryptionConfig: { Status: 'ACTIVE', Type: 'NONE' },
  }));
}
