import type { AlignStatus } from '../../core/compare/align';

export { RELATION_LABEL } from '../../core/compare/format';
export const STATUS_LABEL: Record<AlignStatus, string> = { same: '相同', changed: '有改动', moved: '移动', 'only-a': '仅左侧', 'only-b': '仅右侧' };
export const pct = (x: number) => `${Math.round(x * 100)}%`;
/** Shown on a row whose clauses share too little wording for character marks (core/compare/align REWRITE_BELOW). */
export const REWRITTEN_LABEL = '改写';
/** What each figure measures, in the words the view and its tooltips use (core/compare/measures). */
export const DOCUMENT_OVERLAP_HELP = '一篇的文字见于另一篇的比例（取两侧较高者）';
export const CLAUSE_SIMILARITY_HELP = '两条措辞相同的程度';
