export { buildSearchArtifacts, SEARCH_INDEX_FILE, SEARCH_UNITS_FILE, type SearchArtifact } from './artifacts.js';
export { buildIndexData, type SerializedIndex, type SerializedUnits } from './build.js';
export { flattenCorpus, unitSearchText, paragraphRanges, type SearchCorpus, type SearchDoc, type SearchUnitRecord } from './corpus-units.js';
export { SearchEngine, FACETS, type FacetName, type FacetCount, type Hit, type Scope, type Field, type SearchOptions, type SearchResult } from './engine.js';
export { findMatches, makeSnippet, mergeRanges, type Range, type Snippet } from './highlight.js';
export { parseQuery, positivePhrases, type ParsedQuery } from './query.js';
export { normalizeUnitText, indexTerms, phraseTerms } from './tokenizer.js';
