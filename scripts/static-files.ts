/**
 * Static file serving shared by the preview server and the Vite dev plugin.
 * Refuses anything that resolves outside its root (.., encoded slashes,
 * absolute paths, NUL) and, under the corpus, the raw input files.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve, sep } from 'node:path';
import { mimeType } from '../core/util/mime.js';

/**
 * Maps a URL path (already stripped of its mount prefix) to a file under root,
 * or null when it must be refused.
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const base = resolve(root);
  const full = resolve(join(base, ...segments));
  if (full !== base && !full.startsWith(base + sep)) return null;
  return full;
}

export async function sendFile(res: ServerResponse, file: string, method = 'GET'): Promise<boolean> {
  try {
    const s = await stat(file);
    if (!s.isFile()) return false;
    res.writeHead(200, {
      'Content-Type': mimeType(file),
      'Content-Length': s.size,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    });
    if (method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
    return true;
  } catch {
    return false;
  }
}

export function sendStatus(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

/**
 * Serves `<corpusDir>/<path>` for requests under /corpus/. Returns false when
 * the request is not for the corpus (so the caller can handle it).
 */
export async function serveCorpus(req: IncomingMessage, res: ServerResponse, corpusDir: string): Promise<boolean> {
  const path = (req.url ?? '/').split('?')[0];
  if (!path.startsWith('/corpus/')) return false;
  const rest = path.slice('/corpus/'.length);
  // raw/ holds the unparsed inputs: the app never needs them, so the server never shows them.
  const file = rest.split('/')[0] === 'raw' ? null : resolveInside(corpusDir, rest);
  if (!file || !(req.method === 'GET' || req.method === 'HEAD')) {
    sendStatus(res, file ? 405 : 403, file ? 'method not allowed' : 'forbidden');
    return true;
  }
  if (!(await sendFile(res, file, req.method))) sendStatus(res, 404, 'not found');
  return true;
}
