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
import { SEARCH_FORMAT_VERSION, TOKENIZER_ID, type SerializedIndex, type SerializedTexts, type SerializedUnits } from './format.js';

export { SEARCH_FORMAT_VERSION, TOKENIZER_ID, type SerializedIndex, type SerializedTexts, type SerializedUnits };

export type PostingsBuilder = 'lunr' | 'counting';

/** Characters of unit text per shard (about 1 MB of JSON): a query reads the shards of its candidates only. */
export const SHARD_CHARS = 400_000;

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
): { units: SerializedUnits; index: SerializedIndex; texts: SerializedTexts[] } {
  const { uni, bi, df, refs, unitLens, normChars } = builder === 'lunr' ? lunrPostings(corpus) : countedPostings(corpus);
  const shards = shardStarts(corpus, shardChars);
  const postings = encodeSortedLists(refs, df);
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
      postings: postings.text,
      unitLens: encodeInts(unitLens),
      shards,
    },
    texts: shards.slice(0, -1).map((from, k) => ({ v: SEARCH_FORMAT_VERSION, from, texts: corpus.units.slice(from, shards[k + 1]).map((u) => u.text) })),
  };
}
