/**
 * Bigram positions, built after the postings (either builder: they come from the text and the term table, not
 * from the builder): for every bigram term, for each unit of its posting list, the offsets in the unit's
 * normalised text where it starts. With them a phrase is verified, and its occurrences counted, from the
 * positions of its bigrams alone (dictionary.ts), where before every candidate's text was read: 国务院 at
 * 10,007 documents read 38 M characters of text, nearly every text shard, on its first search.
 *
 * Two passes over the text write the encoding straight into one byte buffer, with no array of occurrences
 * (33 M at 10,007 documents, 130 MB): the first adds up each term's encoded length, the second writes each
 * term's part at its place. Units are visited in order, so each term's units come out in the order of its
 * posting list. Within a unit a term's count comes before its places, so each unit is read twice: its counts,
 * then its places.
 */
import { BigramTable } from './bigram-table.js';
import { putVlq, vlqLength } from './codec.js';
import type { SearchCorpus } from './corpus-units.js';
import type { TermPostings } from './term-postings.js';
import { normalizeUnitText } from './tokenizer.js';

const NL = 10;

export interface EncodedPositions {
  /** Per bigram term (bigram term ids from `uni.length`): the length of its string in `bytes`. */
  lens: Int32Array;
  /** The terms' strings back to back, ASCII (format.ts, SerializedPositions). */
  bytes: Uint8Array;
}

export function bigramPositions(corpus: SearchCorpus, postings: Pick<TermPostings, 'bi'>): EncodedPositions {
  const nBi = postings.bi.length / 2;
  // Bigram key → its rank among the bigrams (term id − number of unigrams), kept in the table's `count`.
  const rank = new BigramTable(Math.max(16, 2 * nBi));
  for (let r = 0; r < nBi; r++) rank.count[rank.slot(((postings.bi.charCodeAt(2 * r) << 16) | postings.bi.charCodeAt(2 * r + 1)) | 0)] = r;
  const termOf = (c: number, d: number) => rank.count[rank.find((c << 16) | d)];

  // Per term, within the unit being read: the unit (mark), its count there, its last place there.
  const mark = new Int32Array(nBi).fill(-1);
  const count = new Int32Array(nBi);
  const last = new Int32Array(nBi);
  const seen = new Int32Array(nBi);
  /** The unit's terms (into `seen`, how many returned) with their counts; `last` reset for the places. */
  const countUnit = (u: number, norm: string): number => {
    let n = 0;
    forEachBigram(norm, (c, d) => {
      const r = termOf(c, d);
      if (mark[r] !== u) {
        mark[r] = u;
        count[r] = 0;
        seen[n++] = r;
      }
      count[r]++;
      last[r] = -1;
    });
    return n;
  };

  const lens = new Int32Array(nBi);
  const n = corpus.units.length;
  for (let u = 0; u < n; u++) {
    const norm = normalizeUnitText(corpus.units[u].text).norm;
    const terms = countUnit(u, norm);
    for (let i = 0; i < terms; i++) lens[seen[i]] += vlqLength(count[seen[i]] - 1);
    forEachBigram(norm, (c, d, k) => {
      const r = termOf(c, d);
      lens[r] += vlqLength(k - last[r] - 1);
      last[r] = k;
    });
  }

  // Where each term's part is written next.
  const at = new Int32Array(nBi);
  for (let r = 1; r < nBi; r++) at[r] = at[r - 1] + lens[r - 1];
  const bytes = new Uint8Array(nBi ? at[nBi - 1] + lens[nBi - 1] : 0);
  mark.fill(-1);
  for (let u = 0; u < n; u++) {
    const norm = normalizeUnitText(corpus.units[u].text).norm;
    const terms = countUnit(u, norm);
    for (let i = 0; i < terms; i++) at[seen[i]] = putVlq(bytes, at[seen[i]], count[seen[i]] - 1);
    forEachBigram(norm, (c, d, k) => {
      const r = termOf(c, d);
      at[r] = putVlq(bytes, at[r], k - last[r] - 1);
      last[r] = k;
    });
  }
  return { lens, bytes };
}

/** Each bigram of normalised text (never across a '\n') with the offset it starts at. */
function forEachBigram(norm: string, f: (c: number, d: number, k: number) => void): void {
  for (let k = 0; k + 1 < norm.length; k++) {
    const c = norm.charCodeAt(k);
    const d = norm.charCodeAt(k + 1);
    if (c !== NL && d !== NL) f(c, d, k);
  }
}
