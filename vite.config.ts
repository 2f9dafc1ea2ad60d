import react from '@vitejs/plugin-react';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { serveCorpus } from './scripts/static-files.js';

const here = dirname(fileURLToPath(import.meta.url));
const corpusDir = resolve(process.env.POLICY_READER_CORPUS ?? join(here, 'resources', 'corpus'));

/** Serves the corpus as /corpus/ in `npm run dev`, as the preview server and app:// do. */
function corpus(): Plugin {
  return {
    name: 'policy-reader-corpus',
    configureServer(server) {
      if (!existsSync(join(corpusDir, 'library.json'))) server.config.logger.warn(`corpus not found at ${corpusDir}: run \`npm run build:corpus\` or set POLICY_READER_CORPUS=e2e/fixtures/corpus`);
      server.middlewares.use((req, res, next) => {
        serveCorpus(req, res, corpusDir).then((handled) => handled || next(), next);
      });
    },
  };
}

/**
 * In dev only, the React Refresh preamble is an inline script and HMR talks
 * over a WebSocket; the production CSP forbids both, so loosen exactly those.
 */
function devCsp(): Plugin {
  return {
    name: 'policy-reader-dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws://127.0.0.1:*");
    },
  };
}

export default defineConfig({
  root: join(here, 'renderer'),
  // Relative asset URLs: the build is loaded from app://reader/ and from the preview server alike.
  base: './',
  publicDir: false,
  plugins: [react(), corpus(), devCsp()],
  build: {
    outDir: join(here, 'dist', 'renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
});
