/**
 * Index build: the postings (every unigram and overlapping bigram of the normalised text → the units it
 * occurs in; counted-postings.ts, or lunr's builder as the reference it is checked against, same bytes:
 * engine.test.ts and bench:search), serialised compactly (sorted terms, delta/VLQ posting strings); the
 * query side does candidate generation from it, exact verification and ranking of only what is shown
 * (engine.ts).
 */
import { encodeInts, encodeSortedLists } from './codec.js';
import { countedPostings } from './counted-postings.js';
import type { SearchCorpus } from './corpus-units.js';
import { lunrPostings } from './lunr-postings.js';
import { encodeUnits } from './unit-table.js';
import { SEARCH_FORMAT_VERSION, TOKENIZER_ID, searchPostingsFile, searchTextsFile, type SerializedIndex, type SerializedPostings, type SerializedTexts, type SerializedUnits } from './format.js';

export { SEARCH_FORMAT_VERSION, TOKENIZER_ID, type SerializedIndex, type SerializedPostings, type SerializedTexts, type SerializedUnits };

export type PostingsBuilder = 'lunr' | 'counting';

/** Characters of unit text per shard (about 1 MB of JSON): a query reads the shards of its candidates only. */
export const SHARD_CHARS = 400_000;

/**
 * Characters of posting strings per posting shard (about 0.5 MB of JSON). A query reads the shards of the few
 * terms it looks up, so the worker never holds the whole index (80 MB at 10,000 documents); shards of many
 * small files would cost a fetch each, shards of a few large ones most of the index for one query.
 */
export const POSTING_SHARD_CHARS = 500_000;

/** Posting shard starts (term ids), each shard about `shardChars` of posting strings (a term is never split), then the term count. */
function postingShardStarts(lens: Int32Array, shardChars: number): number[] {
  const starts = [0];
  let chars = 0;
  for (let t = 0; t < lens.length; t++) {
    if (t > 0 && chars >= shardChars) {
      starts.push(t);
      chars = 0;
    }
    chars += lens[t];
  }
  starts.push(lens.length);
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
  const { uni, bi, df, refs, unitLens, normChars } = builder === 'lunr' ? lunrPostings(corpus) : countedPostings(corpus);
  const shards = shardStarts(corpus, shardChars);
  const postings = encodeSortedLists(refs, df);
  const postingShards = postingShardStarts(postings.lens, postingShardChars);
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
      unitLens: encodeInts(unitLens),
      shards,
    },
    texts: shards.slice(0, -1).map((from, k) => ({ v: SEARCH_FORMAT_VERSION, from, texts: corpus.units.slice(from, shards[k + 1]).map((u) => u.text) })),
    postings: postingShards.slice(0, -1).map((from, k) => ({ v: SEARCH_FORMAT_VERSION, from, postings: postings.text.slice(cuts[k], cuts[k + 1]) })),
  };
}

export interface BuiltIndex {
  units: SerializedUnits;
  index: SerializedIndex;
  texts: SerializedTexts[];
  postings: SerializedPostings[];
}

/** The shard files of a built index as JSON by file name (texts-<k>.json, postings-<k>.json): a reader for `SearchEngine.fromJSON`. */
export function shardFiles(built: Pick<BuiltIndex, 'texts' | 'postings'>): Record<string, string> {
  return Object.fromEntries([...shardFileStream(built)].map((f) => [f.path, f.data]));
}

/** The same, each file's JSON made when it is asked for (the build writes one before the next is made). */
export function* shardFileStream(built: Pick<BuiltIndex, 'texts' | 'postings'>): Generator<{ path: string; data: string }> {
  for (let k = 0; k < built.texts.length; k++) yield { path: searchTextsFile(k), data: JSON.stringify(built.texts[k]) };
  for (let k = 0; k < built.postings.length; k++) yield { path: searchPostingsFile(k), data: JSON.stringify(built.postings[k]) };
}
