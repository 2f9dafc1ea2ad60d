/**
 * What the text and posting stores share: shard files are read by name, synchronously where they are at hand
 * (the CLI reads files, tests pass strings), or not at all where they arrive asynchronously (the worker's
 * fetch). Then the engine stops with ShardMissing naming every file it needs, and the caller fetches them,
 * `put`s them into the engine and runs the query again (`runSearch`, `withShards`).
 */

/** A shard file's JSON by name (`texts-3.json`, `postings-0.json`), or undefined when it is not at hand yet. */
export type ShardReader = (file: string) => string | undefined;

/** Shard files a query needs that are not loaded yet (only where shards are read asynchronously). */
export class ShardMissing extends Error {
  constructor(readonly files: string[]) {
    super(`search shards ${files.join(', ')} are not loaded`);
    this.name = 'ShardMissing';
  }
}

/**
 * The search files are damaged or do not fit together (a corpus copied in part, or built by another
 * version): `file` names the one found wrong when one is. The message is for the CLI and logs; the app says
 * it in Chinese (`renderer/search/worker.ts`).
 */
export class SearchIndexDamaged extends Error {
  constructor(
    message: string,
    readonly file: string | null = null,
  ) {
    super(message);
    this.name = 'SearchIndexDamaged';
  }
}

/** A shard file's JSON, or SearchIndexDamaged naming it (a file cut short or overwritten is not JSON). */
export function parseShard<T>(file: string, json: string): T {
  try {
    return JSON.parse(json) as T;
  } catch {
    throw new SearchIndexDamaged(`search shard ${file} is not valid JSON: rebuild the corpus (npm run build:corpus)`, file);
  }
}

/**
 * The shard holding item `x` (a unit, a term), where shard k holds the items starts[k] … starts[k+1] − 1 and the
 * last entry of `starts` is the item count: a binary search for the last start ≤ x.
 */
export function shardContaining(starts: readonly number[], x: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A loaded shard as the cache keeps it: what it holds (what `trim` budgets) and when it was last read. */
export interface CachedShard {
  chars: number;
  used: number;
}

/**
 * The shards of one kind (text or postings) read so far: shard k is read from `read` when first asked for (or
 * `put` once fetched), marked each time it is used, and the least recently used are dropped by `trim`.
 */
export class ShardCache<S extends CachedShard> {
  private readonly loaded = new Map<number, S>();
  private clock = 0;

  constructor(
    /** Shard k's file name (texts-3.json). */
    private readonly fileOf: (k: number) => string,
    /** Shard k from its JSON, validated against the index (SearchIndexDamaged if it does not fit). */
    private readonly make: (k: number, json: string) => S,
    private readonly read: ShardReader,
  ) {}

  put(k: number, json: string): void {
    const s = this.make(k, json);
    s.used = ++this.clock;
    this.loaded.set(k, s);
  }

  isLoaded(k: number): boolean {
    return this.loaded.has(k);
  }

  /** Shard k, read now when the reader has it, marked used; ShardMissing naming it when it is not at hand. */
  get(k: number): S {
    let s = this.loaded.get(k);
    if (!s) {
      if (!this.tryRead(k)) throw new ShardMissing([this.fileOf(k)]);
      s = this.loaded.get(k)!;
    }
    s.used = ++this.clock;
    return s;
  }

  /** Make sure these shards are at hand before a loop reads them: one ShardMissing naming every one that is not, so they are fetched together. */
  require(shards: Iterable<number>): void {
    const missing = this.missing(shards);
    if (missing.length) throw new ShardMissing(missing);
  }

  /** The files of these shards that are not at hand (each read now where the reader has it), in shard order. */
  missing(shards: Iterable<number>): string[] {
    const missing = new Set<number>();
    for (const k of shards) if (!this.loaded.has(k) && !missing.has(k) && !this.tryRead(k)) missing.add(k);
    return [...missing].sort((a, b) => a - b).map(this.fileOf);
  }

  private tryRead(k: number): boolean {
    const json = this.read(this.fileOf(k));
    if (json === undefined) return false;
    this.put(k, json);
    return true;
  }

  /** Drop the least recently used shards until at most `maxChars` are held (the latest shard stays); `dropped` hears of each. */
  trim(maxChars: number, dropped: (s: S) => void = () => undefined): void {
    let held = this.heldChars();
    const byAge = [...this.loaded.entries()].sort((x, y) => x[1].used - y[1].used);
    for (const [k, s] of byAge) {
      if (held <= maxChars || this.loaded.size <= 1) break;
      this.loaded.delete(k);
      dropped(s);
      held -= s.chars;
    }
  }

  /** Characters held now (for the worker's figures and the tests). */
  heldChars(): number {
    let held = 0;
    for (const s of this.loaded.values()) held += s.chars;
    return held;
  }
}
