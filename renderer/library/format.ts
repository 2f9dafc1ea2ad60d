import type { DocSummary, Region } from '../../core/corpus/types';

export function formatRegion(r: Region): string {
  if (!r.province) return '全国';
  return r.city ? `${r.province} ${r.city}` : r.province;
}

/** 2023-05-20 → 2023年5月20日; partial dates stay partial. */
export function formatDate(date: string | null): string {
  if (!date) return '日期不详';
  const [y, m, d] = date.split('-');
  return `${y}年` + (m ? `${Number(m)}月` : '') + (d ? `${Number(d)}日` : '');
}

export function sourcesLabel(d: Pick<DocSummary, 'sources'>): string | null {
  return d.sources.length > 1 ? `${d.sources.length} 个来源` : null;
}
