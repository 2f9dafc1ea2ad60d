/**
 * Search artifacts written by the corpus build next to the parsed corpus:
 * files relative to `resources/corpus/search/`. Deterministic: the same
 * documents give the same bytes.
 *
 *   search/units.json         SerializedUnits: document metadata, units per document
 *   search/index.json         SerializedIndex: term dictionary, frequencies, unit lengths, shard starts
 *   search/postings-<k>.json  SerializedPostings: the posting lists of shard k (a range of terms)
 *   search/positions-<k>.json SerializedPositions: where each bigram of shard k (a range of bigrams) starts in its units
 *   search/texts-<k>.json     SerializedTexts: the unit texts of shard k (a range of documents), their paths and trails
 */
import type { PolicyDocument } from '../corpus/types.js';
import { buildIndexData, shardFileStream, type BuiltIndex, type PreviousTexts, type ShardFile, type UpdatedIndex } from './build.js';
import { flattenCorpus, type SearchCorpus } from './corpus-units.js';
import { SEARCH_INDEX_FILE, SEARCH_UNITS_FILE } from './format.js';
import { updatedIndexData } from './index-update.js';
import type { PreviousIndex } from './previous-index.js';

/**
 * The previous build's index and, per unit, the previous unit it is (index-update.ts); `made` is told which way the
 * index was made, how many units were indexed from their text (the rest kept their previous entries), and how many
 * text shards are previous ones moved whole (their units' texts not read).
 */
export interface IndexUpdate {
  previous: PreviousIndex;
  oldOf: Int32Array;
  made?: (how: 'updated' | 'built', unitsIndexed: number, textShardsMoved: number) => void;
}

export interface SearchArtifact {
  /** Path relative to `resources/corpus/search/`, '/'-separated. */
  path: string;
  data: string;
}

export { SEARCH_INDEX_FILE, SEARCH_UNITS_FILE };

export function buildSearchArtifacts(docs: PolicyDocument[]): SearchArtifact[] {
  return searchArtifactsOf(flattenCorpus(docs));
}

/** The same from the flattened units (what the build hands its worker thread: a fraction of the documents' size). */
export function searchArtifactsOf(corpus: SearchCorpus): SearchArtifact[] {
  const built = buildIndexData(corpus);
  return [{ path: SEARCH_INDEX_FILE, data: JSON.stringify(built.index) }, { path: SEARCH_UNITS_FILE, data: JSON.stringify(built.units) }, ...shardFileStream(built)];
}

/**
 * The same files one at a time, each shard's JSON made only when it is asked for: the build writes each before the
 * next is made, so it never holds the whole index as JSON (the shards' JSON was about 150 MB at 10,000 documents,
 * held on top of the index it is made from). An updated index's text shards that moved whole are their previous
 * files' bytes, or what reads them and their hash (build.ts, ShardFile). Read once.
 */
export function* searchArtifactStream(corpus: SearchCorpus, update?: IndexUpdate): Generator<ShardFile> {
  // The previous build's index updated where it can be (the same bytes), else the index made whole.
  const updated = update ? updatedIndexData(corpus, update.oldOf, update.previous) : null;
  if (update?.made) {
    if (updated) {
      const { unitsIndexed, textShardsMoved } = updateCounts(update.oldOf, updated);
      update.made('updated', unitsIndexed, textShardsMoved);
    } else update.made('built', corpus.units.length, 0);
  }
  yield* indexFiles(updated ?? buildIndexData(corpus), update?.previous.texts);
}

/** What an update did: units indexed from their text (no previous unit, `oldOf` −1), and previous text shards moved whole. */
export function updateCounts(oldOf: Int32Array, updated: UpdatedIndex): { unitsIndexed: number; textShardsMoved: number } {
  return { unitsIndexed: oldOf.reduce((n, old) => (old < 0 ? n + 1 : n), 0), textShardsMoved: updated.texts.reduce((n, t) => ('was' in t ? n + 1 : n), 0) };
}

/** An index's files, the small ones first; an updated index's moved text shards read through `previous`. */
export function* indexFiles(built: BuiltIndex | UpdatedIndex, previous?: Pick<PreviousTexts, 'bytes'>): Generator<ShardFile> {
  yield { path: SEARCH_INDEX_FILE, data: JSON.stringify(built.index) };
  yield { path: SEARCH_UNITS_FILE, data: JSON.stringify(built.units) };
  yield* shardFileStream(built, previous);
}
