import { existsSync } from 'node:fs';

/**
 * The browser the tests drive: Debian's chromium (or CHROMIUM_PATH). Nothing here downloads a
 * browser; without one the run fails loudly rather than skipping.
 */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `No Chromium at ${path}. Install Debian's package (sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.`,
    );
  }
  return path;
}

/** Flags for a sandboxed CI box with a closed network (see the env notes in the README). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
