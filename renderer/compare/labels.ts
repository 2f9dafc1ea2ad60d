import type { AlignStatus } from '../../core/compare/align';
import type { Relation } from '../../core/compare/format';

export const RELATION_LABEL: Record<Relation, string> = { same: '同一文本', adaptation: '改编', revision: '修订', related: '部分相同' };
export const STATUS_LABEL: Record<AlignStatus, string> = { same: '相同', changed: '有改动', moved: '移动', 'only-a': '仅左侧', 'only-b': '仅右侧' };
export const pct = (x: number) => `${Math.round(x * 100)}%`;
