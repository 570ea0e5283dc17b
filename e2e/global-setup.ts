import { startMockServer } from './server.ts';

/** One demo server (seed 42) for the whole run; specs that restart a server start their own. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = await startMockServer({ seed: 42 });
  process.env.E2E_BASE_URL = server.url;
  return async () => {
    await server.stop();
  };
}
