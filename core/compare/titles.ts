/**
 * Title evidence for revisions: what a document title says about being a
 * draft, and the "core" title once wrappers (关于印发《…》的通知, 关于公开征求
 * 《…》意见的公告), years and version marks are removed, so a draft and its
 * adopted text, or two yearly versions, can be recognised as one document.
 */
import { fold } from '../text/normalize.js';

/** Marks of a text that is not yet adopted. */
const DRAFT_MARK = /征求意见稿|草案|送审稿|讨论稿|修订稿|代拟稿|意见征求稿/;

export function isDraftTitle(title: string): boolean {
  return DRAFT_MARK.test(title);
}

export function coreTitle(title: string): string {
  let t = fold(title);
  // The document a notice issues, forwards or asks comments on is what the title is about.
  const inner = /《([^》]+)》/.exec(t);
  if (inner && /印发|转发|发布|征求|公布/.test(t)) t = inner[1];
  else {
    const issued = /(?:印发|转发)(.+?)的通知$/.exec(t);
    if (issued) t = issued[1];
  }
  return t
    .replace(/[(（[][^)）\]]*(征求意见稿|草案|送审稿|讨论稿|试行|暂行|版|\d{4})[^)）\]]*[)）\]]/g, '')
    .replace(/\d{4}\s*[-—–~]\s*\d{4}年?|\d{4}年度?|\d{4}版/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A string's character bigrams with their counts (bigramDice's input). */
export function titleGrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
  return m;
}

/** Character-bigram Dice similarity of two short strings (titles). */
export function bigramDice(a: string, b: string): number {
  return gramsDice(titleGrams(a), titleGrams(b));
}

/** bigramDice of two strings' bigrams (titleGrams): a string compared with many is split once. */
export function gramsDice(ga: Map<string, number>, gb: Map<string, number>): number {
  let shared = 0;
  let total = 0;
  for (const [g, n] of ga) {
    shared += Math.min(n, gb.get(g) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  return total ? (2 * shared) / total : 0;
}
