/**
 * Bigram positions, built after the postings from every unit's bigrams as term ids (`UnitBigrams`: the counting
 * build writes them as it goes, `unitBigramsOf` reads them from the text for lunr's): for every bigram term, for each unit of its posting list, the offsets in the unit's
 * normalised text where it starts. With them a phrase is verified, and its occurrences counted, from the
 * positions of its bigrams alone (dictionary.ts), where before every candidate's text was read: 国务院 at
 * 10,007 documents read 38 M characters of text, nearly every text shard, on its first search.
 *
 * Two passes over the term ids write the encoding straight into one byte buffer, with no array of occurrences
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

/**
 * Every unit's bigrams as term ids: the bigram starting at offset k of unit u's normalised text is
 * `ids[start(u) + k]`, where units start one after another (`unitLens`, their normalised lengths); −1 where
 * no bigram starts (at a '\n', before one, at a unit's last character). Ids are ranks among the bigrams
 * (term id − number of unigrams).
 */
export interface UnitBigrams {
  ids: Int32Array;
  unitLens: Int32Array;
}

/** The same read from the text, for a postings build that does not give them (lunr's, the reference). */
export function unitBigramsOf(corpus: SearchCorpus, postings: Pick<TermPostings, 'bi'>): UnitBigrams {
  const nBi = postings.bi.length / 2;
  // Bigram key → its rank among the bigrams, kept in the table's `count`.
  const rank = new BigramTable(Math.max(16, 2 * nBi));
  for (let r = 0; r < nBi; r++) rank.count[rank.slot(((postings.bi.charCodeAt(2 * r) << 16) | postings.bi.charCodeAt(2 * r + 1)) | 0)] = r;
  const norms = corpus.units.map((u) => normalizeUnitText(u.text).norm);
  const unitLens = Int32Array.from(norms, (x) => x.length);
  const ids = new Int32Array(unitLens.reduce((a, b) => a + b, 0)).fill(-1);
  let base = 0;
  for (const norm of norms) {
    for (let k = 0; k + 1 < norm.length; k++) {
      const c = norm.charCodeAt(k);
      const d = norm.charCodeAt(k + 1);
      if (c !== NL && d !== NL) ids[base + k] = rank.count[rank.find((c << 16) | d)];
    }
    base += norm.length;
  }
  return { ids, unitLens };
}

export function bigramPositions(bigrams: UnitBigrams, nBi: number): EncodedPositions {
  const { ids, unitLens } = bigrams;
  // Per term, within the unit being read: the unit (mark), its count there, its last place there.
  const mark = new Int32Array(nBi).fill(-1);
  const count = new Int32Array(nBi);
  const last = new Int32Array(nBi);
  const seen = new Int32Array(nBi);
  /** Unit u (from `from` to `to` in `ids`): its distinct terms into `seen` (returned: how many), with their counts. */
  const countUnit = (u: number, from: number, to: number): number => {
    let terms = 0;
    for (let x = from; x < to; x++) {
      const r = ids[x];
      if (r < 0) continue;
      if (mark[r] !== u) {
        mark[r] = u;
        count[r] = 0;
        last[r] = -1;
        seen[terms++] = r;
      }
      count[r]++;
    }
    return terms;
  };

  const lens = new Int32Array(nBi);
  const n = unitLens.length;
  for (let u = 0, from = 0; u < n; from += unitLens[u], u++) {
    const to = from + unitLens[u];
    const terms = countUnit(u, from, to);
    for (let i = 0; i < terms; i++) lens[seen[i]] += vlqLength(count[seen[i]] - 1);
    for (let x = from; x < to; x++) {
      const r = ids[x];
      if (r < 0) continue;
      lens[r] += vlqLength(x - from - last[r] - 1);
      last[r] = x - from;
    }
  }

  // Where each term's part is written next.
  const at = new Int32Array(nBi);
  for (let r = 1; r < nBi; r++) at[r] = at[r - 1] + lens[r - 1];
  const bytes = new Uint8Array(nBi ? at[nBi - 1] + lens[nBi - 1] : 0);
  mark.fill(-1);
  for (let u = 0, from = 0; u < n; from += unitLens[u], u++) {
    const to = from + unitLens[u];
    const terms = countUnit(u, from, to);
    for (let i = 0; i < terms; i++) at[seen[i]] = putVlq(bytes, at[seen[i]], count[seen[i]] - 1);
    for (let x = from; x < to; x++) {
      const r = ids[x];
      if (r < 0) continue;
      at[r] = putVlq(bytes, at[r], x - from - last[r] - 1);
      last[r] = x - from;
    }
  }
  return { lens, bytes };
}
