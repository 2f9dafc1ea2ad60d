/**
 * Corpus access. URLs are relative to index.html so the same build works under
 * app://reader/ (Electron) and http://127.0.0.1:<port>/ (preview).
 */
import type { DocSummary, PolicyDocument } from '../../core/corpus/types';
import { LIBRARY_HEAD_FILE, restoreLibraryHead, type LibraryHead } from '../../core/corpus/library-head';
import { restoreDocument, restoreLibrary, type RestoredLibrary } from './restore';
import { isUserDocId, loadUserDocument, onUserLibraryChange, userSummaries } from './userLibrary';

/** A corpus file that is not there (404), told apart from one that is unreadable. */
export class NotFound extends Error {}

export async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (res.status === 404) throw new NotFound(`找不到 ${url}`);
  if (!res.ok) throw new Error(`读取 ${url} 失败（${res.status}）`);
  try {
    return await res.json();
  } catch {
    throw new Error(`${url} 不是有效的 JSON`);
  }
}

let library: Promise<RestoredLibrary> | null = null;

// The user's documents (我的文件) are listed with the corpus; a change to them drops the cached list.
onUserLibraryChange(() => {
  library = null;
  head = null;
  for (const id of [...docs.keys()]) if (isUserDocId(id)) docs.delete(id);
});

type IdleScheduler = (cb: () => void, opts: { timeout: number }) => number;

/** When the main thread is next idle (the head painted, its first frames drawn), or after 300 ms at most. */
function whenIdle(): Promise<void> {
  const idle = (globalThis as { requestIdleCallback?: IdleScheduler }).requestIdleCallback;
  return new Promise((ok) => (idle ? idle(() => ok(), { timeout: 300 }) : setTimeout(ok, 0)));
}

export function loadLibrary(): Promise<RestoredLibrary> {
  // Several megabytes of JSON, fetched and read in one long task: with a head to show, it waits until the head is
  // on screen and the page is idle.
  library ??= loadLibraryHead()
    .then((h) => (h ? whenIdle() : undefined))
    .then(() => Promise.all([getJson('corpus/library.json').then(restoreLibrary), userSummaries()]))
    .then(([lib, mine]) => ({ ...lib, docs: [...lib.docs, ...mine] }));
  // A failed load must not be cached, or the retry button could never work.
  library.catch(() => (library = null));
  return library;
}

let head: Promise<LibraryHead | null> | null = null;

/**
 * The library's first screen, precomputed by the build (core/corpus/library-head.ts), shown while the full
 * list loads; null when it cannot stand for the library: missing or damaged, or the user has documents of
 * their own (they are not in it, and a newer one would pop in above its rows). Never an error: the full
 * list is what the library waits for.
 */
export function loadLibraryHead(): Promise<LibraryHead | null> {
  head ??= Promise.all([getJson(`corpus/${LIBRARY_HEAD_FILE}`).then(restoreLibraryHead), userSummaries()]).then(
    ([h, mine]) => (mine.length ? null : h),
    () => null,
  );
  return head;
}

// Back-and-forth between a few documents is the common pattern; keep a handful parsed.
const DOC_CACHE_SIZE = 6;
const docs = new Map<string, Promise<PolicyDocument>>();

export function loadDocument(id: string): Promise<PolicyDocument> {
  const hit = docs.get(id);
  if (hit) {
    docs.delete(id);
    docs.set(id, hit);
    return hit;
  }
  const p = isUserDocId(id) ? loadUserDocument(id) : getJson(`corpus/docs/${encodeURIComponent(id)}.json`).then(
    (v) => restoreDocument(v, id),
    (e: unknown) => {
      // Said for people, not as a file path: the link names a document the corpus does not have.
      if (e instanceof NotFound) throw new Error(`文库中没有这篇文件（编号 ${id}）。链接可能有误，或这篇文件不在本版语料库中。`);
      throw e;
    },
  );
  p.catch(() => docs.delete(id));
  docs.set(id, p);
  while (docs.size > DOC_CACHE_SIZE) docs.delete(docs.keys().next().value as string);
  return p;
}

export type { DocSummary };

let contentHash: Promise<string> | null = null;

/**
 * The corpus `contentHash` from manifest.json: annotations record it, and a
 * different one at startup means the corpus was rebuilt (re-anchor).
 */
export function loadContentHash(): Promise<string> {
  contentHash ??= getJson('corpus/manifest.json').then((m) => {
    const h = (m as { contentHash?: unknown } | null)?.contentHash;
    if (typeof h !== 'string' || !h) throw new Error('corpus/manifest.json 缺少 contentHash');
    return h;
  });
  contentHash.catch(() => (contentHash = null));
  return contentHash;
}
