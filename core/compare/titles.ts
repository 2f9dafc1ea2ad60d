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

/**
 * A string's character bigrams (two UTF-16 code units each, as one 32-bit number), sorted, repeats kept: a title's
 * bigrams read once for many comparisons (gramsDice) in about 100 bytes, where a map of them took a kilobyte.
 */
export function titleGrams(s: string): Uint32Array {
  const out = new Uint32Array(Math.max(0, s.length - 1));
  for (let i = 0; i + 1 < s.length; i++) out[i] = ((s.charCodeAt(i) << 16) | s.charCodeAt(i + 1)) >>> 0;
  return out.sort();
}

/** Character-bigram Dice similarity of two short strings (titles): twice the bigrams they share (with repeats) over all. */
export function bigramDice(a: string, b: string): number {
  return gramsDice(titleGrams(a), titleGrams(b));
}

/** bigramDice of two strings' bigrams (titleGrams), walked together in order. */
export function gramsDice(ga: Uint32Array, gb: Uint32Array): number {
  let shared = 0;
  for (let i = 0, j = 0; i < ga.length && j < gb.length; ) {
    if (ga[i] < gb[j]) i++;
    else if (ga[i] > gb[j]) j++;
    else {
      shared++;
      i++;
      j++;
    }
  }
  const total = ga.length + gb.length;
  return total ? (2 * shared) / total : 0;
}
