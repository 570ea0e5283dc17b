/**
 * A tiny instrumented app for the ingest test, run as a child process with
 * AWS_XRAY_DAEMON_ADDRESS pointing at the mock: the real aws-xray-sdk-core sends its segment over
 * UDP and fetches centralized sampling rules/targets over TCP, exactly as it would with the daemon.
 * Prints one JSON line: the ids it sent and what the sampling calls returned.
 */
import { createRequire } from 'node:module';
import AWSXRay from 'aws-xray-sdk-core';

type Rule = { getName(): string };
interface Connector {
  fetchSamplingRules(cb: (err: Error | null, rules: Rule[]) => void): void;
  fetchTargets(
    rules: Rule[],
    cb: (err: Error | null, targets: Record<string, unknown>, fresh: number) => void,
  ): void;
}

const require = createRequire(import.meta.url);
// The SDK's own sampling client (what its pollers call every 5 min / 10 s), used directly so the
// test does not wait for poll timers.
const connector =
  require('aws-xray-sdk-core/dist/lib/middleware/sampling/service_connector') as Connector;

const fetchRules = () =>
  new Promise<Rule[]>((resolve, reject) =>
    connector.fetchSamplingRules((err, rules) => (err ? reject(err) : resolve(rules))),
  );
const fetchTargets = (rules: Rule[]) =>
  new Promise<Record<string, unknown>>((resolve, reject) =>
    connector.fetchTargets(rules, (err, targets) => (err ? reject(err) : resolve(targets))),
  );

AWSXRay.setLogger({ error: () => {}, warn: () => {}, info: () => {}, debug: () => {} });
AWSXRay.setStreamingThreshold(0); // send subsegments on their own, like Lambda does

const rules = await fetchRules();
const targets = await fetchTargets(rules);

const segment = new AWSXRay.Segment('tiny-app');
segment.addAnnotation('run', process.env.RUN_ID ?? 'none');
segment.addMetadata('note', { hello: 'world' });
const sub = segment.addNewSubsegment('compute');
sub.addAnnotation('step', 1);
await new Promise((r) => setTimeout(r, 20));
sub.close();
segment.close();

console.log(
  JSON.stringify({
    traceId: segment.trace_id,
    segmentId: segment.id,
    subsegmentId: sub.id,
    rules: rules.map((r) => r.getName()),
    targets,
  }),
);
// Give the UDP sends a moment to leave the socket before exiting.
setTimeout(() => process.exit(0), 200);
