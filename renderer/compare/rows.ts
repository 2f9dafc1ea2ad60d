/** What the comparison list shows: aligned rows, with runs of identical rows folded when only differences are wanted. */
import type { AlignedRow } from '../../core/compare/align';

export type ListItem = { kind: 'row'; index: number } | { kind: 'fold'; start: number; count: number };

export function listItems(rows: AlignedRow[], onlyDiffs: boolean, expanded: ReadonlySet<number>): ListItem[] {
  if (!onlyDiffs) return rows.map((_, index) => ({ kind: 'row', index }));
  const out: ListItem[] = [];
  for (let i = 0; i < rows.length; ) {
    if (rows[i].status !== 'same' || expanded.has(i)) {
      if (rows[i].status === 'same') {
        // An expanded run: show all its rows.
        let j = i;
        while (j < rows.length && rows[j].status === 'same') out.push({ kind: 'row', index: j++ });
        i = j;
      } else out.push({ kind: 'row', index: i++ });
      continue;
    }
    let j = i;
    while (j < rows.length && rows[j].status === 'same') j++;
    out.push({ kind: 'fold', start: i, count: j - i });
    i = j;
  }
  return out;
}

/** Indexes of the rows that differ, in order: the stops of 下一处差异 / 上一处差异. */
export function differenceStops(rows: AlignedRow[]): number[] {
  return rows.flatMap((r, i) => (r.status === 'same' ? [] : [i]));
}
