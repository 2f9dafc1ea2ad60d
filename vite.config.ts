import react from '@vitejs/plugin-react';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { APP_CSP } from './electron/protocol.js';
import { PDFJS_CMAPS_PATH } from './renderer/import/pdfjs-assets.js';
import { isLoopbackHost, sendStatus, serveCorpus } from './scripts/static-files.js';

const here = dirname(fileURLToPath(import.meta.url));
const corpusDir = resolve(process.env.POLICY_READER_CORPUS ?? join(here, 'resources', 'corpus'));

/**
 * The app:// CSP loosened for dev only: the React Refresh preamble is an inline
 * script, Vite injects CSS as <style> elements, and HMR talks over a WebSocket.
 */
export function devCspOf(csp: string): string {
  return csp
    .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    .replace(/style-src 'self'( 'unsafe-inline')?/, "style-src 'self' 'unsafe-inline'")
    .replace("connect-src 'self'", "connect-src 'self' ws://127.0.0.1:* ws://localhost:*");
}
const DEV_CSP = devCspOf(APP_CSP);

/**
 * `npm run dev` gets the preview server's guard rails: loopback Host names
 * only (Vite itself lets any IP address through), the CSP as a header, and
 * /corpus/ served by the shared code in scripts/static-files.ts.
 */
function corpus(): Plugin {
  return {
    name: 'policy-reader-corpus',
    configureServer(server) {
      if (!existsSync(join(corpusDir, 'library.json'))) server.config.logger.warn(`corpus not found at ${corpusDir}: run \`npm run build:corpus\` or set POLICY_READER_CORPUS=e2e/fixtures/corpus`);
      server.middlewares.use((req, res, next) => {
        if (!isLoopbackHost(req.headers.host, req.socket.localPort ?? 0)) return sendStatus(res, 403, 'forbidden host');
        res.setHeader('Content-Security-Policy', DEV_CSP);
        serveCorpus(req, res, corpusDir).then((handled) => handled || next(), next);
      });
    },
  };
}

/**
 * pdf.js's packed CMaps (about 170 small files, 1.7 MB) at PDFJS_CMAPS_PATH beside index.html: a PDF whose Chinese
 * font is not embedded (UniGB-UCS2-H) reads as empty without them (core/import/extract.ts). Copied into the build,
 * served from node_modules in dev.
 */
function pdfjsCmaps(): Plugin {
  const from = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps');
  const prefix = `/${PDFJS_CMAPS_PATH}`;
  return {
    name: 'policy-reader-pdfjs-cmaps',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = req.url?.startsWith(prefix) ? decodeURIComponent(req.url.slice(prefix.length).split('?')[0]) : null;
        if (!name || !/^[\w.-]+\.bcmap$/.test(name)) return next();
        res.setHeader('Content-Type', 'application/octet-stream');
        res.end(readFileSync(join(from, name)));
      });
    },
    generateBundle() {
      // With their LICENSE (Adobe's, BSD-style), which must travel with them.
      for (const name of readdirSync(from).filter((n) => n.endsWith('.bcmap') || n === 'LICENSE')) this.emitFile({ type: 'asset', fileName: `${PDFJS_CMAPS_PATH}${name}`, source: readFileSync(join(from, name)) });
    },
  };
}

/** The index.html CSP <meta> gets the same dev loosening as the header. */
function devCsp(): Plugin {
  return {
    name: 'policy-reader-dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace(/(http-equiv="Content-Security-Policy"\s+content=")([^"]*)"/, (_m, head: string, csp: string) => `${head}${devCspOf(csp)}"`);
    },
  };
}

export default defineConfig({
  root: join(here, 'renderer'),
  // Relative asset URLs: the build is loaded from app://reader/ and from the preview server alike.
  base: './',
  publicDir: false,
  plugins: [react(), corpus(), devCsp(), pdfjsCmaps()],
  build: {
    outDir: join(here, 'dist', 'renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    // A second `npm run dev` takes the next free port (and prints it).
    strictPort: false,
    // Vite's /@fs/ URLs reach the whole repository: keep the raw sources out.
    fs: { deny: ['.env', '.env.*', '*.{crt,pem}', '**/.git/**', '**/corpus/raw/**'] },
  },
});
