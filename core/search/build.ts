/**
 * Index build: the postings (every unigram and overlapping bigram of the normalised text → the units it
 * occurs in; counted-postings.ts, or lunr's builder as the reference it is checked against, same bytes:
 * engine.test.ts and bench:search), serialised compactly (sorted terms, delta/VLQ posting strings); the
 * query side does candidate generation from it, exact verification and ranking of only what is shown
 * (engine.ts).
 */
import { asciiString, encodeInts, encodeSortedLists } from './codec.js';
import { countedPostings, normalisedTexts } from './counted-postings.js';
import type { SearchCorpus } from './corpus-units.js';
import { lunrPostings } from './lunr-postings.js';
import { bigramPositions } from './positions.js';
import { encodeNames, encodeUnits } from './unit-table.js';
import {
  SEARCH_FORMAT_VERSION,
  TOKENIZER_ID,
  searchPositionsFile,
  searchPostingsFile,
  searchTextsFile,
  type SerializedIndex,
  type SerializedPositions,
  type SerializedPostings,
  type SerializedTexts,
  type SerializedUnits,
} from './format.js';

export { SEARCH_FORMAT_VERSION, TOKENIZER_ID, type SerializedIndex, type SerializedPositions, type SerializedPostings, type SerializedTexts, type SerializedUnits };

export type PostingsBuilder = 'lunr' | 'counting';

/**
 * Characters of unit text per shard (about 100 KB of JSON). A query reads the texts of the hits it shows (and
 * of candidates it cannot verify by positions): a page of 50 hits from 50 documents read 40 shards of 1.2 MB
 * each when shards were 400,000 characters.
 */
export const SHARD_CHARS = 32_000;

/**
 * Characters of posting strings per posting shard (about 0.5 MB of JSON). A query reads the shards of the few
 * terms it looks up, so the worker never holds the whole index (80 MB at 10,000 documents); shards of many
 * small files would cost a fetch each, shards of a few large ones most of the index for one query.
 */
export const POSTING_SHARD_CHARS = 500_000;

/**
 * Shard starts (term ids, from `first`), each shard about `shardChars` of the terms' strings (a term is never
 * split), then the term count: `lens[i]` is the length of term first + i's string.
 */
function termShardStarts(lens: Int32Array, shardChars: number, first = 0): number[] {
  const starts = [first];
  let chars = 0;
  for (let i = 0; i < lens.length; i++) {
    if (i > 0 && chars >= shardChars) {
      starts.push(first + i);
      chars = 0;
    }
    chars += lens[i];
  }
  starts.push(first + lens.length);
  return starts;
}

/** Shard starts (unit indexes) at document boundaries, each shard about SHARD_CHARS of text, then the unit count. */
function shardStarts(corpus: SearchCorpus, shardChars: number): number[] {
  const starts = [0];
  let chars = 0;
  for (let i = 0; i < corpus.units.length; i++) {
    const startsDoc = i > 0 && corpus.units[i].doc !== corpus.units[i - 1].doc;
    if (startsDoc && chars >= shardChars) {
      starts.push(i);
      chars = 0;
    }
    chars += corpus.units[i].text.length;
  }
  starts.push(corpus.units.length);
  return starts;
}

/** Build the serialisable index for a flattened corpus. Deterministic; both builders give the same bytes. */
export function buildIndexData(
  corpus: SearchCorpus,
  builder: PostingsBuilder = 'counting',
  shardChars = SHARD_CHARS,
  postingShardChars = POSTING_SHARD_CHARS,
): BuiltIndex {
  // Each unit normalised once, for the postings and the positions: three times before (2–3 s at 10,000 documents).
  const norms = normalisedTexts(corpus);
  const terms = encodedPostings(corpus, builder, norms);
  return assembleIndex(corpus, terms, bigramPositions(corpus, { bi: terms.bi }, norms), shardChars, postingShardChars);
}

/** A corpus's terms, their encoded posting lists and the units' lengths: what `assembleIndex` makes the index files of. */
export interface EncodedTerms {
  uni: string;
  bi: string;
  df: Int32Array;
  unitLens: Int32Array;
  normChars: number;
  postings: { text: string; lens: Int32Array };
}

