/**
 * CJK-aware tokenisation for the search index.
 *
 * Text is first normalised with core/text/normalize (width/case folding and
 * dropping stray spaces next to CJK), line by line, so that a paragraph break
 * ('\n') is never bridged. Index terms are then every single code unit plus
 * every overlapping pair of code units (bigram) of the normalised text; Latin
 * and digit runs (LPR, AEO, 12345, 2023) are kept as they are, because every
 * character is indexed. Any substring of length ≥ 2 of the normalised text
 * has all of its bigrams in the unit's term set, which is what makes
 * candidate generation lossless (recall 1.0 after verification).
 */
import { fold, isCjk } from '../text/normalize.js';

export interface NormalizedUnitText {
  /** Normalised text; lines separated by '\n'. */
  norm: string;
  /** norm offset → display offset (norm.length + 1 entries); null when the identity. */
  map: Int32Array | null;
}

/** White space other than the '\n' line separator. */
const WS = /[^\S\n]/;

/** Normalise display text that may contain '\n' line breaks (kept as hard separators). */
export function normalizeUnitText(text: string): NormalizedUnitText {
  if (!WS.test(text)) {
    // Fast path: no white space to drop, fold is length-preserving.
    return { norm: fold(text), map: null };
  }
  const lines = text.split('\n');
  let norm = '';
  const map: number[] = [];
  let base = 0;
  for (let li = 0; li < lines.length; li++) {
    if (li > 0) {
      norm += '\n';
      map.push(base - 1);
    }
    const n = normalizeLine(lines[li]);
    norm += n.text;
    for (let i = 0; i < n.text.length; i++) map.push(base + n.map[i]);
    base += lines[li].length + 1;
  }
  map.push(text.length);
  return { norm, map: Int32Array.from(map) };
}

/**
 * `normalizeUnitText` of each text, the same results. Without white space in them (document titles, as a rule)
 * each is its folded text, and all are folded with one native call over them joined: a call or three per text
 * was most of making the search engine's document records (10,000 titles) before a fresh tab's first search.
 */
export function normalizeAll(texts: readonly string[]): NormalizedUnitText[] {
  const joined = texts.join('\n');
  const folded = fold(joined).split('\n');
  // A text holding '\n' itself splits into more pieces than there are texts: each on its own then.
  if (folded.length !== texts.length) return texts.map(normalizeUnitText);
  const spaced = WS.test(joined);
  const out: NormalizedUnitText[] = [];
  for (let i = 0; i < texts.length; i++) out.push(spaced && WS.test(texts[i]) ? normalizeUnitText(texts[i]) : { norm: folded[i], map: null });
  return out;
}

/**
 * `normalizeWithMap` from core/text/normalize, computed segment-wise (one
 * regex scan for white-space runs, native folding in between) instead of
 * character by character; same text and map (normalize-equivalence test in
 * tokenizer.test.ts). Index load normalises every unit, so this is on the
 * load-time budget.
 */
export function normalizeLine(line: string): { text: string; map: number[] } {
  const folded = fold(line);
  let text = '';
  const map: number[] = [];
  const re = /\s+/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(folded))) {
    const i = m.index;
    const j = i + m[0].length;
    text += folded.slice(last, i);
    for (let k = last; k < i; k++) map.push(k);
    if (text.length > 0 && j < folded.length && !isCjk(line[i - 1]) && !isCjk(line[j])) {
      text += ' ';
      map.push(i);
    }
    last = j;
  }
  text += folded.slice(last);
  for (let k = last; k < folded.length; k++) map.push(k);
  map.push(folded.length);
  return { text, map };
}

/** Map a [start, end) range of normalised text to display text. */
export function toDisplayRange(map: Int32Array | null, start: number, end: number): [number, number] {
  if (!map) return [start, end];
  if (end <= start) return [map[start], map[start]];
  return [map[start], map[end - 1] + 1];
}

/** Index terms of normalised text: unigrams and bigrams, never across '\n'. Unique, unordered. */
export function indexTerms(norm: string): string[] {
  const seen = new Set<string>();
  for (let i = 0; i < norm.length; i++) {
    const c = norm[i];
    if (c === '\n') continue;
    seen.add(c);
    const d = norm[i + 1];
    if (d !== undefined && d !== '\n') seen.add(c + d);
  }
  return [...seen];
}

/** The terms that a normalised phrase requires: its bigrams (or the character itself). */
export function phraseTerms(phrase: string): string[] {
  if (phrase.length === 1) return [phrase];
  const seen = new Set<string>();
  for (let i = 0; i + 1 < phrase.length; i++) seen.add(phrase.slice(i, i + 2));
  return [...seen];
}
