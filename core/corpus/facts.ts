/** Facts derived from a document summary, shared by the library, search facets and the CLI so they agree. */
import type { DocSummary, Region } from './types.js';

/**
 * The year a document is filed under: its issue date, else the date it takes
 * effect (a regulation printed without its issue date is still a 2023
 * regulation); null when the text gives neither.
 */
export function documentYear(d: Pick<DocSummary, 'date' | 'effectiveDate'>): string | null {
  const date = d.date ?? d.effectiveDate;
  return date && /^\d{4}/.test(date) ? date.slice(0, 4) : null;
}

/** One vocabulary for what a document does not say (year, issuer, region). */
export const UNKNOWN_LABEL = '未注明';
/** Region label of national documents. */
export const NATIONAL_LABEL = '全国';

/** The top level a document is filed under: its province, 全国 for national documents, 未注明 when nobody says. */
export function regionTop(r: Region): string {
  if (r.province) return r.province;
  return r.level === 'national' ? NATIONAL_LABEL : UNKNOWN_LABEL;
}

/** Region facet values, outermost first: the top level and the city (or district) when there is one. */
export function regionPath(r: Region): string[] {
  return r.city ? [regionTop(r), r.city] : [regionTop(r)];
}

/** 山东省 青岛市 / 全国 / 未注明. */
export function regionLabel(r: Region): string {
  return regionPath(r).join(' ');
}

/** Issuing bodies, not the authors of a signed article; 未注明 when none is known. */
export function documentIssuers(d: Pick<DocSummary, 'issuer' | 'issuers' | 'authors'>): string[] {
  const authors = new Set(d.authors);
  const list = (d.issuers.length ? d.issuers : d.issuer ? [d.issuer] : []).filter((i) => !authors.has(i));
  return list.length ? list : [UNKNOWN_LABEL];
}

/** The date a document is listed and sorted by: issue date, else the date it takes effect. */
export function listingDate(d: Pick<DocSummary, 'date' | 'effectiveDate'>): { date: string; effective: boolean } | null {
  if (d.date) return { date: d.date, effective: false };
  if (d.effectiveDate) return { date: d.effectiveDate, effective: true };
  return null;
}
