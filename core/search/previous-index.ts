/**
 * The previous build's search index as a rebuild's update reads it (index-update.ts): its shards' strings back to back,
 * each checked as it is read.
 */
import type { PreviousTexts } from './build.js';
import { ByteWriter } from './byte-writer.js';
import { decodeInts, isVlqText } from './codec.js';
import { searchPositionsFile, searchPostingsFile, type SerializedIndex } from './format.js';
import { SearchIndexDamaged } from './shard-reader.js';

/** What the update reads of the previous build's index: `index.json`, and its shards' strings back to back. */
export interface PreviousIndex {
  index: SerializedIndex;
  /** The posting shards' `postings` strings in shard order, as ASCII bytes: every term's posting string, in term order. */
  postings: Uint8Array;
  /** The position shards' `lens`, decoded and in shard order: each bigram term's positions string's length. */
  positionLens: Int32Array;
  /** The position shards' `positions` strings in shard order, as ASCII bytes. */
  positions: Uint8Array;
  /** Its text shards' files, read when asked: those whose units are all kept are moved whole (build.ts, PreviousTexts). */
  texts: Pick<PreviousTexts, 'bytes' | 'sha256'>;
}

/** A posting shard as the update reads it: where its terms start, and its `postings` string's bytes. */
export interface PostingBytes {
  from: number;
  bytes: Uint8Array;
}

/** A position shard as the update reads it: its `from` and `lens` as written, and its `positions` string's bytes. */
export interface PositionBytes {
  from: number;
  lens: string;
  bytes: Uint8Array;
}

/**
 * The previous index from its files' contents: `index.json`, each posting and position shard the index lists, read in
 * shard order through `postingShard` and `positionShard` (their long strings as bytes: the CLI reads them from the
 * files without making strings, cli/search-update.ts), and what reads its text shards' files. Each shard's string is
 * checked and copied as it is read, while in the processor's cache (checked after all were read, the check went at the
 * speed of memory: 0.3 s for 161 MB at 10,000 documents), and let go; `sizeHint`, their total if known, saves regrowing.
 * Throws SearchIndexDamaged when the shards are not the ones the index names or hold a character no VLQ has.
 */
export function previousIndex(
  index: SerializedIndex,
  postingShard: (k: number) => PostingBytes | undefined,
  positionShard: (k: number) => PositionBytes | undefined,
  texts: PreviousIndex['texts'],
  sizeHint = { postings: 0, positions: 0 },
): PreviousIndex {
  const starts = index.positionShards;
  const postings = new ByteWriter(sizeHint.postings);
  for (let k = 0; k + 1 < index.postingShards.length; k++) {
    const p = postingShard(k);
    if (!p) throw new SearchIndexDamaged('the search index does not list these shards');
    if (p.from !== index.postingShards[k]) throw new SearchIndexDamaged(`posting shard ${k} does not start where the index says`, searchPostingsFile(k));
    appendVlq(postings, p.bytes);
  }
  const positionLens = new Int32Array(index.bi.length / 2);
  const positions = new ByteWriter(sizeHint.positions);
  for (let k = 0; k + 1 < starts.length; k++) {
    const p = positionShard(k);
    if (!p) throw new SearchIndexDamaged('the search index does not list these shards');
    if (p.from !== starts[k]) throw new SearchIndexDamaged(`position shard ${k} does not start where the index says`, searchPositionsFile(k));
    decodeInts(p.lens, 0, starts[k + 1] - starts[k], positionLens, false, starts[k] - index.uni.length);
    appendVlq(positions, p.bytes);
  }
  return { index, postings: postings.done(), positionLens, positions: positions.done(), texts };
}

/** A string's bytes appended, checked to be VLQ digits only: most are copied whole, never decoded, into the new index. */
function appendVlq(out: ByteWriter, part: Uint8Array): void {
  if (!isVlqText(part)) throw new SearchIndexDamaged('search index is damaged: a posting or position string holds a character no number has');
  out.copy(part, 0, part.length);
}
