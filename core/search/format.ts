/**
 * The serialised search index (resources/corpus/search/). Kept apart from
 * build.ts so that the query side (worker) does not pull in lunr.
 */
import type { SerializedNames, SerializedUnits } from './unit-table.js';

export type { SerializedNames, SerializedUnits };

export const SEARCH_INDEX_FILE = 'index.json';
export const SEARCH_UNITS_FILE = 'units.json';
/** Unit texts, one file per shard (a range of whole documents): `texts-0.json`, `texts-1.json` … */
export const searchTextsFile = (shard: number) => `texts-${shard}.json`;
/** Posting lists, one file per shard (a range of term ids): `postings-0.json`, `postings-1.json` … */
export const searchPostingsFile = (shard: number) => `postings-${shard}.json`;
/** Bigram positions, one file per shard (a range of bigram term ids): `positions-0.json` … */
export const searchPositionsFile = (shard: number) => `positions-${shard}.json`;

/**
 * 5: a 款 is searched without its label; an article's label hit carries its opening words; unit texts
 * are in shards by document range (texts-<k>.json), read only for the candidates being verified or shown.
 * 6: units.json is a few long strings (unit-table.ts), not an array per unit.
 * 7: posting lists are in shards by term range (postings-<k>.json), read only for the terms a query looks up:
 *    index.json keeps the dictionary and the statistics ranking needs (df, lengths), a few percent of its old size.
 * 8: where each bigram starts in each unit it occurs in (positions-<k>.json), so a phrase is verified, and counted for
 *    ranking, without the unit texts: a common phrase (国务院) had to read nearly every text shard on its first search.
 *    Text shards are smaller: a page of hits reads the texts of its own units, not a hundredth of the corpus each.
 *    A label-only article's opening words are in its text shard, not in units.json, which is read before the first search.
 * 9: the units' paths and trails are in their text shards, not in units.json: only a shown hit needs them, and its
 *    text shard is read anyway. units.json (read before the first search) keeps the documents and their unit counts.
 * 10: the documents in units.json are in columns, their issuers, years, regions and kinds numbers into one list of
 *    values (doc-columns.ts): 3.1 → 1.2 MB at 10,000 documents.
 */
export const SEARCH_FORMAT_VERSION = 10;
export const TOKENIZER_ID = 'cjk-uni-bigram-1';

/** One shard of unit texts: the searchable display text (label, heading, paragraphs) of units from, from + 1, … */
export interface SerializedTexts {
  v: number;
  from: number;
  texts: string[];
  /** Opening words of its label-only articles (SearchUnitRecord.opening), by index in `texts`. */
  openings: Record<string, string>;
  /** The units' paths and trails (unit-table.ts). */
  names: SerializedNames;
}

/** One shard of posting lists: those of terms from, from + 1, … concatenated (delta-VLQ unit indexes, see `lens`). */
export interface SerializedPostings {
  v: number;
  from: number;
  postings: string;
}

/**
 * One shard of bigram positions, terms from, from + 1, …: `lens` (VLQ) is the length of each term's string in
 * `positions`, strings back to back. A term's string has, for each unit of its posting list in order, the number
 * of places it starts at minus one, then the places (offsets in the unit's normalised text) as ascending deltas.
 */
export interface SerializedPositions {
  v: number;
  from: number;
  lens: string;
  positions: string;
}

export interface SerializedIndex {
  v: number;
  tokenizer: string;
  unitCount: number;
  /** Unigram terms, sorted, concatenated (one code unit each). */
  uni: string;
  /** Bigram terms, sorted, concatenated (two code units each). Term ids: unigrams, then bigrams. */
  bi: string;
  /** Mean normalised unit length (for BM25). */
  avgLen: number;
  /** VLQ: number of units per term. */
  df: string;
  /** VLQ: length in characters of each term's posting string. */
  lens: string;
  /**
   * First term id of each posting shard, then the term count: shard k (postings-<k>.json) holds the posting
   * strings of terms postingShards[k] … postingShards[k+1] − 1. A query reads the shards of the terms it looks up.
   */
  postingShards: number[];
  /** First bigram term id of each position shard (positions-<k>.json), then the term count. */
  positionShards: number[];
  /** VLQ: normalised length of each unit (BM25 length without reading its text). */
  unitLens: string;
  /** First unit of each text shard, then unitCount: shard k holds units shards[k] … shards[k+1] − 1. */
  shards: number[];
}

