/**
 * The term dictionary over the serialised index: term → id by binary search
 * in the concatenated term strings (nothing to build at load), posting lists
 * read by shard and decoded per term when a phrase needs them (posting-store.ts),
 * and exact phrase matching (candidates from the rarest bigrams, each verified
 * against the unit text).
 */
import { decodeInts } from './codec.js';
import { intersect } from './postings.js';
import { SEARCH_INDEX_FILE, type SerializedIndex } from './format.js';
import { PostingStore } from './posting-store.js';
import { SearchIndexDamaged, type ShardReader } from './shard-reader.js';
import { phraseTerms } from './tokenizer.js';

export class TermDictionary {
  private readonly uni: string;
  private readonly bi: string;
  readonly df: Int32Array;
  /** The posting lists, by shard (read when a phrase needs them). */
  readonly postingStore: PostingStore;

  /**
   * `unitNorm(u)`: the normalised text of unit u, for verification; `need(units)` makes their texts available
   * first (see TextStore.require); `read` gives a posting shard's JSON (see PostingStore).
   */
  constructor(
    index: SerializedIndex,
    private readonly unitNorm: (u: number) => string,
    private readonly need: (units: Int32Array) => void = () => undefined,
    read?: ShardReader,
  ) {
    this.uni = index.uni;
    this.bi = index.bi;
    const nt = this.uni.length + this.bi.length / 2;
    this.df = new Int32Array(nt);
    decodeInts(index.df, 0, nt, this.df, false);
    const lens = new Int32Array(nt);
    decodeInts(index.lens, 0, nt, lens, false);
    const offsets = new Int32Array(nt + 1);
    for (let i = 0; i < nt; i++) offsets[i + 1] = offsets[i] + lens[i];
    const starts = index.postingShards;
    if (!Array.isArray(starts) || starts[0] !== 0 || starts[starts.length - 1] !== nt) throw new SearchIndexDamaged('search index does not match its posting shards', SEARCH_INDEX_FILE);
    this.postingStore = new PostingStore(starts, offsets, read);
  }

  /** Term id, -1 when the term occurs nowhere. */
  termId(term: string): number {
    if (term.length === 1) {
      const c = term.charCodeAt(0);
      const s = this.uni;
      let lo = 0;
      let hi = s.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const m = s.charCodeAt(mid);
        if (m === c) return mid;
        if (m < c) lo = mid + 1;
        else hi = mid - 1;
      }
      return -1;
    }
    const key = term.charCodeAt(0) * 65536 + term.charCodeAt(1);
    const s = this.bi;
    let lo = 0;
    let hi = s.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const m = s.charCodeAt(2 * mid) * 65536 + s.charCodeAt(2 * mid + 1);
      if (m === key) return this.uni.length + mid;
      if (m < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  postings(id: number): Int32Array {
    return this.postingStore.list(id, this.df[id]);
  }

  /** Upper bound of the number of units containing a phrase (0 = none). */
  estimate(phrase: string): number {
    let min = Infinity;
    for (const t of phraseTerms(phrase)) {
      const id = this.termId(t);
      if (id < 0) return 0;
      if (this.df[id] < min) min = this.df[id];
    }
    return min === Infinity ? 0 : min;
  }

  /** Units (sorted indexes) whose normalised text contains the normalised phrase. Exact. */
  matchPhrase(phrase: string): Int32Array {
    if (!phrase || phrase.includes('\n')) return new Int32Array(0);
    const ids: number[] = [];
    for (const t of phraseTerms(phrase)) {
      const id = this.termId(t);
      if (id < 0) return new Int32Array(0);
      ids.push(id);
    }
    ids.sort((a, b) => this.df[a] - this.df[b]);
    let cand = this.postings(ids[0]);
    if (phrase.length <= 2) return cand;
    // The further lists it may intersect, fetched together where shards arrive asynchronously (not one per restart).
    if (cand.length > 16) this.postingStore.require(ids.slice(1, 4));
    // Intersect with further rare lists while it pays (each list at most ~8× the candidates).
    for (let k = 1; k < ids.length && k < 4 && cand.length > 16; k++) {
      const next = this.postings(ids[k]);
      if (next.length > cand.length * 8 && k > 1) break;
      cand = intersect(cand, next);
    }
    this.need(cand);
    const out = new Int32Array(cand.length);
    let n = 0;
    for (let i = 0; i < cand.length; i++) {
      const u = cand[i];
      if (this.unitNorm(u).includes(phrase)) out[n++] = u;
    }
    return out.subarray(0, n);
  }
}
