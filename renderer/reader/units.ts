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

export interface OutlineEntry {
  id: string;
  level: UnitLevel;
  text: string;
  children: OutlineEntry[];
}

/** Outline markers without a heading ((一) alone) say nothing; the opening words of the text stand in. */
const SNIPPET_CHARS = 14;
function outlineText(u: Unit): string {
  if (u.heading || u.level === 'article' || u.level === 'chapter' || u.level === 'part' || u.level === 'subpart' || u.level === 'section') return unitTitle(u);
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
