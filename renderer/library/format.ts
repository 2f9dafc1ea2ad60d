import type { DocSummary } from '../../core/corpus/types';
import { listingDate, UNKNOWN_LABEL } from '../../core/corpus/facts';

export { regionLabel as formatRegion } from '../../core/corpus/facts';

/** The date a library row shows: the issue date, else 施行 and the date it takes effect. */
export function formatListingDate(d: Pick<DocSummary, 'date' | 'effectiveDate'>): string {
  const l = listingDate(d);
  if (!l) return formatDate(null);
  return l.effective ? `施行 ${formatDate(l.date)}` : formatDate(l.date);
}

/** 2023-05-20 → 2023年5月20日; partial dates stay partial. */
export function formatDate(date: string | null): string {
  if (!date) return `日期${UNKNOWN_LABEL}`;
  const [y, m, d] = date.split('-');
  return `${y}年` + (m ? `${Number(m)}月` : '') + (d ? `${Number(d)}日` : '');
}

export function sourcesLabel(d: Pick<DocSummary, 'sources'>): string | null {
  return d.sources.length > 1 ? `${d.sources.length} 个来源` : null;
}