/** The index files of encoded terms and positions (built here, or updated from the previous build's: index-update.ts). */
export function assembleIndex(corpus: SearchCorpus, terms: EncodedTerms, positions: { lens: Int32Array; bytes: Uint8Array }, shardChars = SHARD_CHARS, postingShardChars = POSTING_SHARD_CHARS): BuiltIndex {
  const { uni, bi, df, unitLens, normChars, postings } = terms;
  const shards = shardStarts(corpus, shardChars);
  const postingShards = termShardStarts(postings.lens, postingShardChars);
  const positionShards = termShardStarts(positions.lens, postingShardChars, uni.length);
  // Where each shard's strings start in the concatenated text (then its end): one pass over the terms' lengths.
  const cuts = [0];
  for (let k = 1, at = 0; k < postingShards.length; k++) {
    for (let t = postingShards[k - 1]; t < postingShards[k]; t++) at += postings.lens[t];
    cuts.push(at);
  }
  return {
    units: encodeUnits(corpus, SEARCH_FORMAT_VERSION),
    index: {
      v: SEARCH_FORMAT_VERSION,
      tokenizer: TOKENIZER_ID,
      unitCount: corpus.units.length,
      uni,
      bi,
      avgLen: Math.round((normChars / Math.max(1, corpus.units.length)) * 1000) / 1000,
      df: encodeInts(df),
      lens: encodeInts(postings.lens),
      postingShards,
      positionShards,
      unitLens: encodeInts(unitLens),
      shards,
    },
    texts: shards.slice(0, -1).map((from, k) => {
      const units = corpus.units.slice(from, shards[k + 1]);
      const openings: Record<string, string> = {};
      units.forEach((u, i) => u.opening && (openings[i] = u.opening));
      return { v: SEARCH_FORMAT_VERSION, from, texts: units.map((u) => u.text), openings, names: encodeNames(units) };
    }),
    postings: postingShards.slice(0, -1).map((from, k) => ({ v: SEARCH_FORMAT_VERSION, from, postings: postings.text.slice(cuts[k], cuts[k + 1]) })),
    positions: positionShardFiles(positions, positionShards, uni.length),
  };
}

/** The postings encoded; the lists they were encoded from (hundreds of MB at 10,000 documents) are not kept. */
function encodedPostings(corpus: SearchCorpus, builder: PostingsBuilder, norms: string[]): EncodedTerms {
  const { refs, ...terms } = builder === 'lunr' ? lunrPostings(corpus) : countedPostings(corpus, norms);
  return { ...terms, postings: encodeSortedLists(refs, terms.df) };
}

/** The position shards: each its terms' lengths and their strings, cut from the encoded whole. */
function positionShardFiles(positions: { lens: Int32Array; bytes: Uint8Array }, starts: number[], first: number): SerializedPositions[] {
  const out: SerializedPositions[] = [];
  let at = 0;
  for (let k = 0; k + 1 < starts.length; k++) {
    const lens = positions.lens.subarray(starts[k] - first, starts[k + 1] - first);
    let size = 0;
    for (let i = 0; i < lens.length; i++) size += lens[i];
    out.push({ v: SEARCH_FORMAT_VERSION, from: starts[k], lens: encodeInts(lens), positions: asciiString(positions.bytes.subarray(at, at + size)) });
    at += size;
  }
  return out;
}

export interface BuiltIndex {
  units: SerializedUnits;
  index: SerializedIndex;
  texts: SerializedTexts[];
  postings: SerializedPostings[];
  positions: SerializedPositions[];
}

/** The shard files of a built index as JSON by file name (texts-<k>.json, postings-<k>.json): a reader for `SearchEngine.fromJSON`. */
export function shardFiles(built: Pick<BuiltIndex, 'texts' | 'postings' | 'positions'>): Record<string, string> {
  return Object.fromEntries([...shardFileStream(built)].map((f) => [f.path, f.data]));
}

/** The same, each file's JSON made when it is asked for (the build writes one before the next is made). */
export function* shardFileStream(built: Pick<BuiltIndex, 'texts' | 'postings' | 'positions'>): Generator<{ path: string; data: string }> {
  for (let k = 0; k < built.texts.length; k++) yield { path: searchTextsFile(k), data: JSON.stringify(built.texts[k]) };
  for (let k = 0; k < built.postings.length; k++) yield { path: searchPostingsFile(k), data: JSON.stringify(built.postings[k]) };
  for (let k = 0; k < built.positions.length; k++) yield { path: searchPositionsFile(k), data: JSON.stringify(built.positions[k]) };
}
