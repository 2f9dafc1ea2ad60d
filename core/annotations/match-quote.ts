/**
 * The scored matcher behind re-anchoring, after Hypothesis's anchoring
 * (match-quote): how well a candidate place in the text matches a stored
 * quote, its prefix and suffix and its old position, as one number from 0 to
 * 1. Pure functions on folded text; anchor.ts decides what to do with them.
 */
import approxSearch from 'approx-string-match';
import { fold } from '../text/normalize.js';
import type { TextQuoteSelector } from './model.js';

/** Length of the common tail of a and b. */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** 0…1: how well the text around [start, end) agrees with the stored prefix and suffix. */
export function contextScore(text: string, start: number, end: number, quote: TextQuoteSelector): number {
  const prefix = fold(quote.prefix);
  const suffix = fold(quote.suffix);
  const total = prefix.length + suffix.length;
  if (total === 0) return 1;
  const before = text.slice(Math.max(0, start - prefix.length), start);
  const after = text.slice(end, end + suffix.length);
  return (commonSuffix(prefix, before) + commonPrefix(suffix, after)) / total;
}

/** Max edit distance for a quote of this length: a quarter of it, at least 1, at most 64. */
export function maxErrorsFor(length: number): number {
  return Math.max(1, Math.min(64, Math.floor(length / 4)));
}

/**
 * The weights of a match, after Hypothesis's anchoring (match-quote): the quote
 * dominates, prefix and suffix separate look-alike passages, the position only
 * breaks ties. The score is normalised to 0–1.
 */
const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const WEIGHT_SUM = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;

/**
 * Below this a match is not taken: the annotation becomes an orphan
 * (未能定位) rather than landing on other words. A quote with a quarter of its
 * characters changed still clears it when both sides of its context agree
 * (about 0.86); the same quote whose context is gone does not (about 0.45),
 * nor does an exact short quote found in unrelated surroundings (about 0.57).
 */
export const MIN_MATCH_SCORE = 0.75;

/** 1 − edit distance / length of `want` against the best match inside `window` (Hypothesis's textMatchScore). */
function similarity(window: string, want: string): number {
  if (!want) return 1;
  const best = approxSearch(window, want, want.length).reduce((min, m) => Math.min(min, m.errors), want.length);
  return 1 - best / want.length;
}

/**
 * 0–1: how well the candidate [start, end) of `text` (with `errors` edits from
 * the quote) matches the annotation's quote, prefix, suffix and old position
 * `near`. An empty prefix (or suffix) means the quote began (or ended) its
 * clause: it agrees only with a candidate at a clause boundary ('\n' in the
 * document text, or the text's end).
 */
export function matchScore(text: string, start: number, end: number, errors: number, quote: TextQuoteSelector, near: number): number {
  const exact = fold(quote.exact);
  const prefix = fold(quote.prefix);
  const suffix = fold(quote.suffix);
  const quoteScore = Math.max(0, 1 - errors / Math.max(1, exact.length));
  const prefixScore = prefix ? similarity(text.slice(Math.max(0, start - prefix.length), start), prefix) : start === 0 || text[start - 1] === '\n' ? 1 : 0;
  const suffixScore = suffix ? similarity(text.slice(end, end + suffix.length), suffix) : end === text.length || text[end] === '\n' ? 1 : 0;
  const positionScore = 1 - Math.min(1, Math.abs(start - near) / Math.max(1, text.length));
  return (WEIGHTS.quote * quoteScore + WEIGHTS.prefix * prefixScore + WEIGHTS.suffix * suffixScore + WEIGHTS.position * positionScore) / WEIGHT_SUM;
}
