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
import { carriedMarker, printedLines } from './printed.js';

// The printed text lives in printed.ts; re-exported for the callers of the citation.
export { carriedMarker, opensWithFirstClause, printedLines, printedMarker, unitOwnLines, unitText } from './printed.js';

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

/**
 * The innermost attachment that has its own title (the regulation a notice
 * issues): its index in the unit's chain, or -1. An official cites such a
 * unit by that title, not by the covering notice.
 */
function issuedTextAt(chain: Unit[]): number {
  for (let i = chain.length - 1; i >= 0; i--) if (chain[i].level === 'appendix' && (chain[i].heading ?? '').trim() !== '') return i;
  return -1;
}

/**
 * `《标题》（文号）locator` without pages. A unit inside an attachment with its
 * own title is cited by that title, its place within it, and the covering
 * notice's 文号 as the source: `《上海市建筑工程施工许可管理规定》第十一条第二款（沪住建规范〔2023〕2号印发）`.
 */
export function citationHead(doc: Pick<DocSummary, 'title' | 'docNumber'>, unit: Unit | null, ancestors: Unit[] = []): string {
  const num = doc.docNumber ? `（${doc.docNumber}）` : '';
  if (!unit) return `${citedTitle(doc.title)}${num}`;
  const chain = [...ancestors, unit];
  const at = issuedTextAt(chain);
  if (at < 0) return `${citedTitle(doc.title)}${num}${locator(unit, ancestors)}`;
  const inside = at === chain.length - 1 ? '' : locator(unit, chain.slice(at + 1, -1));
  return `${citedTitle(chain[at].heading!)}${inside}${doc.docNumber ? `（${doc.docNumber}印发）` : ''}`;
}

/** `citationHead` followed by the pages: `《标题》（文号）第十条（第3页）`; without a unit, the document itself. */
export function citationLine(doc: Pick<DocSummary, 'title' | 'docNumber'>, unit: Unit | null, ancestors: Unit[] = []): string {
  const head = citationHead(doc, unit, ancestors);
  return unit ? `${head}${formatPages(unit.pages)}` : head;
}

export function citationText(doc: Pick<DocSummary, 'title' | 'docNumber'>, unit: Unit, ancestors: Unit[]): string {
  const parent = ancestors[ancestors.length - 1];
  return `${citationLine(doc, unit, ancestors)}\n${printedLines(unit, carriedMarker(unit, parent))
    .flatMap((b) => b.lines)
    .join('\n')}`;
}
