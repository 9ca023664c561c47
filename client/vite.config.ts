import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const clientRoot = fileURLToPath(new URL('.', import.meta.url));
// `npm run client:dev` proxies the API to a running server, as the built app finds it at /graphql.
const apiServer = process.env.VANTAGE_SERVER ?? 'http://127.0.0.1:4000';

export default defineConfig({
  root: clientRoot,
  plugins: [preact({ prerender: { enabled: false } })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    proxy: { '/graphql': { target: apiServer, ws: true } },
  },
});
