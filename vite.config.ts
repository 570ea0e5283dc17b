import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { XRAY_PATHS } from './src/xray/api-paths.ts';

// In development the console and the API share an origin through this proxy, exactly as in
// production where the mock server serves both.
const apiTarget = process.env.XRAY_API ?? 'http://127.0.0.1:4101';

export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: Object.fromEntries(XRAY_PATHS.map((p) => [p, { target: apiTarget }])),
  },
  build: { sourcemap: true, chunkSizeWarningLimit: 800 },
});
