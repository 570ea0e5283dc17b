import type { FastifyInstance } from 'fastify';
import { Backend } from './backend.ts';
import { type DemoRunner, startDemo } from './demo-runner.ts';
import { createDemoSystem, type DemoSystem } from './generator/demo.ts';
import { buildApp } from './http/app.ts';
import type { RouteContext } from './http/context.ts';
import { startUdp, type UdpListener } from './ingest/udp.ts';

export interface ServerOptions {
  /** Interface to bind; loopback unless told otherwise. */
  host?: string;
  /** HTTP port; 0 picks a free one. Default 4100. */
  port?: number;
  /** Daemon UDP (and sampling TCP) port; 0 picks a free one, null turns it off. Default 2000. */
  udpPort?: number | null;
  dataDir: string;
  demo?: boolean;
  seed?: number;
  /** A demo system to run instead of the bundled generator (tests). */
  demoSystem?: Pick<DemoSystem, 'generate' | 'groups'>;
  staticDir?: string;
  allowOrigins?: string[];
  frameAncestors?: string;
  /** How long ingested traces are kept, hours. Default 720 (30 days, like X-Ray). */
  retentionHours?: number;
  /** Longest GetTraceSummaries window, hours (0 = unlimited). Default 24. */
  maxQueryHours?: number;
  log?: (msg: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  udpPort?: number;
  backend: Backend;
  /** Resolves when the demo back-fill is in (immediately without --demo). */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the mock X-Ray: HTTP API (+ console), the daemon's UDP listener and its TCP sampling
 * endpoint, the demo system, and housekeeping timers. Throws when the data dir is unusable or the
 * HTTP port can't be bound; a busy UDP port is only logged.
 */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const log = opts.log ?? ((m: string) => console.log(m));
  const host = opts.host ?? '127.0.0.1';
  const backend = new Backend({
    dataDir: opts.dataDir,
    log,
    ...(opts.retentionHours !== undefined ? { retentionHours: opts.retentionHours } : {}),
  });
  const ctx: RouteContext = { backend, maxQueryHours: opts.maxQueryHours ?? 24, log };
  const security = {
    allowOrigins: opts.allowOrigins ?? [],
    frameAncestors: opts.frameAncestors ?? "'self'",
  };
  const closers: (() => Promise<void> | void)[] = [() => backend.close()];
  const closeAll = async () => {
    for (const c of closers.splice(0).reverse()) await c();
  };

  try {
    const app = await buildApp({
      ...ctx,
      ...security,
      ...(opts.staticDir ? { staticDir: opts.staticDir } : {}),
    });
    await app.listen({ host, port: opts.port ?? 4100 });
    closers.push(() => app.close());
    const port = addressPort(app);

    let udpPort: number | undefined;
    if (opts.udpPort !== null) {
      const udp = await tryUdp(backend, host, opts.udpPort ?? 2000, log);
      if (udp) {
        closers.push(() => udp.close());
        udpPort = udp.port;
        // SDKs poll sampling rules/targets over TCP at the daemon address: serve the API there.
        const tcp = await buildApp({ ...ctx, ...security });
        try {
          await tcp.listen({ host, port: udp.port });
          closers.push(() => tcp.close());
        } catch (e) {
          log(
            `sampling: TCP port ${udp.port} is not available (${(e as Error).message}); SDK sampling falls back to local rules`,
          );
        }
      }
    }

    let demo: DemoRunner | undefined;
    if (opts.demo) {
      demo = startDemo(backend, opts.demoSystem ?? createDemoSystem({ seed: opts.seed ?? 1 }), log);
      closers.push(() => demo?.stop());
    }

    const maintenance = setInterval(() => backend.maintain(), 60_000);
    maintenance.unref();
    // Keep the last 6 hours of per-minute graphs fresh, so map queries only merge. Short slices
    // while documents arrive: a long pause would overflow the UDP receive buffer.
    const warmer = setInterval(() => {
      const now = Math.floor(Date.now() / 60_000);
      const busy = Date.now() - backend.lastIngestAt < 1000;
      backend.graphs.warm(now - 360, now + 1, busy ? 5 : 50);
    }, 250);
    warmer.unref();
    closers.push(() => {
      clearInterval(maintenance);
      clearInterval(warmer);
    });
    backend.maintain();

    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    return {
      url,
      port,
      ...(udpPort !== undefined ? { udpPort } : {}),
      backend,
      ready: demo ? demo.backfilled : Promise.resolve(),
      close: closeAll,
    };
  } catch (e) {
    await closeAll();
    throw e;
  }
}

async function tryUdp(
  backend: Backend,
  host: string,
  port: number,
  log: (m: string) => void,
): Promise<UdpListener | undefined> {
  try {
    return await startUdp(backend, host, port, log);
  } catch (e) {
    log(
      `udp: port ${port} is not available (${(e as Error).message}); daemon ingest is off, the HTTP API works`,
    );
    return undefined;
  }
}

function addressPort(app: FastifyInstance): number {
  const addr = app.server.address();
  return typeof addr === 'object' && addr ? addr.port : 0;
}
