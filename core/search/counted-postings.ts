/**
 * The postings build: every unigram and overlapping bigram of each unit's normalised text (never across a
 * '\n') → the units it occurs in, in two passes over the units and no object per term or posting. Pass 1
 * counts, per term, the units it occurs in (unigrams in arrays indexed by code unit, bigrams in a
 * BigramTable); prefix sums of those counts in term order give each term's place in one Int32Array;
 * pass 2 writes each unit into the places of its terms. Units are visited in order, so every list comes
 * out ascending. A unit counts once per term: `mark` holds the last unit a term was seen in.
 */
import { BigramTable } from './bigram-table.js';
import type { SearchCorpus } from './corpus-units.js';
import type { TermPostings } from './term-postings.js';
import { normalizeUnitText } from './tokenizer.js';

const NL = 10;

/** Every unit's normalised text (tokenizer.ts), in unit order. */
export function normalisedTexts(corpus: SearchCorpus): string[] {
  return corpus.units.map((u) => normalizeUnitText(u.text).norm);
}

/** Code units to a string, in slices (fromCharCode takes its arguments on the stack). */
function fromCodes(codes: ArrayLike<number>): string {
  const parts: string[] = [];
  for (let i = 0; i < codes.length; i += 8192) parts.push(String.fromCharCode(...Array.prototype.slice.call(codes, i, i + 8192)));
  return parts.join('');
}

/** `norms`: each unit's normalised text, when the caller has them (the build normalises each unit once, for this and the positions). */
export function countedPostings(corpus: SearchCorpus, norms: string[] = normalisedTexts(corpus)): TermPostings {
  const n = corpus.units.length;
  const unitLens = new Int32Array(n);
  let normChars = 0;
  const uniCount = new Int32Array(65536);
  const uniMark = new Int32Array(65536).fill(-1);
  const bigrams = new BigramTable();

  for (let u = 0; u < n; u++) {
    const norm = norms[u];
    unitLens[u] = norm.length;
    normChars += norm.length;
    for (let k = 0; k < norm.length; k++) {
      const c = norm.charCodeAt(k);
      if (c === NL) continue;
      if (uniMark[c] !== u) {
        uniMark[c] = u;
        uniCount[c]++;
      }
      const d = k + 1 < norm.length ? norm.charCodeAt(k + 1) : NL;
      if (d === NL) continue;
      const s = bigrams.slot((c << 16) | d);
      if (bigrams.mark[s] !== u) {
        bigrams.mark[s] = u;
        bigrams.count[s]++;
      }
    }
  }

  // Term ids: unigrams by code unit, then bigrams by c · 65536 + d (the order of the two-character strings).
  const uniCodes: number[] = [];
  for (let c = 0; c < 65536; c++) if (uniCount[c]) uniCodes.push(c);
  const biKeys = bigrams.sortedKeys();
  const df = new Int32Array(uniCodes.length + biKeys.length);
  // From here `uniCount` and `bigrams.count` hold each term's next write position in `refs`.
  let at = 0;
  uniCodes.forEach((c, id) => {
    df[id] = uniCount[c];
    uniCount[c] = at;
    at += df[id];
  });
  const biCodes = new Uint16Array(2 * biKeys.length);
  for (let r = 0; r < biKeys.length; r++) {
    const s = bigrams.find(biKeys[r] | 0);
    const id = uniCodes.length + r;
    df[id] = bigrams.count[s];
    bigrams.count[s] = at;
    at += df[id];
    biCodes[2 * r] = biKeys[r] >>> 16;
    biCodes[2 * r + 1] = biKeys[r] & 0xffff;
  }

  const refs = new Int32Array(at);
  uniMark.fill(-1);
  bigrams.mark.fill(-1);
  for (let u = 0; u < n; u++) {
    const norm = norms[u];
    for (let k = 0; k < norm.length; k++) {
      const c = norm.charCodeAt(k);
      if (c === NL) continue;
      if (uniMark[c] !== u) {
        uniMark[c] = u;
        refs[uniCount[c]++] = u;
      }
      const d = k + 1 < norm.length ? norm.charCodeAt(k + 1) : NL;
      if (d === NL) continue;
      const s = bigrams.find((c << 16) | d);
      if (bigrams.mark[s] !== u) {
        bigrams.mark[s] = u;
        refs[bigrams.count[s]++] = u;
      }
    }
  }
  return { uni: fromCodes(uniCodes), bi: fromCodes(biCodes), df, refs, unitLens, normChars };
}
