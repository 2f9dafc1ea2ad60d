/** Facts derived from a document summary, shared by the library, search facets and the CLI so they agree. */
import type { DocSummary } from './types.js';

/**
 * The year a document is filed under: its issue date, else the date it takes
 * effect (a regulation printed without its issue date is still a 2023
 * regulation); null when the text gives neither.
 */
export function documentYear(d: Pick<DocSummary, 'date' | 'effectiveDate'>): string | null {
  const date = d.date ?? d.effectiveDate;
  return date && /^\d{4}/.test(date) ? date.slice(0, 4) : null;
}

/** Facet label for documents without a year. */
export const NO_YEAR = '未注明';
