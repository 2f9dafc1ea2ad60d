/**
 * Citations for copied clauses: `《标题》（文号）第十条（第3页）` followed by the text.
 * Articles are numbered through the whole regulation, so chapters/sections are
 * left out of the locator once an article is present; outline markers (一、（二）)
 * repeat under each parent and must keep the parent to be unambiguous.
 */
import type { DocSummary, Unit } from '../../core/corpus/types';
import { unitText } from './units';

export function locator(unit: Unit, ancestors: Unit[]): string {
  const chain = [...ancestors, unit];
  const articleAt = chain.findIndex((u) => u.level === 'article');
  return (articleAt >= 0 ? chain.slice(articleAt) : chain)
    .map((u) => u.label.trim().replace(/[、．.]$/, ''))
    .join('');
}

export function formatPages(pages: number[]): string {
  if (!pages.length) return '';
  const lo = Math.min(...pages);
  const hi = Math.max(...pages);
  return lo === hi ? `（第${lo}页）` : `（第${lo}–${hi}页）`;
}

export function citationLine(doc: Pick<DocSummary, 'title' | 'docNumber'>, unit: Unit, ancestors: Unit[]): string {
  const num = doc.docNumber ? `（${doc.docNumber}）` : '';
  return `《${doc.title}》${num}${locator(unit, ancestors)}${formatPages(unit.pages)}`;
}

export function citationText(doc: Pick<DocSummary, 'title' | 'docNumber'>, unit: Unit, ancestors: Unit[]): string {
  return `${citationLine(doc, unit, ancestors)}\n${unitText(unit)}`;
}
