/**
 * Search/comparison normalisation.
 *
 * The fold is deliberately length-preserving (one UTF-16 unit in, one out), so
 * an offset into the normalised form is the same offset into the display
 * text: highlight ranges computed on normalised text apply to the original
 * unchanged. `normalizeWithMap` exists for the one place where length does
 * change (queries and free input, where spaces next to CJK are dropped).
 */

const PUNCT_FOLD: Record<string, string> = {
  '\u3000': ' ', // ideographic space
  '\u201c': '"',
  '\u201d': '"',
  '\u2018': "'",
  '\u2019': "'",
  '\u3014': '[', // 〔 as in 文号 〔2023〕
  '\u3015': ']',
  '\u3010': '[', // 【
  '\u3011': ']',
  '\u2014': '-', // — (一 is never folded: it is a CJK numeral)
  '\u2013': '-',
  '\u00b7': '.', // ·
  '\u30fb': '.', // ・
  '\u00a0': ' ',
};

/** Fold one UTF-16 code unit: full-width ASCII to half-width, Latin to lower case. */
export function foldChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0xff01 && c <= 0xff5e) {
    const half = c - 0xfee0;
    return half >= 0x41 && half <= 0x5a ? String.fromCharCode(half + 32) : String.fromCharCode(half);
  }
  if (c >= 0x41 && c <= 0x5a) return String.fromCharCode(c + 32);
  return PUNCT_FOLD[ch] ?? ch;
}

/**
 * The code units `foldChar` changes, as a character class of their ranges, so that folding a whole text is one
 * native regex scan with a callback only where something changes: most Chinese text has few such characters,
 * and folding one unit at a time was several seconds of a 10,000-document build (copies' keys, clause wordings).
 * Written out, not derived from `foldChar` when the module loads: deriving it called foldChar on all 65,536 code
 * units, 60 ms of the search worker's start in Node and more in a fresh tab. module-load.test.ts checks the two
 * agree on every code unit; change both together.
 */
const FOLD_RE = /[\u0041-\u005a\u00a0\u00b7\u2013-\u2014\u2018-\u2019\u201c-\u201d\u3000\u3010-\u3011\u3014-\u3015\u30fb\uff01-\uff5e]/g;

/** Length-preserving fold of a whole string, `foldChar` on each code unit: `fold(s).length === s.length`. */
export function fold(s: string): string {
  return s.replace(FOLD_RE, foldChar);
}

/** True for CJK ideographs and CJK punctuation (where spaces are never meaningful). */
export function isCjk(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (
    (c >= 0x3400 && c <= 0x9fff) || // CJK Ext A + Unified
    (c >= 0xf900 && c <= 0xfaff) || // compatibility ideographs
    (c >= 0x3000 && c <= 0x303f) || // CJK symbols and punctuation
    (c >= 0xff01 && c <= 0xff0f) || // full-width ！＂＃…／ (only when unfolded)
    (c >= 0xff1a && c <= 0xff20) ||
    c === 0x201c ||
    c === 0x201d ||
    c === 0x2018 ||
    c === 0x2019 ||
    // Either half of a surrogate pair (Ext B+ ideographs): the character before a space is its trail half.
    (c >= 0xd800 && c <= 0xdfff)
  );
}

export interface NormalizedText {
  /** The normalised text. */
  text: string;
  /** `map[i]` is the offset in the input of normalised character i; map has text.length + 1 entries. */
  map: number[];
}

/**
 * Normalise free text (a query, a pasted passage): fold, collapse runs of
 * white space to one space, and drop white space that touches a CJK
 * character, because PDF extraction puts stray spaces there (`2023 年`).
 */
export function normalizeWithMap(input: string): NormalizedText {
  const folded = fold(input);
  let text = '';
  const map: number[] = [];
  let i = 0;
  while (i < folded.length) {
    const ch = folded[i];
    if (/\s/.test(ch)) {
      let j = i;
      while (j < folded.length && /\s/.test(folded[j])) j++;
      const before = text.length ? text[text.length - 1] : '';
      const after = j < folded.length ? folded[j] : '';
      const keep = before !== '' && after !== '' && !isCjk(input[i - 1]) && !isCjk(input[j]);
      if (keep) {
        text += ' ';
        map.push(i);
      }
      i = j;
      continue;
    }
    text += ch;
    map.push(i);
    i++;
  }
  map.push(folded.length);
  return { text, map };
}

/** Normalised text only. */
export function normalize(input: string): string {
  return normalizeWithMap(input).text;
}

/** Map a [start, end) range in normalised text back to the input. */
export function toOriginalRange(n: NormalizedText, start: number, end: number): [number, number] {
  const s = n.map[Math.max(0, Math.min(start, n.map.length - 1))];
  // end is exclusive: take the character before it and step past it.
  const e = end <= start ? s : n.map[Math.min(end - 1, n.map.length - 2)] + 1;
  return [s, e];
}
