import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface MockServer {
  url: string;
  port: number;
  dataDir: string;
  /** Graceful stop (SIGTERM). */
  stop(): Promise<void>;
  /** Abrupt stop (SIGKILL), for crash tests. */
  kill(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() =>
        typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Starts the real mock server (the same entry point as `npm start`) on a free loopback port,
 * serving the built console from dist/. Reuse `dataDir` to restart over the same data.
 */
export async function startMockServer(
  opts: { seed?: number; demo?: boolean; dataDir?: string; port?: number } = {},
): Promise<MockServer> {
  const port = opts.port ?? (await freePort());
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'trace-console-e2e-'));
  const args = [
    'mock-server/main.ts',
    '--port',
    String(port),
    '--udp-port',
    '0',
    '--data-dir',
    dataDir,
    '--seed',
    String(opts.seed ?? 42),
    opts.demo === false ? '--no-demo' : '--demo',
    '--static',
    'dist',
  ];
  const child = spawn(join('node_modules', '.bin', 'tsx'), args, {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(url, child, () => output);
  await waitForOutput(/^ready:/m, child, () => output);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    url,
    port,
    dataDir,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

async function waitUntilUp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`mock server exited early:\n${output()}`);
    try {
      const res = await fetch(`${url}/Groups`, {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'application/json' },
      });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`mock server did not answer within 120 s:\n${output()}`);
}

/** The demo back-fill competes with every request until the server says it is done. */
async function waitForOutput(re: RegExp, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (!re.test(output())) {
    if (child.exitCode !== null) throw new Error(`mock server exited early:\n${output()}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`mock server never printed ${re}:\n${output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
