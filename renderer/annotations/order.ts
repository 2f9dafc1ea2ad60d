/**
 * 我的标注 as rows for a virtual list: orphans first (未能定位), then one group
 * per document. Pure, so the ordering is unit-tested without a browser.
 */
import { splitUnitId } from '../../core/corpus/unit-id';
import { docIdOf, isOrphaned, positionOf, unitIdOf, type Annotation } from '../../core/annotations/model';

export type SortOrder = 'newest' | 'reading';

export type Row =
  | { type: 'orphans'; count: number }
  | { type: 'orphan'; annotation: Annotation }
  | { type: 'group'; docId: string; title: string; count: number }
  | { type: 'entry'; annotation: Annotation };

const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });

/**
 * Reading order inside a document without loading it: unit paths compare
 * segment by segment, numbers numerically; a preamble comes before and an
 * attachment after its siblings, as the parser emits them.
 */
function segmentRank(seg: string): number {
  return seg.startsWith('pre') ? 0 : seg.startsWith('att') ? 2 : 1;
}
export function comparePaths(a: string, b: string): number {
  const x = a.split('.');
  const y = b.split('.');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] === y[i]) continue;
    return segmentRank(x[i]) - segmentRank(y[i]) || collator.compare(x[i], y[i]);
  }
  return x.length - y.length;
}

const pathOf = (a: Annotation) => {
  const u = unitIdOf(a);
  return u ? splitUnitId(u).path : '';
};

export function compareReading(a: Annotation, b: Annotation): number {
  const pa = pathOf(a);
  const pb = pathOf(b);
  // A bookmark of the whole document comes first.
  if (!pa || !pb) return pa ? 1 : pb ? -1 : 0;
  return comparePaths(pa, pb) || (positionOf(a)?.start ?? -1) - (positionOf(b)?.start ?? -1);
}

const newest = (a: Annotation, b: Annotation) => (a.created < b.created ? 1 : a.created > b.created ? -1 : 0);

export function buildRows(list: readonly Annotation[], order: SortOrder, titleOf: (docId: string) => string | undefined): Row[] {
  const orphans: Annotation[] = [];
  const groups = new Map<string, Annotation[]>();
  for (const a of list) {
    if (isOrphaned(a)) orphans.push(a);
    else {
      const id = docIdOf(a);
      const g = groups.get(id);
      if (g) g.push(a);
      else groups.set(id, [a]);
    }
  }
  const rows: Row[] = [];
  if (orphans.length) {
    rows.push({ type: 'orphans', count: orphans.length });
    for (const a of orphans.sort(newest)) rows.push({ type: 'orphan', annotation: a });
  }
  const title = (id: string, g: Annotation[]) => titleOf(id) ?? g[0].target['policyReader:document'].title;
  const entries = [...groups].map(([id, g]) => ({ id, g: g.sort(order === 'newest' ? newest : compareReading), title: title(id, g) }));
  // Newest first: the document touched last leads; reading order: documents by title.
  entries.sort((x, y) => (order === 'newest' ? newest(x.g[0], y.g[0]) : collator.compare(x.title, y.title)));
  for (const e of entries) {
    rows.push({ type: 'group', docId: e.id, title: e.title, count: e.g.length });
    for (const a of e.g) rows.push({ type: 'entry', annotation: a });
  }
  return rows;
}
