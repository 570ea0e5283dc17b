import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XRayClient } from '@aws-sdk/client-xray';
import { type RunningServer, type ServerOptions, startServer } from '../server.ts';

export interface TestServer {
  server: RunningServer;
  client: XRayClient;
  dir: string;
  logs: string[];
  /** Raw POST, for what the SDK would refuse to send. */
  post(pathname: string, body: unknown, headers?: Record<string, string>): Promise<RawResponse>;
  close(): Promise<void>;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  json: () => Record<string, unknown>;
}

export function tempDir(prefix = 'xray-mock-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function sdkClient(url: string): XRayClient {
  return new XRayClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
}

export async function rawPost(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) };
}

/** Starts the server in-process on free ports with a fresh data dir (unless one is given). */
export async function startTestServer(opts: Partial<ServerOptions> = {}): Promise<TestServer> {
  const dir = opts.dataDir ?? tempDir();
  const logs: string[] = [];
  const server = await startServer({
    port: 0,
    udpPort: null,
    log: (m) => logs.push(m),
    ...opts,
    dataDir: dir,
  });
  const client = sdkClient(server.url);
  return {
    server,
    client,
    dir,
    logs,
    post: (p, body, headers) => rawPost(server.url + p, body, headers),
    close: async () => {
      client.destroy();
      await server.close();
    },
  };
}
