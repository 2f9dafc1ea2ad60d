/**
 * Query-side API (no lunr): what the worker, the CLI and the reading view use.
 * The build side (lunr) is `./artifacts.js` / `./build.js`.
 */
export { SEARCH_INDEX_FILE, SEARCH_UNITS_FILE, SEARCH_FORMAT_VERSION, searchTextsFile, searchPostingsFile, type SerializedIndex, type SerializedUnits, type SerializedTexts, type SerializedPostings } from './format.js';
export { ShardMissing, TextStore, type ShardReader } from './texts.js';
export { SearchIndexDamaged } from './shard-reader.js';
export { PostingStore } from './posting-store.js';
export { lineRanges, LABEL_LINE, HEADING_LINE } from '../corpus/units.js';
export { flattenCorpus, unitSearchText, type SearchCorpus, type SearchDoc, type SearchUnitRecord } from './corpus-units.js';
export { SearchEngine, runSearch, withShards, FACETS, type FacetName, type FacetCount, type Hit, type Scope, type Field, type SearchOptions, type SearchResult } from './engine.js';
export { findMatches, makeSnippet, markPieces, mergeRanges, type MarkedPiece, type Range, type Snippet } from './highlight.js';
export { parseQuery, positivePhrases, type ParsedQuery } from './query.js';
export { normalizeUnitText, indexTerms, phraseTerms } from './tokenizer.js';
