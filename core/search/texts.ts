/**
 * Unit texts, with the units' paths and trails, read by shard (a range of whole documents) only when a query
 * needs them: to verify a candidate, score it exactly, or show it. Normalised forms are made per unit on first use. `read` gives
 * a shard's JSON synchronously (the CLI reads files, tests pass strings); where shards arrive
 * asynchronously (the worker's fetch), `read` returns undefined, the engine stops with ShardMissing,
 * and the caller fetches the file, `put`s it and runs the query again (`runSearch`). `trim` keeps the
 * memory bounded between queries: the least recently used shards are dropped.
 */
import { SEARCH_FORMAT_VERSION, searchTextsFile, type SerializedNames, type SerializedTexts } from './format.js';
import { parseShard, SearchIndexDamaged, ShardCache, ShardMissing, shardContaining, type ShardReader } from './shard-reader.js';
import { normalizeUnitText, type NormalizedUnitText } from './tokenizer.js';
import { UnitNames } from './unit-table.js';

export { ShardMissing, type ShardReader };

/** A text shard that is not the one the index expects (a damaged or mixed-up file): refused, naming the file. */
const damagedShard = (file: string) => new SearchIndexDamaged(`search text shard ${file} does not match the index: rebuild the corpus (npm run build:corpus)`, file);

interface Shard {
  from: number;
  texts: string[];
  openings: Record<string, string>;
  /** The units' paths and trails as stored, decoded (and checked) when a shown hit first asks for one. */
  names: SerializedNames;
  decodedNames?: UnitNames;
  file: string;
  norm: (NormalizedUnitText | undefined)[];
  /** Characters held: what `trim` budgets. */
  chars: number;
  /** When it was last read (a counter): `trim` drops the least recent first. */
  used: number;
}

export class TextStore {
  private readonly shards: ShardCache<Shard>;
  /** The shard read last: consecutive reads mostly fall in it (hits come in unit order). */
  private last: Shard | null = null;

  constructor(
    /** First unit of each shard, then the unit count. */
    private readonly starts: readonly number[],
    read: ShardReader = () => undefined,
  ) {
    this.shards = new ShardCache(searchTextsFile, (k, json) => this.parse(k, json), read);
  }

  get shardCount(): number {
    return this.starts.length - 1;
  }

  shardOf(u: number): number {
    return shardContaining(this.starts, u);
  }

  /** Add a shard's JSON (validated: format, first unit and length must be the ones the index expects). */
  put(k: number, json: string): void {
    this.shards.put(k, json);
  }

  private parse(k: number, json: string): Shard {
    const data = parseShard<SerializedTexts>(searchTextsFile(k), json);
    const from = this.starts[k];
    const n = this.starts[k + 1] - from;
    const openings = data?.openings;
    if (
      !data ||
      data.v !== SEARCH_FORMAT_VERSION ||
      data.from !== from ||
      !Array.isArray(data.texts) ||
      data.texts.length !== n ||
      !data.texts.every((t) => typeof t === 'string') ||
      typeof openings !== 'object' ||
      openings === null ||
      Array.isArray(openings) ||
      !Object.entries(openings).every(([i, o]) => /^\d+$/.test(i) && Number(i) < n && typeof o === 'string')
    ) {
      throw damagedShard(searchTextsFile(k));
    }
    return { from, texts: data.texts, openings, names: data.names, file: searchTextsFile(k), norm: new Array(n), chars: data.texts.reduce((s, t) => s + t.length, 0), used: 0 };
  }

  isLoaded(k: number): boolean {
    return this.shards.isLoaded(k);
  }

  private shard(u: number): Shard {
    const l = this.last;
    if (l && u >= l.from && u < l.from + l.texts.length) return l;
    const s = this.shards.get(this.shardOf(u));
    this.last = s;
    return s;
  }

  /**
   * Make sure the shards of these units are at hand before a loop reads them: one ShardMissing naming
   * every shard that is not, so an asynchronous caller fetches them together, not one per restart.
   */
  require(units: ArrayLike<number>): void {
    this.shards.require(this.shardsOf(units));
  }

  /** The files of these units' shards that are not at hand (each read now where the reader has it). */
  missing(units: ArrayLike<number>): string[] {
    return this.shards.missing(this.shardsOf(units));
  }

  private shardsOf(units: ArrayLike<number>): number[] {
    const shards: number[] = [];
    for (let i = 0; i < units.length; i++) {
      const k = this.shardOf(units[i]);
      if (k !== shards[shards.length - 1]) shards.push(k);
    }
    return shards;
  }

  text(u: number): string {
    const s = this.shard(u);
    return s.texts[u - s.from] ?? '';
  }

  /** A label-only article's opening words (its hits show them), undefined for any other unit. */
  opening(u: number): string | undefined {
    const s = this.shard(u);
    return Object.hasOwn(s.openings, u - s.from) ? s.openings[u - s.from] : undefined;
  }

  /**
   * A shard's names, decoded on first use: most shards are read for their texts (verification, the background
   * warm-up) and never show a hit, and decoding every one as it arrived allocated four typed arrays a shard while
   * queries ran. Refused whole, naming the shard, when they do not fit its units.
   */
  private names(s: Shard): UnitNames {
    if (!s.decodedNames) {
      try {
        s.decodedNames = new UnitNames(s.names, s.texts.length);
      } catch {
        throw damagedShard(s.file);
      }
    }
    return s.decodedNames;
  }

  /** The unit's path (its id after the document's: `${docId}~${path}`). */
  path(u: number): string {
    const s = this.shard(u);
    return this.names(s).path(u - s.from);
  }

  /** Labels from the outermost ancestor to the unit (第三章, 第十五条). */
  trail(u: number): string[] {
    const s = this.shard(u);
    return this.names(s).trail(u - s.from);
  }

  /** Every path and trail of shard k's units, by index in the shard, in one pass: a rebuild keeps them all (cli/search-update.ts). */
  allNames(k: number): { paths: string[]; trails: string[][] } {
    return this.names(this.shards.get(k)).all();
  }

  normalized(u: number): NormalizedUnitText {
    const s = this.shard(u);
    const i = u - s.from;
    return (s.norm[i] ??= normalizeUnitText(s.texts[i] ?? ''));
  }

  /** Drop the least recently used shards until at most `maxChars` characters of text are held (the latest shard stays). */
  trim(maxChars: number): void {
    this.shards.trim(maxChars, (s) => {
      if (this.last === s) this.last = null;
    });
  }

  /** Characters of text held now (for the worker's figures and the tests). */
  heldChars(): number {
    return this.shards.heldChars();
  }
}
