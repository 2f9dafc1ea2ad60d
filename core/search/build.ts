/**
 * Index build: the postings (every unigram and overlapping bigram of the normalised text → the units it
 * occurs in; counted-postings.ts, or lunr's builder as the reference it is checked against, same bytes:
 * engine.test.ts and bench:search), serialised compactly (sorted terms, delta/VLQ posting strings); the
 * query side does candidate generation from it, exact verification and ranking of only what is shown
 * (engine.ts).
 */
import { asciiString, encodeInts, encodeSortedLists } from './codec.js';
import { SearchIndexDamaged, shardContaining } from './shard-reader.js';
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

/**
 * Shard starts (unit indexes) at document boundaries, each shard about `shardChars` of text, then the unit count; and
 * per shard, the previous build's shard it is moved whole from (−1: made here), when `previous` is given.
 */
function shardStarts(corpus: SearchCorpus, shardChars: number, previous?: PreviousTexts): { starts: number[]; moved: number[] } {
  const n = corpus.units.length;
  const starts: number[] = [];
  const moved: number[] = [];
  for (let s = 0; s < n || starts.length === 0; ) {
    starts.push(s);
    const was = previous ? movedShard(corpus, previous, s) : -1;
    moved.push(was);
    if (was >= 0) {
      s += previous!.starts[was + 1] - previous!.starts[was];
      continue;
    }
    let chars = 0;
    let i = s;
    for (; i < n; i++) {
      if (i > s && corpus.units[i].doc !== corpus.units[i - 1].doc && chars >= shardChars) break;
      chars += corpus.units[i].text.length;
    }
    s = i;
  }
  starts.push(n);
  return { starts, moved };
}

/**
 * The previous shard that the shard starting at unit `s` is, moved whole; −1 if none. It is when its units are all
 * kept, in order, from the previous shard's first to its last, and a document starts after them here as it did there:
 * the same texts with the same document boundaries (PreviousTexts.oldOf), so the same characters counted at each, and
 * the same cut at the end. The previous last shard was cut by the corpus's end, not by its size: it is the same only
 * at this one's end.
 */
function movedShard(corpus: SearchCorpus, previous: PreviousTexts, s: number): number {
  const { starts, oldOf } = previous;
  const n = corpus.units.length;
  const first = oldOf[s];
  if (first < 0) return -1;
  const k = shardContaining(starts, first);
  if (starts[k] !== first) return -1;
  const end = s + starts[k + 1] - first;
  if (end > n || (k === starts.length - 2 && end !== n)) return -1;
  if (end < n && corpus.units[end].doc === corpus.units[end - 1].doc) return -1;
  for (let u = s + 1; u < end; u++) if (oldOf[u] !== first + (u - s)) return -1;
  return k;
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
  /** Every term's posting string back to back (ASCII bytes), and each one's length. */
  postings: { bytes: Uint8Array; lens: Int32Array };
}

/**
 * The previous build's text shards, for a rebuild to move whole the shards whose units it keeps in order: their files
 * are the previous ones with another `from`, and their units' texts are never read (cli/search-update.ts).
 */
export interface PreviousTexts {
  /** The previous shard starts, then its unit count (its index's `shards`). */
  starts: readonly number[];
  /**
   * Per unit of this corpus, the previous unit it is (−1: indexed afresh). A document's kept units are one previous
   * document's, and that document's kept units are all in it, as when a document is kept whole or changed in place.
   */
  oldOf: Int32Array;
  /** Previous shard k's file as its build wrote it. */
  bytes(k: number): Uint8Array;
  /** Its SHA-256 as that build recorded it, if known: a shard that moves nowhere is then linked unread. */
  sha256(k: number): string | undefined;
}

/**
 * A text shard that is previous shard `was` (which started at unit `wasFrom`) moved whole to unit `from`; `sha256`, its
 * file's hash, when it did not move (its file is the previous one, to link). Data only: shardFileStream reads the file.
 */
export interface MovedTexts {
  from: number;
  was: number;
  wasFrom: number;
  sha256?: string;
}

