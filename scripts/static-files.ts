/**
 * Static file serving shared by the preview server (renderer + corpus) and the
 * Vite dev plugin (corpus only), with the same rules as app:// in Electron:
 * the path is checked by core/util/safe-path.ts (decoded first; no dot,
 * hidden or empty segments; nothing under corpus/raw/; only .json from the
 * corpus), the real path must stay inside the root (electron/protocol.ts
 * `safeFilePath`: symlinks out are refused), every response carries the
 * app:// security headers (CSP included), and the Host header must name the
 * loopback interface (DNS rebinding).
 */
import { promises as fsp } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mimeType } from '../core/util/mime.js';
import { resolveAppPath } from '../core/util/safe-path.js';
import { currentCorpusRoot, safeFilePath, securityHeaders, type ServeFs } from '../electron/protocol.js';

const nodeServeFs: ServeFs = {
  realpath: (p) => fsp.realpath(p),
  stat: (p) => fsp.stat(p),
  readFile: (p) => fsp.readFile(p),
};

/** Loopback names a browser on this machine sends in `Host` for `port`. */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const names = ['127.0.0.1', 'localhost', '[::1]'];
  return names.some((n) => host.toLowerCase() === `${n}:${port}`);
}

export function sendStatus(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { ...securityHeaders('text/plain; charset=utf-8'), ...headers });
  res.end(`${text}\n`);
}

/**
 * Streams a file that `safeFilePath` accepted. The file is opened before the
 * status line is sent, so an unreadable file gets 403 (permission) or 500,
 * and a read that fails half-way closes only that connection: the server
 * never crashes on a file error.
 */
export async function sendFile(res: ServerResponse, file: string, method = 'GET'): Promise<void> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return sendStatus(res, 404, 'not found');
    return sendStatus(res, code === 'EACCES' || code === 'EPERM' ? 403 : 500, code === 'EACCES' || code === 'EPERM' ? 'forbidden' : 'read error');
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) {
      await handle.close();
      return sendStatus(res, 404, 'not found');
    }
    if (method === 'HEAD') {
      await handle.close();
      res.writeHead(200, { ...securityHeaders(mimeType(file)), 'Content-Length': String(st.size) });
      res.end();
      return;
    }
    // Read the first chunk before committing to 200: a file that cannot be read
    // (EISDIR, EIO, a permission change) still gets a clean error status.
    const first = Buffer.alloc(Math.min(st.size, 64 * 1024));
    const { bytesRead } = await handle.read(first, 0, first.length, 0);
    res.writeHead(200, { ...securityHeaders(mimeType(file)), 'Content-Length': String(st.size) });
    res.write(first.subarray(0, bytesRead));
    if (bytesRead >= st.size) {
      await handle.close();
      res.end();
      return;
    }
    const stream = handle.createReadStream({ start: bytesRead, autoClose: true });
    stream.on('error', () => res.destroy());
    // A client that hung up before this point already fired 'close': close the file now, not at garbage collection.
    if (res.destroyed) stream.destroy();
    else res.on('close', () => stream.destroy());
    stream.pipe(res);
  } catch {
    await handle.close().catch(() => {});
    sendStatus(res, 500, 'read error');
  }
}

function firstSegmentIsCorpus(rawPath: string): boolean {
  let decoded = rawPath;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    // undecodable: judged on the raw spelling
  }
  return decoded.split(/[/\\]/).find((s) => s !== '')?.toLowerCase() === 'corpus';
}

export interface ServeRootsOptions {
  corpusDir: string;
  /** The built renderer; omitted in `npm run dev`, where Vite serves it. */
  distDir?: string;
}

/**
 * Serves an app path from the corpus (and the renderer when `distDir` is
 * given). Returns false when the request is for the renderer and there is no
 * `distDir` (the caller — Vite — handles it). Never throws.
 */
export async function serveAppPath(req: IncomingMessage, res: ServerResponse, roots: ServeRootsOptions): Promise<boolean> {
  const rawPath = (req.url ?? '/').replace(/[?#].*$/s, '');
  // In dev, Vite serves everything but the corpus: hand it every path whose
  // first segment (decoded, however spelled) is not `corpus`.
  if (!roots.distDir && !firstSegmentIsCorpus(rawPath)) return false;
  const target = resolveAppPath(rawPath.startsWith('/') ? rawPath : `/${rawPath}`);
  if (!target.ok) {
    sendStatus(res, target.status, target.status === 404 ? 'not found' : target.status === 400 ? 'bad request' : 'forbidden');
    return true;
  }
  if (target.area === 'renderer' && !roots.distDir) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendStatus(res, 405, 'method not allowed', { Allow: 'GET, HEAD' });
    return true;
  }
  const root = target.area === 'corpus' ? await currentCorpusRoot(roots.corpusDir, nodeServeFs) : roots.distDir!;
  let file = await safeFilePath(root, target.relative, nodeServeFs);
  if (!file && target.spaFallback) file = await safeFilePath(root, 'index.html', nodeServeFs);
  if (!file) sendStatus(res, 404, 'not found');
  else await sendFile(res, file, req.method);
  return true;
}

/**
 * Serves `<corpusDir>/<path>` for requests under /corpus/ (the dev plugin).
 * Returns false when the request is not for the corpus.
 */
export function serveCorpus(req: IncomingMessage, res: ServerResponse, corpusDir: string): Promise<boolean> {
  return serveAppPath(req, res, { corpusDir });
}
