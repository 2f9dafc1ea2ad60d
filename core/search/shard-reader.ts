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
