/**
 * The `app://` scheme: serves the built renderer and the corpus from disk with
 * a stable, secure origin (`app://reader`), so IndexedDB (Dexie) keeps its data
 * across launches and nothing is ever loaded from `file://`.
 *
 *   app://reader/                 → <rendererRoot>/index.html
 *   app://reader/assets/x.js      → <rendererRoot>/assets/x.js
 *   app://reader/corpus/…         → <corpusRoot>/…   (never corpus/raw/)
 *
 * Everything here except `registerAppScheme`/`handleAppProtocol` is plain
 * Node (global Request/Response) and unit-tested without Electron.
 */
import path from 'node:path';
import { mimeType } from '../core/util/mime.js';
import { resolveAppPath } from '../core/util/safe-path.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'reader';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/`;

/** Privileges for protocol.registerSchemesAsPrivileged (must run before app 'ready'). */
export const APP_SCHEME_PRIVILEGES = {
  standard: true, // real origin, relative URLs, IndexedDB/localStorage
  secure: true, // treated like https: secure context
  supportFetchAPI: true, // fetch('corpus/library.json')
  corsEnabled: true,
  codeCache: true,
} as const;

/**
 * Content-Security-Policy for every app:// response (and the preview and dev
 * servers). No remote origins at all, no inline or eval'd script, no blob:
 * (the search worker is a file; downloads of blob: URLs are navigations, which
 * CSP does not govern).
 *
 * style-src keeps 'unsafe-inline' for one reason: the export preview shows the
 * exported HTML in a sandboxed srcdoc <iframe>, and a srcdoc document inherits
 * this policy, so its own <style> element and style="" attributes would be
 * dropped. The app's own code does not need it (React sets styles through the
 * CSSOM, Vite emits CSS files): e2e/electron/csp.e2e.ts runs the built
 * renderer under this policy without 'unsafe-inline' and finds no violation.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function mimeTypeFor(filePath: string): string {
  return mimeType(filePath);
}

export interface ServeRoots {
  /** dist/renderer (dev) or <app.asar>/dist/renderer (packaged). */
  rendererRoot: string;
  /** resources/corpus (dev) or process.resourcesPath/corpus (packaged). */
  corpusRoot: string;
}

export type Resolution =
  | { kind: 'file'; root: string; relative: string; spaFallback: boolean }
  | { kind: 'error'; status: 400 | 403 | 404 | 405; reason: string };

/**
 * Maps an app:// URL to a root and a relative path: other hosts and
 * credentials are refused here, the path itself by core/util/safe-path.ts
 * (the one sanitizer the preview and dev servers share: decoded before it is
 * checked, no dot, hidden or empty segments, nothing under corpus/raw/, only
 * .json from the corpus). Pure: no file system access; `safeFilePath` then
 * follows symlinks and keeps the real file inside the real root.
 */
export function resolveAppUrl(rawUrl: string, roots: ServeRoots): Resolution {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { kind: 'error', status: 400, reason: 'malformed URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:`) return { kind: 'error', status: 400, reason: 'wrong scheme' };
  if (url.host !== APP_HOST || url.username || url.password) {
    return { kind: 'error', status: 403, reason: `unknown host ${url.host}` };
  }
  const p = resolveAppPath(url.pathname);
  if (!p.ok) return { kind: 'error', status: p.status, reason: p.reason };
  return { kind: 'file', root: p.area === 'corpus' ? roots.corpusRoot : roots.rendererRoot, relative: p.relative, spaFallback: p.spaFallback };
}

/** The file-system calls the handler needs; main.ts passes Node's (asar-aware) fs. */
export interface ServeFs {
  realpath(p: string): Promise<string>;
  stat(p: string): Promise<{ isFile(): boolean; size: number }>;
  readFile(p: string): Promise<Uint8Array>;
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

/**
 * The folder of the corpus build to serve: the target of the `current`
 * pointer that `policy-reader build` switches last (cli/corpus-files.ts), so
 * a request never sees a build half written; the root itself for a corpus
 * without the pointer (the packaged app's flat copy, the e2e fixture).
 * Resolved per request, so a rebuild is picked up without a restart.
 */
export async function currentCorpusRoot(corpusRoot: string, fs: Pick<ServeFs, 'realpath'>): Promise<string> {
  try {
    return await fs.realpath(path.join(corpusRoot, 'current'));
  } catch {
    return corpusRoot;
  }
}

/**
 * Resolves `relative` under `root` and checks, after following symlinks, that
 * the real file is still inside the real root. Returns null if not, or if it
 * is missing or not a regular file.
 */
export async function safeFilePath(root: string, relative: string, fs: ServeFs): Promise<string | null> {
  const lexical = path.resolve(root, ...relative.split('/'));
  if (!isInside(path.resolve(root), lexical)) return null;
  let realRoot: string;
  let realFile: string;
  try {
    realRoot = await fs.realpath(root);
    realFile = await fs.realpath(lexical);
  } catch {
    return null;
  }
  if (!isInside(realRoot, realFile)) return null;
  try {
    const st = await fs.stat(realFile);
    return st.isFile() ? realFile : null;
  } catch {
    return null;
  }
}

export function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': APP_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

function errorResponse(status: number, reason: string): Response {
  return new Response(`${status} ${reason}\n`, {
    status,
    headers: securityHeaders('text/plain; charset=utf-8'),
  });
}

/** Builds the handler passed to `protocol.handle('app', …)`. */
export function createAppProtocolHandler(roots: ServeRoots, fs: ServeFs, log: (msg: string) => void = () => {}) {
  return async function handle(request: Request): Promise<Response> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return errorResponse(405, 'method not allowed');
    }
    const res = resolveAppUrl(request.url, roots);
    if (res.kind === 'error') {
      if (res.status === 403) log(`app:// refused ${request.url}: ${res.reason}`);
      return errorResponse(res.status, res.reason);
    }
    const root = res.root === roots.corpusRoot ? await currentCorpusRoot(res.root, fs) : res.root;
    let file = await safeFilePath(root, res.relative, fs);
    if (!file && res.spaFallback) file = await safeFilePath(root, 'index.html', fs);
    if (!file) return errorResponse(404, 'not found');
    let body: Uint8Array;
    try {
      body = await fs.readFile(file);
    } catch (e) {
      const code = (e as { code?: string }).code;
      log(`app:// could not read ${file}: ${code ?? String(e)}`);
      return code === 'EACCES' || code === 'EPERM' ? errorResponse(403, 'forbidden') : errorResponse(500, 'read error');
    }
    const headers = securityHeaders(mimeTypeFor(file));
    headers['Content-Length'] = String(body.byteLength);
    return new Response(request.method === 'HEAD' ? null : (body as unknown as ConstructorParameters<typeof Response>[0]), { status: 200, headers });
  };
}

/** Minimal slices of Electron's `protocol` module, so tests can fake them. */
export interface SchemeRegistrar {
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: typeof APP_SCHEME_PRIVILEGES }[]): void;
}
export interface ProtocolHandlerHost {
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
}

/** Call at module load, before `app.whenReady()`. */
export function registerAppScheme(protocol: SchemeRegistrar): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
}

export function handleAppProtocol(protocol: ProtocolHandlerHost, roots: ServeRoots, fs: ServeFs, log?: (m: string) => void): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(roots, fs, log));
}
