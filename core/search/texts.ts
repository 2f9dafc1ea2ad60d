/**
 * Unit texts, read by shard (a range of whole documents) only when a query needs them: to verify a
 * candidate, score it exactly, or show it. Normalised forms are made per unit on first use. `read` gives
 * a shard's JSON synchronously (the CLI reads files, tests pass strings); where shards arrive
 * asynchronously (the worker's fetch), `read` returns undefined, the engine stops with ShardMissing,
 * and the caller fetches the file, `put`s it and runs the query again (`runSearch`). `trim` keeps the
 * memory bounded between queries: the least recently used shards are dropped.
 */
import { SEARCH_FORMAT_VERSION, searchTextsFile, type SerializedTexts } from './format.js';
import { parseShard, SearchIndexDamaged, ShardMissing, shardContaining, type ShardReader } from './shard-reader.js';
import { normalizeUnitText, type NormalizedUnitText } from './tokenizer.js';

export { ShardMissing, type ShardReader };

interface Shard {
  from: number;
  texts: string[];
  norm: (NormalizedUnitText | undefined)[];
  /** Characters held: what `trim` budgets. */
  chars: number;
  /** When it was last read (a counter): `trim` drops the least recent first. */
  used: number;
}

export class TextStore {
  private readonly loaded = new Map<number, Shard>();
  private clock = 0;
  /** The shard read last: consecutive reads mostly fall in it (hits come in unit order). */
  private last: Shard | null = null;

  constructor(
    /** First unit of each shard, then the unit count. */
    private readonly starts: readonly number[],
    private readonly read: ShardReader = () => undefined,
  ) {}

  get shardCount(): number {
    return this.starts.length - 1;
  }

  shardOf(u: number): number {
    return shardContaining(this.starts, u);
  }

  /** Add a shard's JSON (validated: format, first unit and length must be the ones the index expects). */
  put(k: number, json: string): void {
    const data = parseShard<SerializedTexts>(searchTextsFile(k), json);
    const from = this.starts[k];
    const n = this.starts[k + 1] - from;
    if (!data || data.v !== SEARCH_FORMAT_VERSION || data.from !== from || !Array.isArray(data.texts) || data.texts.length !== n || !data.texts.every((t) => typeof t === 'string')) {
      throw new SearchIndexDamaged(`search text shard ${searchTextsFile(k)} does not match the index: rebuild the corpus (npm run build:corpus)`, searchTextsFile(k));
    }
    this.loaded.set(k, { from, texts: data.texts, norm: new Array(n), chars: data.texts.reduce((s, t) => s + t.length, 0), used: ++this.clock });
  }

  isLoaded(k: number): boolean {
    return this.loaded.has(k);
  }

  private shard(u: number): Shard {
    const l = this.last;
    if (l && u >= l.from && u < l.from + l.texts.length) return l;
    const k = this.shardOf(u);
    let s = this.loaded.get(k);
    if (!s) {
      if (!this.tryRead(k)) throw new ShardMissing([searchTextsFile(k)]);
      s = this.loaded.get(k)!;
    }
    s.used = ++this.clock;
    this.last = s;
    return s;
  }

  private tryRead(k: number): boolean {
    const json = this.read(searchTextsFile(k));
    if (json === undefined) return false;
    this.put(k, json);
    return true;
  }

  /**
   * Make sure the shards of these units are at hand before a loop reads them: one ShardMissing naming
   * every shard that is not, so an asynchronous caller fetches them together, not one per restart.
   */
  require(units: ArrayLike<number>): void {
    const missing = new Set<number>();
    let last = -1;
    for (let i = 0; i < units.length; i++) {
      const k = this.shardOf(units[i]);
      if (k === last) continue;
      last = k;
      if (!this.loaded.has(k) && !missing.has(k) && !this.tryRead(k)) missing.add(k);
    }
    if (missing.size) throw new ShardMissing([...missing].sort((a, b) => a - b).map(searchTextsFile));
  }

  text(u: number): string {
    const s = this.shard(u);
    return s.texts[u - s.from] ?? '';
  }

  normalized(u: number): NormalizedUnitText {
    const s = this.shard(u);
    const i = u - s.from;
    return (s.norm[i] ??= normalizeUnitText(s.texts[i] ?? ''));
  }

  /** Drop the least recently used shards until at most `maxChars` characters of text are held (the latest shard stays). */
  trim(maxChars: number): void {
    let held = 0;
    for (const s of this.loaded.values()) held += s.chars;
    const byAge = [...this.loaded.entries()].sort((x, y) => x[1].used - y[1].used);
    for (const [k, s] of byAge) {
      if (held <= maxChars || this.loaded.size <= 1) break;
      this.loaded.delete(k);
      if (this.last === s) this.last = null;
      held -= s.chars;
    }
  }

  /** Characters of text held now (for the worker's figures and the tests). */
  heldChars(): number {
    let held = 0;
    for (const s of this.loaded.values()) held += s.chars;
    return held;
  }
}
