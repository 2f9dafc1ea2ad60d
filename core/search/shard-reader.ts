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
