/**
 * `npm run preview`: the built renderer (dist/renderer/) and the corpus
 * (resources/corpus/ as /corpus/) on 127.0.0.1, for trying the app in a
 * browser and for the browser e2e tests. Builds the renderer first when the
 * build is missing or older than its sources.
 *
 *   npm run preview -- [--port N] [--corpus DIR] [--no-build]
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isLoopbackHost, sendStatus, serveAppPath } from './static-files';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = join(REPO, 'dist', 'renderer');
export const DEFAULT_CORPUS = join(REPO, 'resources', 'corpus');

export interface PreviewServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 4173;

export async function startPreviewServer(opts: { port?: number; corpusDir?: string; distDir?: string } = {}): Promise<PreviewServer> {
  const corpusDir = resolve(opts.corpusDir ?? DEFAULT_CORPUS);
  const distDir = resolve(opts.distDir ?? DIST);
  const server: Server = createServer((req, res) => {
    // DNS rebinding: a page on evil.example resolving to 127.0.0.1 sends its own name.
    if (!isLoopbackHost(req.headers.host, req.socket.localPort ?? 0)) return sendStatus(res, 403, 'forbidden host');
    serveAppPath(req, res, { corpusDir, distDir }).catch(() => sendStatus(res, 500, 'internal error'));
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', fail);
      ok();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/**
 * Starts on `port`; when it is taken (a second `npm start`), on the next free
 * port if the port was the default, or fails with a sentence naming a free one.
 */
export async function startOnFreePort(opts: { port?: number; defaultPort?: number; corpusDir?: string; distDir?: string }): Promise<{ server: PreviewServer; note: string | null }> {
  const wanted = opts.port ?? opts.defaultPort ?? DEFAULT_PORT;
  try {
    return { server: await startPreviewServer({ ...opts, port: wanted }), note: null };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    const server = await startPreviewServer({ ...opts, port: 0 });
    if (opts.port === undefined) return { server, note: `端口 ${wanted} 已被占用（另一个预览正在运行？），改用端口 ${server.port}。Port ${wanted} is in use; using ${server.port}.` };
    const free = server.port;
    await server.close();
    throw new Error(`端口 ${wanted} 已被占用：请换一个端口，例如 --port ${free}。Port ${wanted} is in use; try --port ${free}.`, { cause: e });
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** True when dist/renderer is missing or older than renderer/, core/ or the Vite config. */
export function buildIsStale(): boolean {
  const index = join(DIST, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = Math.max(newestMtime(join(REPO, 'renderer')), newestMtime(join(REPO, 'core')), statSync(join(REPO, 'vite.config.ts')).mtimeMs);
  return sources > built;
}

/**
 * Builds in a child process with NODE_ENV=production: inside Vitest NODE_ENV
 * is 'test', and an in-process build would then bundle React's development
 * build (twice the size, slower), which is not what ships.
 */
export async function buildRenderer(): Promise<void> {
  const { spawn } = await import('node:child_process');
  const vite = join(REPO, 'node_modules', 'vite', 'bin', 'vite.js');
  await new Promise<void>((ok, fail) => {
    const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`vite build exited with ${code}`))));
  });
}

export async function ensureBuilt(): Promise<void> {
  if (buildIsStale()) await buildRenderer();
}

async function main(argv: string[]) {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  if (!argv.includes('--no-build')) {
    if (buildIsStale()) {
      console.log('正在构建界面（npm run build:renderer）…');
      await buildRenderer();
    }
  }
  const corpusDir = arg('--corpus') ?? DEFAULT_CORPUS;
  if (!existsSync(join(corpusDir, 'library.json'))) console.warn(`警告：找不到 ${join(corpusDir, 'library.json')}，文库会是空的；请先运行 \`npm run build:corpus\`（或用 --corpus 指定一个已构建的语料文件夹）`);
  const portArg = arg('--port');
  const { server, note } = await startOnFreePort({ port: portArg === undefined ? undefined : Number(portArg), corpusDir });
  if (note) console.log(note);
  console.log(`政策阅读器浏览器预览：${server.url}（语料：${resolve(corpusDir)}，按 Ctrl+C 停止）`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
