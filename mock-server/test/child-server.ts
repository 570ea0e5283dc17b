import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const MAIN = path.join(import.meta.dirname, '..', 'main.ts');

export interface Child {
  proc: ChildProcess;
  url: string;
  udpPort?: number;
  output: () => string;
  /** Resolves with the exit code (or signal name). */
  exited: Promise<number | string>;
}

/** Runs `main.ts` as a real process and waits for its start line. */
export function spawnServer(args: string[]): Promise<Child> {
  const proc = spawn(process.execPath, ['--import', 'tsx', MAIN, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | string>((resolve) =>
    proc.on('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 20_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /Trace Console: (http:\/\/\S+)(?: \(daemon udp\+tcp (\d+)\))?/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          proc,
          url: m[1] as string,
          ...(m[2] ? { udpPort: Number(m[2]) } : {}),
          output: () => out,
          exited,
        });
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

/** Runs `main.ts` to completion (for start-up failures and --help). */
export function runMain(args: string[]): Promise<{ code: number | string; output: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout.on('data', (d: Buffer) => {
    output += d.toString();
  });
  proc.stderr.on('data', (d: Buffer) => {
    output += d.toString();
  });
  return new Promise((resolve) =>
    proc.on('exit', (code, signal) => resolve({ code: code ?? signal ?? -1, output })),
  );
}
