/**
 * Search artifacts written by the corpus build next to the parsed corpus:
 * files relative to `resources/corpus/search/`. Deterministic: the same
 * documents give the same bytes.
 *
 *   search/units.json     SerializedUnits: document metadata, unit paths and trails
 *   search/index.json        SerializedIndex: term dictionary, frequencies, unit lengths, shard starts
 *   search/postings-<k>.json SerializedPostings: the posting lists of shard k (a range of terms)
 *   search/texts-<k>.json    SerializedTexts: the unit texts of shard k (a range of documents)
 */
import type { PolicyDocument } from '../corpus/types.js';
import { buildIndexData, shardFiles } from './build.js';
import { flattenCorpus, type SearchCorpus } from './corpus-units.js';
import { SEARCH_INDEX_FILE, SEARCH_UNITS_FILE } from './format.js';

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
  return [
    { path: SEARCH_INDEX_FILE, data: JSON.stringify(built.index) },
    { path: SEARCH_UNITS_FILE, data: JSON.stringify(built.units) },
    ...Object.entries(shardFiles(built)).map(([path, data]) => ({ path, data })),
  ];
}
