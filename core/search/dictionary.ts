/**
 * The term dictionary over the serialised index: term → id by binary search
 * in the concatenated term strings (nothing to build at load), posting lists
 * and bigram positions read by shard and decoded per term when a phrase needs
 * them (posting-store.ts, position-store.ts), and exact phrase matching: the
 * units holding all of a phrase's bigrams, each checked on where they start
 * (no unit text is read), with how often the phrase occurs there.
 */
import { decodeInts } from './codec.js';
import { SEARCH_INDEX_FILE, type SerializedIndex } from './format.js';
import { PositionStore, type TermPositions } from './position-store.js';
import { PostingStore } from './posting-store.js';
import { seek } from './postings.js';
import { SearchIndexDamaged, ShardMissing, type ShardReader } from './shard-reader.js';
import { phraseTerms } from './tokenizer.js';

/** The units holding a phrase, ascending, and how often it occurs in each (not overlapping, as highlight.ts counts). */
export interface Occurrences {
  units: Int32Array;
  /** Per unit; null for a single character (unigrams have no positions: its count needs the text). */
  tf: Int32Array | null;
}

const NONE: Occurrences = { units: new Int32Array(0), tf: new Int32Array(0) };

export class TermDictionary {
  private readonly uni: string;
  private readonly bi: string;
  readonly df: Int32Array;
  /** The posting lists, by shard (read when a phrase needs them). */
  readonly postingStore: PostingStore;
  /** Where each bigram starts in each of its units, by shard (read when a phrase of three characters or more needs them). */
  readonly positionStore: PositionStore;

  /** `read` gives a posting or position shard's JSON (see PostingStore, PositionStore). */
  constructor(index: SerializedIndex, read?: ShardReader) {
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
    const places = index.positionShards;
    if (!Array.isArray(places) || places[0] !== this.uni.length || places[places.length - 1] !== nt) throw new SearchIndexDamaged('search index does not match its position shards', SEARCH_INDEX_FILE);
    this.postingStore = new PostingStore(starts, offsets, read);
    this.positionStore = new PositionStore(places, read);
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

  /**
   * Units (sorted indexes) whose normalised text contains the normalised phrase. Exact. A phrase with a line
   * break in it is in no unit: no term spans one.
   */
  matchPhrase(phrase: string): Int32Array {
    if (phrase.length > 2) return this.occurrences(phrase).units;
    const id = this.termId(phrase);
    return id < 0 ? NONE.units : this.postings(id);
  }

  /**
   * Make sure what `occurrences` reads for these phrases is at hand: one ShardMissing naming every posting and
   * position shard that is not, so where shards arrive asynchronously a query's are fetched together.
   */
  requireOccurrences(phrases: readonly string[]): void {
    const terms: number[] = [];
    for (const p of phrases) if (p.length >= 2) for (const o of coveringOffsets(p)) terms.push(this.termId(p.slice(o, o + 2)));
    const known = terms.filter((t) => t >= 0);
    const missing = [...this.postingStore.missing(known), ...this.positionStore.missing(known)];
    if (missing.length) throw new ShardMissing(missing);
  }

  /**
   * The units holding the normalised phrase and its count in each. Exact: the phrase starts at p exactly when
   * each of its bigrams at offsets 0, 2, 4 … and the last starts at p plus that offset, since together they
   * cover every character of it.
   */
  occurrences(phrase: string): Occurrences {
    if (phrase.length < 2) return { units: this.matchPhrase(phrase), tf: null };
    const offsets = coveringOffsets(phrase);
    const terms = offsets.map((o) => this.termId(phrase.slice(o, o + 2)));
    if (terms.includes(-1)) return NONE;
    this.requireOccurrences([phrase]);
    const lists = terms.map((t) => this.postings(t));
    const places: TermPositions[] = terms.map((t) => this.positionStore.of(t, this.df[t]));
    // The units of the rarest bigram, each looked up in the other lists (they ascend: each cursor only moves on, `seek`).
    let rarest = 0;
    for (let j = 1; j < terms.length; j++) if (lists[j].length < lists[rarest].length) rarest = j;
    const cand = lists[rarest];
    const at = new Int32Array(terms.length);
    const units = new Int32Array(cand.length);
    const tf = new Int32Array(cand.length);
    // Each term's place in a unit's positions while it is counted: one array for all units, not one per unit.
    const ptr = new Int32Array(terms.length);
    let n = 0;
    next: for (let i = 0; i < cand.length; i++) {
      const u = cand[i];
      for (let j = 0; j < terms.length; j++) {
        const list = lists[j];
        at[j] = seek(list, at[j], u);
        if (list[at[j]] !== u) continue next;
      }
      const count = countPhrase(places, at, offsets, phrase.length, ptr);
      if (count) {
        units[n] = u;
        tf[n++] = count;
      }
    }
    return { units: units.subarray(0, n), tf: tf.subarray(0, n) };
  }
}

/** Offsets of the bigrams that cover a phrase of two characters or more: 0, 2, 4 … and the last. */
function coveringOffsets(phrase: string): number[] {
  const offsets: number[] = [];
  for (let o = 0; o < phrase.length - 2; o += 2) offsets.push(o);
  offsets.push(phrase.length - 2);
  return offsets;
}

/**
 * How many times, not overlapping, the phrase starts in one unit: `at[j]` is the unit's place in term j's posting
 * list, term j being the phrase's bigram at `offsets[j]`; the places are ascending, so each term's is walked once
 * (`ptr[j]`: where term j's walk is, the caller's scratch array).
 */
function countPhrase(places: TermPositions[], at: Int32Array, offsets: number[], length: number, ptr: Int32Array): number {
  const first = places[0];
  for (let j = 0; j < offsets.length; j++) ptr[j] = places[j].start[at[j]];
  let count = 0;
  let next = 0;
  for (let k = first.start[at[0]], end = first.start[at[0] + 1]; k < end; k++) {
    const p = first.places[k];
    let ok = p >= next;
    for (let j = 1; j < offsets.length && ok; j++) {
      const want = p + offsets[j];
      const pj = places[j];
      const stop = pj.start[at[j] + 1];
      while (ptr[j] < stop && pj.places[ptr[j]] < want) ptr[j]++;
      ok = ptr[j] < stop && pj.places[ptr[j]] === want;
    }
    if (ok) {
      count++;
      next = p + length;
    }
  }
  return count;
}
