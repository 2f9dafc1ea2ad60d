/**
 * Query highlighting for the reading view. Matching runs on the length-preserving
 * fold of core/text/normalize, so offsets found there apply to the display text.
 * Deliberately simple (literal terms, split on spaces); search may replace it
 * with ranges from its own index.
 */
import { fold, normalize } from '../../core/text/normalize';

export function queryTerms(query: string): string[] {
  const terms = query
    .split(/[\s\u3000]+/)
    .map((t) => normalize(t))
    .filter((t) => t.length > 0);
  // Longest first so that overlapping terms mark the longer match.
  return [...new Set(terms)].sort((a, b) => b.length - a.length);
}

/** Sorted, non-overlapping [start, end) ranges of `text` that match any term. */
export function highlightRanges(text: string, terms: string[]): [number, number][] {
  if (!terms.length || !text) return [];
  const hay = fold(text);
  const ranges: [number, number][] = [];
  for (const t of terms) {
    let at = hay.indexOf(t);
    while (at >= 0) {
      const end = at + t.length;
      if (!ranges.some(([s, e]) => at < e && end > s)) ranges.push([at, end]);
      at = hay.indexOf(t, end);
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}
