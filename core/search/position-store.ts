/**
 * Bigram positions (format.ts, SerializedPositions), read by shard (a range of bigram term ids) only when a
 * phrase of three characters or more looks one of their terms up, decoded per term on first use and kept with
 * their shard; `trim` drops the least recently used shards, as the posting store does.
 */
import { countInts, decodeInts } from './codec.js';
import { SEARCH_FORMAT_VERSION, searchPositionsFile, type SerializedPositions } from './format.js';
import { parseShard, SearchIndexDamaged, ShardCache, shardContaining, type ShardReader } from './shard-reader.js';

/** One term's positions: the places of the i-th unit of its posting list are places[start[i]] … places[start[i+1]] − 1. */
export interface TermPositions {
  start: Int32Array;
  places: Int32Array;
}

interface Shard {
  from: number;
  text: string;
  /** Where each of its terms' strings starts in `text` (then its length). */
  offsets: Int32Array;
  terms: Map<number, TermPositions>;
  chars: number;
  used: number;
}

export class PositionStore {
  private readonly shards: ShardCache<Shard>;

  constructor(
    /** First bigram term id of each shard, then the term count. */
    private readonly starts: readonly number[],
    read: ShardReader = () => undefined,
  ) {
    this.shards = new ShardCache(searchPositionsFile, (k, json) => this.parse(k, json), read);
  }

  private parse(k: number, json: string): Shard {
    const file = searchPositionsFile(k);
    const data = parseShard<SerializedPositions>(file, json);
    const from = this.starts[k];
    const count = this.starts[k + 1] - from;
    const damaged = () => new SearchIndexDamaged(`search position shard ${file} does not match the index: rebuild the corpus (npm run build:corpus)`, file);
    if (!data || data.v !== SEARCH_FORMAT_VERSION || data.from !== from || typeof data.lens !== 'string' || typeof data.positions !== 'string') throw damaged();
    if (countInts(data.lens) !== count) throw damaged();
    const lens = new Int32Array(count);
    decodeInts(data.lens, 0, count, lens, false);
    const offsets = new Int32Array(count + 1);
    for (let i = 0; i < count; i++) offsets[i + 1] = offsets[i] + lens[i];
    if (offsets[count] !== data.positions.length) throw damaged();
    return { from, text: data.positions, offsets, terms: new Map(), chars: data.positions.length, used: 0 };
  }

  shardOf(term: number): number {
    return shardContaining(this.starts, term);
  }

  put(k: number, json: string): void {
    this.shards.put(k, json);
  }

  isLoaded(k: number): boolean {
    return this.shards.isLoaded(k);
  }

  /** The files of these terms' shards that are not at hand (read now where the reader has them). */
  missing(terms: readonly number[]): string[] {
    return this.shards.missing(terms.map((t) => this.shardOf(t)));
  }

  /** The positions of bigram term `term`, whose posting list has `units` units. */
  of(term: number, units: number): TermPositions {
    const s = this.shards.get(this.shardOf(term));
    let p = s.terms.get(term);
    if (!p) {
      const i = term - s.from;
      const begin = s.offsets[i];
      const piece = s.text.slice(begin, s.offsets[i + 1]);
      // Numbers in the string: per unit a count, then that many places.
      const places = new Int32Array(Math.max(0, countInts(piece) - units));
      const start = new Int32Array(units + 1);
      const one = new Int32Array(1);
      let at = 0;
      for (let u = 0; u < units; u++) {
        at = decodeInts(piece, at, 1, one, false);
        const n = one[0] + 1;
        if (start[u] + n > places.length) throw new SearchIndexDamaged(`search position shard ${searchPositionsFile(this.shardOf(term))} is damaged`, searchPositionsFile(this.shardOf(term)));
        at = decodeInts(piece, at, n, places, true, start[u]);
        start[u + 1] = start[u] + n;
      }
      p = { start, places };
      s.terms.set(term, p);
      s.chars += 2 * (units + places.length);
    }
    return p;
  }

  trim(maxChars: number): void {
    this.shards.trim(maxChars);
  }

  heldChars(): number {
    return this.shards.heldChars();
  }
}
