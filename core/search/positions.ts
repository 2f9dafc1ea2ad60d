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
import { normalisedTexts } from './counted-postings.js';

const NL = 10;

export interface EncodedPositions {
  /** Per bigram term (bigram term ids from `uni.length`): the length of its string in `bytes`. */
  lens: Int32Array;
  /** The terms' strings back to back, ASCII (format.ts, SerializedPositions). */
  bytes: Uint8Array;
}

/** `norms`: each unit's normalised text (normalisedTexts), when the caller has them. */
export function bigramPositions(corpus: SearchCorpus, postings: Pick<TermPostings, 'bi'>, norms: string[] = normalisedTexts(corpus)): EncodedPositions {
  const nBi = postings.bi.length / 2;
  // Bigram key → its rank among the bigrams (term id − number of unigrams), kept in the table's `count`.
  const rank = new BigramTable(Math.max(16, 2 * nBi));
  for (let r = 0; r < nBi; r++) rank.count[rank.slot(((postings.bi.charCodeAt(2 * r) << 16) | postings.bi.charCodeAt(2 * r + 1)) | 0)] = r;

  // Per term, within the unit being read: the unit (mark), its count there, its last place there.
  const mark = new Int32Array(nBi).fill(-1);
  const count = new Int32Array(nBi);
  const last = new Int32Array(nBi);
  const seen = new Int32Array(nBi);
  // The unit's bigrams as term ids by the offset they start at (−1: a '\n' is in it), looked up once per pass and
  // unit: the lookup was most of this step's time when it was done for the counts and again for the places. The
  // ids are not kept across units: for the whole corpus they were 130 MB more at the build's peak.
  let ids = new Int32Array(1024);
  let places = 0;
  /** Reads unit u: its bigrams into `ids` (`places` of them), its distinct terms into `seen` (returned: how many) with their counts. */
  const readUnit = (u: number): number => {
    const norm = norms[u];
    places = Math.max(0, norm.length - 1);
    if (places > ids.length) ids = new Int32Array(2 * places);
    let terms = 0;
    for (let k = 0; k < places; k++) {
      const c = norm.charCodeAt(k);
      const d = norm.charCodeAt(k + 1);
      if (c === NL || d === NL) {
        ids[k] = -1;
        continue;
      }
      const r = rank.count[rank.find((c << 16) | d)];
      ids[k] = r;
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
  const n = corpus.units.length;
  for (let u = 0; u < n; u++) {
    const terms = readUnit(u);
    for (let i = 0; i < terms; i++) lens[seen[i]] += vlqLength(count[seen[i]] - 1);
    for (let k = 0; k < places; k++) {
      const r = ids[k];
      if (r < 0) continue;
      lens[r] += vlqLength(k - last[r] - 1);
      last[r] = k;
    }
  }

  // Where each term's part is written next.
  const at = new Int32Array(nBi);
  for (let r = 1; r < nBi; r++) at[r] = at[r - 1] + lens[r - 1];
  const bytes = new Uint8Array(nBi ? at[nBi - 1] + lens[nBi - 1] : 0);
  mark.fill(-1);
  for (let u = 0; u < n; u++) {
    const terms = readUnit(u);
    for (let i = 0; i < terms; i++) at[seen[i]] = putVlq(bytes, at[seen[i]], count[seen[i]] - 1);
    for (let k = 0; k < places; k++) {
      const r = ids[k];
      if (r < 0) continue;
      at[r] = putVlq(bytes, at[r], k - last[r] - 1);
      last[r] = k;
    }
  }
  return { lens, bytes };
}
