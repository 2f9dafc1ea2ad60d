/**
 * Search artifacts written by the corpus build next to the parsed corpus:
 * files relative to `resources/corpus/search/`. Deterministic: the same
 * documents give the same bytes.
 *
 *   search/units.json     SerializedUnits: document metadata, unit paths and trails
 *   search/index.json     SerializedIndex: inverted index, unit lengths, shard starts
 *   search/texts-<k>.json SerializedTexts: the unit texts of shard k (a range of documents)
 */
import type { PolicyDocument } from '../corpus/types.js';
import { buildIndexData } from './build.js';
import { flattenCorpus } from './corpus-units.js';
import { SEARCH_INDEX_FILE, SEARCH_UNITS_FILE, searchTextsFile } from './format.js';

export interface SearchArtifact {
  /** Path relative to `resources/corpus/search/`, '/'-separated. */
  path: string;
  data: string;
}

export { SEARCH_INDEX_FILE, SEARCH_UNITS_FILE };

export function buildSearchArtifacts(docs: PolicyDocument[]): SearchArtifact[] {
  const { units, index, texts } = buildIndexData(flattenCorpus(docs));
  return [
    { path: SEARCH_INDEX_FILE, data: JSON.stringify(index) },
    { path: SEARCH_UNITS_FILE, data: JSON.stringify(units) },
    ...texts.map((t, k) => ({ path: searchTextsFile(k), data: JSON.stringify(t) })),
  ];
}
