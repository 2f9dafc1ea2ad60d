/**
 * The unit tree flattened into reading order. The reading view renders a flat
 * list (one block per unit, indented by depth) so that keyboard navigation,
 * position tracking and per-unit `content-visibility` work on siblings rather
 * than on nested boxes.
 */
import type { Unit, UnitLevel } from '../../core/corpus/types';
import { unitTitle } from '../../core/corpus/units';

// Flattening and unit titles live in core (one home for the build, search and the reader).
export { flattenUnits, unitTitle, type FlatUnit } from '../../core/corpus/units';

/** Levels that appear in the outline. Items and clauses are too fine to navigate by. */
const OUTLINE_LEVELS: ReadonlySet<UnitLevel> = new Set(['part', 'subpart', 'chapter', 'section', 'article', 'outline1', 'outline2', 'appendix']);

/**
 * How a unit is called in controls and messages (书签：第十条, 复制第十一条第二款及出处). A 款 is
 * never labelled in the text, so its name carries its article: 第二款 alone says nothing.
 */
export function unitName(unit: Pick<Unit, 'level' | 'label'>, ancestors: readonly Pick<Unit, 'level' | 'label'>[]): string {
  if (unit.level === 'clause') {
    const article = [...ancestors].reverse().find((a) => a.level === 'article');
    return `${article?.label ?? ''}${unit.label}` || '本段';
  }
  return unit.label || '本段';
}

export interface OutlineEntry {
  id: string;
  level: UnitLevel;
  text: string;
  children: OutlineEntry[];
}

/** Outline markers without a heading ((一) alone) say nothing; the opening words of the text stand in. */
const SNIPPET_CHARS = 14;
/** A heading the source prints in 【】 (or 〔〕) at the start of an article's text: 【监督检查】. */
const PRINTED_HEADING = /^\s*([【〔][^】〕\n]{1,24}[】〕])/;

/** The article's printed bracket heading, from its own first paragraph or, when its text is in 款, its first 款's. */
function bracketHeading(u: Unit): string {
  const first = u.paragraphs.find((p) => p.text !== '')?.text ?? (u.children[0]?.level === 'clause' ? (u.children[0].paragraphs[0]?.text ?? '') : '');
  return PRINTED_HEADING.exec(first)?.[1] ?? '';
}

function outlineText(u: Unit): string {
  // An article is found by its topic: 第十一条【监督检查】, as printed (no space before 【).
  if (u.level === 'article') {
    const head = u.heading ?? bracketHeading(u);
    return head ? `${u.label}${/^[【〔［[（(]/.test(head) ? '' : ' '}${head}` : u.label;
  }
  if (u.heading || u.level === 'chapter' || u.level === 'part' || u.level === 'subpart' || u.level === 'section') return unitTitle(u);
  const first = (u.paragraphs[0]?.text ?? '').trim();
  if (!first) return unitTitle(u);
  const cut = first.split(/[。；;，,：:]/)[0];
  const snippet = cut.length > SNIPPET_CHARS ? cut.slice(0, SNIPPET_CHARS) + '…' : cut;
  return [u.label, snippet].filter(Boolean).join(' ');
}

export function buildOutline(units: Unit[]): OutlineEntry[] {
  const out: OutlineEntry[] = [];
  for (const u of units) {
    const children = buildOutline(u.children);
    if (OUTLINE_LEVELS.has(u.level) && (u.label || u.heading)) out.push({ id: u.id, level: u.level, text: outlineText(u), children });
    else out.push(...children);
  }
  return out;
}