/** The index files of encoded terms and positions (built here, or updated from the previous build's: index-update.ts). */
export function assembleIndex(corpus: SearchCorpus, terms: EncodedTerms, positions: { lens: Int32Array; bytes: Uint8Array }, shardChars?: number, postingShardChars?: number): BuiltIndex;
export function assembleIndex(corpus: SearchCorpus, terms: EncodedTerms, positions: { lens: Int32Array; bytes: Uint8Array }, shardChars: number, postingShardChars: number, previous: PreviousTexts | undefined): UpdatedIndex;
export function assembleIndex(
  corpus: SearchCorpus,
  terms: EncodedTerms,
  positions: { lens: Int32Array; bytes: Uint8Array },
  shardChars = SHARD_CHARS,
  postingShardChars = POSTING_SHARD_CHARS,
  previous?: PreviousTexts,
): BuiltIndex | UpdatedIndex {
  const { uni, bi, df, unitLens, normChars, postings } = terms;
  const { starts: shards, moved } = shardStarts(corpus, shardChars, previous);
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
    texts: shards.slice(0, -1).map((from, k): SerializedTexts | MovedTexts => {
      // Only an update (`previous` given) has moved shards: a full build's texts are all SerializedTexts.
      if (moved[k] >= 0) return movedTexts(previous!, moved[k], from, k);
      const units = corpus.units.slice(from, shards[k + 1]);
      const openings: Record<string, string> = {};
      units.forEach((u, i) => u.opening && (openings[i] = u.opening));
      return { v: SEARCH_FORMAT_VERSION, from, texts: units.map((u) => u.text), openings, names: encodeNames(units) };
    }),
    ...longShards(postings, cuts, postingShards, positions, positionShards, uni.length, previous !== undefined),
  } as BuiltIndex | UpdatedIndex;
}

/** Previous shard `was` as shard `k` from unit `from`: linked by its hash where it did not move. */
function movedTexts(previous: PreviousTexts, was: number, from: number, k: number): MovedTexts {
  const wasFrom = previous.starts[was];
  const sha256 = k === was && from === wasFrom ? previous.sha256(was) : undefined;
  return sha256 ? { from, was, wasFrom, sha256 } : { from, was, wasFrom };
}

/** A moved shard's file: the previous one's bytes, its head checked to be the one that shard's build wrote, with `from` changed. */
function movedTextsFile(t: MovedTexts, bytes: Uint8Array): Uint8Array {
  const head = textsHead(t.wasFrom);
  for (let i = 0; i < head.length; i++) if (bytes[i] !== head.charCodeAt(i)) throw new SearchIndexDamaged(`search text shard ${searchTextsFile(t.was)} does not start as the index says`, searchTextsFile(t.was));
  if (t.from === t.wasFrom) return bytes;
  const newHead = new TextEncoder().encode(textsHead(t.from));
  const out = new Uint8Array(bytes.length - head.length + newHead.length);
  out.set(newHead);
  out.set(bytes.subarray(head.length), newHead.length);
  return out;
}

/** A text shard file's first bytes, up to its texts (JSON.stringify of a SerializedTexts: `v` then `from`, ASCII). */
const textsHead = (from: number) => `{"v":${SEARCH_FORMAT_VERSION},"from":${from},"texts":`;

/** The postings encoded; the lists they were encoded from (hundreds of MB at 10,000 documents) are not kept. */
function encodedPostings(corpus: SearchCorpus, builder: PostingsBuilder, norms: string[]): EncodedTerms {
  const { refs, ...terms } = builder === 'lunr' ? lunrPostings(corpus) : countedPostings(corpus, norms);
  return { ...terms, postings: encodeSortedLists(refs, terms.df) };
}

/**
 * The posting and position shards, cut from the encoded wholes (`cuts`: where each posting shard's strings start,
 * then their end): as strings (SerializedPostings, SerializedPositions), or, for an update, as the bytes they were
 * made in, which the build writes as they are (made into strings and back into bytes, 160 MB at 10,000 documents
 * were 0.3 s and as much memory again).
 */
function longShards(postings: EncodedTerms['postings'], cuts: number[], postingStarts: number[], positions: { lens: Int32Array; bytes: Uint8Array }, positionStarts: number[], first: number, asBytes: boolean) {
  const postingShards = postingStarts.slice(0, -1).map((from, k) => ({ from, bytes: postings.bytes.subarray(cuts[k], cuts[k + 1]) }));
  const positionShards: { from: number; lens: string; bytes: Uint8Array }[] = [];
  for (let k = 0, at = 0; k + 1 < positionStarts.length; k++) {
    const lens = positions.lens.subarray(positionStarts[k] - first, positionStarts[k + 1] - first);
    let size = 0;
    for (let i = 0; i < lens.length; i++) size += lens[i];
    positionShards.push({ from: positionStarts[k], lens: encodeInts(lens), bytes: positions.bytes.subarray(at, at + size) });
    at += size;
  }
  if (asBytes) return { postings: postingShards, positions: positionShards };
  return {
    postings: postingShards.map(({ from, bytes }): SerializedPostings => ({ v: SEARCH_FORMAT_VERSION, from, postings: asciiString(bytes) })),
    positions: positionShards.map(({ from, lens, bytes }): SerializedPositions => ({ v: SEARCH_FORMAT_VERSION, from, lens, positions: asciiString(bytes) })),
  };
}

