/**
 * The library's first screen, precomputed by the build: the number of documents, the facet counts and the
 * first rows in the default order (newest first, no filter). With 10,000 documents, reading library.json
 * (6–7 MB), checking it and sorting it takes the app most of a second; this file is a few kilobytes, so the
 * library is on screen while the full list is still loading. It is computed with the code the app filters
 * with (library-filters.ts), so the full list shows the same rows when it takes over.
 *
 * It is only a cache of library.json: a missing, damaged or foreign file is ignored, and the app waits for the
 * full list as it did before.
 */
import { EMPTY_FILTERS, FACET_KEYS, viewLibrary, type Facets, type FacetValue } from './library-filters.js';
import { restoreSummary } from './restore.js';
import type { DocSummary } from './types.js';

export const LIBRARY_HEAD_FILE = 'library-head.json';
export const LIBRARY_HEAD_VERSION = 1;
/** Rows in the head: more than a tall window shows (about 80 px a row), few enough to stay small. */
export const HEAD_ROWS = 40;

export interface LibraryHead {
  v: typeof LIBRARY_HEAD_VERSION;
  /** Documents in library.json. */
  count: number;
  /** The first rows with no filter, in the default order. */
  rows: DocSummary[];
  /** Facet counts with no filter. */
  facets: Facets;
}

export function libraryHead(docs: readonly DocSummary[], rows = HEAD_ROWS): LibraryHead {
  const { shown, facets } = viewLibrary(docs, EMPTY_FILTERS);
  return { v: LIBRARY_HEAD_VERSION, count: docs.length, rows: shown.slice(0, rows), facets };
}

function restoreFacetValues(v: unknown): FacetValue[] | null {
  if (!Array.isArray(v)) return null;
  const out: FacetValue[] = [];
  for (const x of v) {
    if (typeof x !== 'object' || x === null) return null;
    const { value, count } = x as { value?: unknown; count?: unknown };
    if (typeof value !== 'string' || !Number.isSafeInteger(count) || (count as number) < 0) return null;
    out.push({ value, count: count as number });
  }
  return out;
}

/** The head as read from disk, or null when it cannot be trusted whole (then the full list is awaited). */
export function restoreLibraryHead(v: unknown): LibraryHead | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  if (o.v !== LIBRARY_HEAD_VERSION || !Number.isSafeInteger(o.count) || !Array.isArray(o.rows) || typeof o.facets !== 'object' || o.facets === null) return null;
  const count = o.count as number;
  const rows = o.rows.map(restoreSummary);
  if (rows.some((r) => r === null) || rows.length > count) return null;
  const facets = {} as Facets;
  for (const key of FACET_KEYS) {
    const values = restoreFacetValues((o.facets as Record<string, unknown>)[key]);
    if (!values) return null;
    facets[key] = values;
  }
  return { v: LIBRARY_HEAD_VERSION, count, rows: rows as DocSummary[], facets };
}
