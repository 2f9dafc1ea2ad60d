/**
 * Exact citations: `《标题》（文号）第十条（第3页）` followed by the clause's
 * text as the source prints it. Shared by 复制引用 in the reader and the export.
 *
 * - Articles are numbered through the whole regulation, so chapters and
 *   sections are left out once an article is present (第五条（二）); an
 *   attachment (附件) before the article is kept, since a notice and the
 *   regulation it issues both have a 第十条.
 * - Outline markers (一、（二）1.) repeat under each parent, so the whole
 *   path is given, each marker as itself, separated by ` · `
 *   (附件 · 二、·（十三）· 26.): run together as 二（十三）26 the numbers
 *   read as one.
 * - A title that itself contains 《》 nests them as 〈〉 inside the outer 《》.
 * - The quoted text keeps the source's own markers (26、, not the normalised
 *   26.) and never invents one (第一款 is a label, not printed text).
 */
import type { DocSummary, Unit, UnitLevel } from '../corpus/types.js';

/** Levels whose markers run together in a citation: 第二章第三节, 第五条第二款（一）. */
const STATUTE_LEVELS: ReadonlySet<UnitLevel> = new Set(['part', 'subpart', 'chapter', 'section', 'article', 'clause', 'item']);

export interface UnitRef {
  unit: Unit;
  /** Ancestors, outermost first. */
  ancestors: Unit[];
}

/** Finds a unit by id with its ancestors. */
export function findUnit(units: Unit[], unitId: string): UnitRef | null {
  const walk = (list: Unit[], ancestors: Unit[]): UnitRef | null => {
    for (const unit of list) {
      if (unit.id === unitId) return { unit, ancestors };
      const hit = walk(unit.children, [...ancestors, unit]);
      if (hit) return hit;
    }
    return null;
  };
  return walk(units, []);
}

/** `《…》` with inner title marks turned into 〈〉. */
export function citedTitle(title: string): string {
  const inner = title.trim().replace(/《/g, '〈').replace(/》/g, '〉');
  return `《${inner}》`;
}

/** The marker as printed in the source; '' for a label the source does not print (款). */
export function printedMarker(u: Unit): string {
  if (u.level === 'clause') return '';
  return u.printedLabel ?? u.label;
}

function joinLocator(parts: { text: string; statute: boolean }[]): string {
  let out = '';
  parts.forEach((p, i) => {
    if (i > 0) out += p.statute && parts[i - 1].statute ? '' : ' · ';
    out += p.text;
  });
  // Full-width punctuation already spaces itself: 二、·（十三）· 26.
  return out.replace(/([、）〉》])\s·/g, '$1·').replace(/·\s([（〈《])/g, '·$1');
}

/** Where the unit is inside its document: 第十条, 第五条（二）, 附件 · 二、·（十三）· 26. */
export function locator(unit: Unit, ancestors: Unit[]): string {
  const chain = [...ancestors, unit].filter((u) => u.label.trim() !== '');
  const articleAt = chain.findIndex((u) => u.level === 'article');
  const kept = articleAt >= 0 ? [...chain.slice(0, articleAt).filter((u) => u.level === 'appendix'), ...chain.slice(articleAt)] : chain;
  return joinLocator(kept.map((u) => ({ text: u.label.trim(), statute: STATUTE_LEVELS.has(u.level) })));
}

export function formatPages(pages: number[]): string {
  if (!pages.length) return '';
  const lo = Math.min(...pages);
  const hi = Math.max(...pages);
  return lo === hi ? `（第${lo}页）` : `（第${lo}–${hi}页）`;
}

/** `《标题》（文号）locator（第N页）`; without a unit, the document itself. */
export function citationLine(doc: Pick<DocSummary, 'title' | 'docNumber'>, unit: Unit | null, ancestors: Unit[] = []): string {
  const num = doc.docNumber ? `（${doc.docNumber}）` : '';
  if (!unit) return `${citedTitle(doc.title)}${num}`;
  return `${citedTitle(doc.title)}${num}${locator(unit, ancestors)}${formatPages(unit.pages)}`;
}

/** A heading line as printed: 一、总体要求, （一）工作目标, 第一章 总则. */
function headingLine(u: Unit): string {
  const marker = printedMarker(u);
  if (!u.heading) return marker;
  if (!marker) return u.heading;
  return /[、）).．:：]$/.test(marker) ? `${marker}${u.heading}` : `${marker} ${u.heading}`;
}

/** The unit's own paragraphs, the first one opened by its printed marker. */
export function unitOwnLines(u: Unit): string[] {
  const own = u.paragraphs.map((p) => p.text).filter((t) => t !== '');
  const marker = printedMarker(u);
  if (u.heading || (!own.length && marker)) return [headingLine(u), ...own];
  if (own.length && marker && !own[0].startsWith(marker)) own[0] = `${marker}${u.level === 'article' ? '　' : ''}${own[0]}`;
  return own;
}

/** The unit's text followed by its descendants', one paragraph a line, as the source prints it. */
export function unitText(u: Unit): string {
  const lines: string[] = [];
  const walk = (x: Unit) => {
    lines.push(...unitOwnLines(x));
    x.children.forEach(walk);
  };
  walk(u);
  return lines.join('\n');
}

export function citationText(doc: Pick<DocSummary, 'title' | 'docNumber'>, unit: Unit, ancestors: Unit[]): string {
  return `${citationLine(doc, unit, ancestors)}\n${unitText(unit)}`;
}
