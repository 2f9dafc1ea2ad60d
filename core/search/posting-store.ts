/**
 * Posting lists, read by shard (a range of term ids) only when a query looks one of their terms up: the
 * index itself (index.json) holds the dictionary and the statistics ranking needs, so loading it no longer
 * means reading every posting list (80 MB at 10,000 documents). Lists are decoded per term on first use and
 * kept with their shard; `trim` drops the least recently used shards, so the worker's memory stays bounded.
 * Shards are read like text shards (see shard-reader.ts): synchronously where they are at hand, else the
 * engine stops with ShardMissing and the caller fetches them.
 */
import { decodeInts } from './codec.js';
import { SEARCH_FORMAT_VERSION, searchPostingsFile, type SerializedPostings } from './format.js';
import { parseShard, SearchIndexDamaged, ShardCache, shardContaining, type ShardReader } from './shard-reader.js';

interface Shard {
  from: number;
  /** Offset of the shard's first list in the whole index's concatenated posting strings. */
  base: number;
  text: string;
  /** Decoded lists of its terms, by term id. */
  lists: Map<number, Int32Array>;
  /** What it holds, in characters (a decoded unit index counted as two, its four bytes): what `trim` budgets. */
  chars: number;
  used: number;
}

export class PostingStore {
  private readonly shards: ShardCache<Shard>;

  constructor(
    /** First term id of each shard, then the term count. */
    private readonly starts: readonly number[],
    /** Per term, where its posting string starts in the concatenated strings (then their total length). */
    private readonly offsets: Int32Array,
    read: ShardReader = () => undefined,
  ) {
    this.shards = new ShardCache(searchPostingsFile, (k, json) => this.parse(k, json), read);
  }

  shardOf(term: number): number {
    return shardContaining(this.starts, term);
  }

  /** Add a shard's JSON (validated: format, first term and length must be the ones the index expects). */
  put(k: number, json: string): void {
    this.shards.put(k, json);
  }

  private parse(k: number, json: string): Shard {
    const data = parseShard<SerializedPostings>(searchPostingsFile(k), json);
    const from = this.starts[k];
    const base = this.offsets[from];
    const length = this.offsets[this.starts[k + 1]] - base;
    if (!data || data.v !== SEARCH_FORMAT_VERSION || data.from !== from || typeof data.postings !== 'string' || data.postings.length !== length) {
      throw new SearchIndexDamaged(`search posting shard ${searchPostingsFile(k)} does not match the index: rebuild the corpus (npm run build:corpus)`, searchPostingsFile(k));
    }
    return { from, base, text: data.postings, lists: new Map(), chars: length, used: 0 };
  }

  isLoaded(k: number): boolean {
    return this.shards.isLoaded(k);
  }

  /** Make sure the shards of these terms are at hand: one ShardMissing naming every one that is not, so they are fetched together. */
  require(terms: readonly number[]): void {
    this.shards.require(terms.map((t) => this.shardOf(t)));
  }

  /** The files of these terms' shards that are not at hand (read now where the reader has them). */
  missing(terms: readonly number[]): string[] {
    return this.shards.missing(terms.map((t) => this.shardOf(t)));
  }

  /** The units (ascending) of term `term`, which occurs in `count` of them. */
  list(term: number, count: number): Int32Array {
    const s = this.shards.get(this.shardOf(term));
    let p = s.lists.get(term);
    if (!p) {
      p = new Int32Array(count);
      decodeInts(s.text, this.offsets[term] - s.base, count, p, true);
      s.lists.set(term, p);
      s.chars += 2 * count;
    }
    return p;
  }

  /** Drop the least recently used shards (with their decoded lists) until at most `maxChars` are held (the latest shard stays). */
  trim(maxChars: number): void {
    this.shards.trim(maxChars);
  }

  /** Characters held now (for the worker's figures and the tests). */
  heldChars(): number {
    return this.shards.heldChars();
  }
}
