import path from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from './server.ts';

const HELP = `Trace Console mock X-Ray server

Usage: npm run server -- [options]

  --host HOST            interface to bind (default 127.0.0.1; anything else exposes the API)
  --port N               HTTP port for the API and the console (default 4100, 0 = any free)
  --udp-port N           X-Ray daemon port: segments over UDP, sampling over TCP
                         (default 2000, 0 = any free)
  --no-udp               do not listen for daemon traffic
  --data-dir DIR         where traces, groups and sampling rules are kept (default .data)
  --demo / --no-demo     run the demo system: 6 h back-fill, then live traffic (default off)
  --seed N               demo seed (default 1)
  --static DIR           serve the built console from DIR at / (e.g. dist)
  --allow-origin ORIGIN  let a browser page from ORIGIN call the API (repeatable; '*' = any)
  --frame-ancestors SRC  CSP frame-ancestors for the console (default 'self')
  --max-query-hours N    longest GetTraceSummaries window (default 24, 0 = unlimited)
  -h, --help             show this help
`;

function fail(message: string): never {
  console.error(`error: ${message}\n\n${HELP}`);
  process.exit(2);
}

function int(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535 * 1000)
    fail(`--${name} must be a non-negative integer, got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse().values;
  } catch (e) {
    fail((e as Error).message);
  }
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const port = int('port', values.port, 4100);
  const udpPort = int('udp-port', values['udp-port'], 2000);
  if (port > 65_535 || udpPort > 65_535) fail('ports must be 0..65535');
  const dataDir = path.resolve(values['data-dir'] ?? '.data');
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({
      host: values.host ?? '127.0.0.1',
      port,
      udpPort: values['no-udp'] ? null : udpPort,
      dataDir,
      demo: values.demo === true && values['no-demo'] !== true,
      seed: int('seed', values.seed, 1),
      ...(values.static ? { staticDir: values.static } : {}),
      allowOrigins: values['allow-origin'] ?? [],
      ...(values['frame-ancestors'] ? { frameAncestors: values['frame-ancestors'] } : {}),
      maxQueryHours: int('max-query-hours', values['max-query-hours'], 24),
    });
  } catch (e) {
    console.error(`error: could not start: ${(e as Error).message}`);
    process.exit(1);
  }
  const udp = server.udpPort !== undefined ? ` (daemon udp+tcp ${server.udpPort})` : '';
  console.log(`Trace Console: ${server.url}${udp}`);
  // Test harnesses wait for this line: before it, the demo back-fill competes with every request.
  void server.ready.then(() => console.log('ready: all data loaded'));

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    server.close().then(
      () => process.exit(0),
      (e: Error) => {
        console.error(`error during shutdown after ${signal}: ${e.message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

function parse() {
  return parseArgs({
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      'udp-port': { type: 'string' },
      'no-udp': { type: 'boolean' },
      'data-dir': { type: 'string' },
      demo: { type: 'boolean' },
      'no-demo': { type: 'boolean' },
      seed: { type: 'string' },
      static: { type: 'string' },
      'allow-origin': { type: 'string', multiple: true },
      'frame-ancestors': { type: 'string' },
      'max-query-hours': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
}

void main();