export interface BuiltIndex {
  units: SerializedUnits;
  index: SerializedIndex;
  texts: SerializedTexts[];
  postings: SerializedPostings[];
  positions: SerializedPositions[];
}

/**
 * An index updated from the previous build's: some of its text shards are previous ones moved whole, and its posting
 * and position shards hold their long strings as ASCII bytes (written as they are: shardFileStream).
 */
export interface UpdatedIndex {
  units: SerializedUnits;
  index: SerializedIndex;
  texts: (SerializedTexts | MovedTexts)[];
  postings: { from: number; bytes: Uint8Array }[];
  positions: { from: number; lens: string; bytes: Uint8Array }[];
}

/** An index file: its JSON, or a moved text shard's bytes, or (where it moved nowhere) what reads them and their hash. */
export type ShardFile = { path: string; data: string | Uint8Array } | { path: string; make: () => Uint8Array; sha256: string };

/**
 * The shard files of a built index as JSON by file name (texts-<k>.json, postings-<k>.json): a reader for
 * `SearchEngine.fromJSON`. An updated index's moved text shards are read through `previous`.
 */
export function shardFiles(built: Pick<BuiltIndex | UpdatedIndex, 'texts' | 'postings' | 'positions'>, previous?: Pick<PreviousTexts, 'bytes'>): Record<string, string> {
  const text = (f: ShardFile) => {
    const data = 'make' in f ? f.make() : f.data;
    return typeof data === 'string' ? data : new TextDecoder().decode(data);
  };
  return Object.fromEntries([...shardFileStream(built, previous)].map((f) => [f.path, text(f)]));
}

/**
 * The same, each file's JSON made when it is asked for (the build writes one before the next is made). A moved text
 * shard's file is read through `previous` then: linked by its hash where it did not move (read only if the link fails).
 */
export function shardFileStream(built: Pick<BuiltIndex, 'texts' | 'postings' | 'positions'>): Generator<{ path: string; data: string }>;
export function shardFileStream(built: Pick<BuiltIndex | UpdatedIndex, 'texts' | 'postings' | 'positions'>, previous?: Pick<PreviousTexts, 'bytes'>): Generator<ShardFile>;
export function* shardFileStream(built: Pick<BuiltIndex | UpdatedIndex, 'texts' | 'postings' | 'positions'>, previous?: Pick<PreviousTexts, 'bytes'>): Generator<ShardFile> {
  for (let k = 0; k < built.texts.length; k++) {
    const t = built.texts[k];
    const path = searchTextsFile(k);
    if (!('was' in t)) yield { path, data: JSON.stringify(t) };
    else {
      if (!previous) throw new Error(`${path} is a previous shard moved, and no previous shard is at hand`);
      const file = () => movedTextsFile(t, previous.bytes(t.was));
      yield t.sha256 ? { path, make: file, sha256: t.sha256 } : { path, data: file() };
    }
  }
  for (let k = 0; k < built.postings.length; k++) {
    const p = built.postings[k];
    yield { path: searchPostingsFile(k), data: 'bytes' in p ? jsonEndingIn({ v: SEARCH_FORMAT_VERSION, from: p.from }, 'postings', p.bytes) : JSON.stringify(p) };
  }
  for (let k = 0; k < built.positions.length; k++) {
    const p = built.positions[k];
    yield { path: searchPositionsFile(k), data: 'bytes' in p ? jsonEndingIn({ v: SEARCH_FORMAT_VERSION, from: p.from, lens: p.lens }, 'positions', p.bytes) : JSON.stringify(p) };
  }
}

/**
 * The bytes of JSON.stringify of `head` with one more key, `key`, whose value is the string of these ASCII bytes: a
 * string of VLQ digits needs no escape, so its JSON is the bytes between quotes.
 */
function jsonEndingIn(head: object, key: string, ascii: Uint8Array): Uint8Array {
  const start = new TextEncoder().encode(`${JSON.stringify(head).slice(0, -1)},"${key}":"`);
  const out = new Uint8Array(start.length + ascii.length + 2);
  out.set(start);
  out.set(ascii, start.length);
  out[out.length - 2] = 0x22; // "
  out[out.length - 1] = 0x7d; // }
  return out;
}
