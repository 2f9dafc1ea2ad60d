/**
 * The one URL-path sanitizer for everything that serves the app's files:
 * app:// in Electron (electron/protocol.ts), the preview server and the Vite
 * dev server (scripts/static-files.ts). Pure string work, no file system: the
 * hosts then resolve real paths (symlinks) inside their roots.
 *
 * The path is decoded FIRST and checked after, so no spelling gets through:
 * `/corpus/%72aw/…` (encoded letters), `/corpus//raw/…` (empty segment),
 * `/corpus/%2Fraw/…` and `/corpus/raw%2F…` (encoded slashes), `/corpus/RAW/…`
 * and `/corpus/raw./…` (what case-insensitive or Windows file systems treat
 * as raw/), `%252e%252e` (double encoding).
 */

export type AppPath =
  | {
      ok: true;
      area: 'renderer' | 'corpus';
      /** Segments below the area's root, '/'-joined; never empty, never with '.', '..', hidden or empty segments. */
      relative: string;
      /** A client-side route (renderer, no extension): serve index.html when the file is missing. */
      spaFallback: boolean;
    }
  | { ok: false; status: 400 | 403 | 404; reason: string };

/** The only file types the app reads from /corpus/ (library.json, docs/*.json, search/*.json, manifest.json). */
export const CORPUS_EXTENSIONS: readonly string[] = ['.json'];

const refuse = (status: 400 | 403 | 404, reason: string): AppPath => ({ ok: false, status, reason });

/** Lower-cased extension of the last segment ('' when none). */
function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

/**
 * Decodes and checks a URL path (`/corpus/docs/p1.json`, no query or hash),
 * returning its segments, or why it is refused. An empty result means the root.
 */
export function decodePathSegments(rawPath: string): { ok: true; segments: string[] } | { ok: false; status: 400 | 403; reason: string } {
  if (!rawPath.startsWith('/')) return { ok: false, status: 400, reason: 'path must start with /' };
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, status: 400, reason: 'bad percent-encoding' };
  }
  // After one decode no '%' is left in any name the app serves: a '%' here is double encoding.
  if (path.includes('%')) return { ok: false, status: 400, reason: 'double percent-encoding' };
  if (/[\u0000-\u001f\u007f\\]/.test(path)) return { ok: false, status: 403, reason: 'control character or backslash' };
  const segments = path.slice(1).split('/');
  // A trailing slash names a folder's index; an empty segment anywhere else (`//`) is refused.
  if (segments.length > 0 && segments[segments.length - 1] === '') segments.pop();
  for (const seg of segments) {
    if (seg === '') return { ok: false, status: 403, reason: 'empty segment' };
    if (seg === '.' || seg === '..') return { ok: false, status: 403, reason: 'dot segment' };
    if (seg.startsWith('.')) return { ok: false, status: 403, reason: 'hidden file' };
    // Drive letters and NTFS streams (`c:`, `raw::$DATA`); names Windows silently trims (`raw.`, `raw `).
    if (seg.includes(':')) return { ok: false, status: 403, reason: 'colon in segment' };
    if (/[. ]$/.test(seg)) return { ok: false, status: 403, reason: 'trailing dot or space' };
  }
  return { ok: true, segments };
}

/**
 * Where an app URL path points: the renderer bundle or the parsed corpus.
 * Refuses anything under corpus/raw/ (in any case: case-insensitive file
 * systems serve RAW/ as raw/) and any corpus file that is not JSON.
 */
export function resolveAppPath(rawPath: string): AppPath {
  const d = decodePathSegments(rawPath);
  if (!d.ok) return refuse(d.status, d.reason);
  const segments = d.segments;
  if (segments.length === 0) return { ok: true, area: 'renderer', relative: 'index.html', spaFallback: false };
  if (segments[0].toLowerCase() === 'corpus') {
    if (segments[0] !== 'corpus') return refuse(404, 'not found');
    const rest = segments.slice(1);
    if (rest.length === 0) return refuse(404, 'corpus is not a file');
    if (rest.some((s) => s.toLowerCase() === 'raw')) return refuse(403, 'raw sources are not served');
    if (!CORPUS_EXTENSIONS.includes(extension(rest[rest.length - 1]))) return refuse(403, 'only .json is served from the corpus');
    return { ok: true, area: 'corpus', relative: rest.join('/'), spaFallback: false };
  }
  const relative = segments.join('/');
  return { ok: true, area: 'renderer', relative, spaFallback: extension(segments[segments.length - 1]) === '' };
}
