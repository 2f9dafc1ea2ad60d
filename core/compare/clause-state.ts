/**
 * The clause state (clause-lists.ts): the earlier build's clause matches as the next build reads them, with the
 * prints of its matched units' band keys, in one checksummed file (cache/variants/clauses.bin).
 */
import { checksumBut, hashString, hashWords, SHINGLE_SIZE } from './shingles.js';
import { BUCKET_WINDOW, CLAUSE_LSH_ROWS, MAX_BUCKET, SIGNATURE_LENGTH } from './minhash.js';
import { MIN_CLAUSE_SHINGLES } from './measures.js';
import { CANDIDATE_CLAUSE_SIMILARITY, MAX_CLAUSE_CANDIDATES, type BestMatches } from './clause-matches.js';
import { BandPrints } from './band-buckets.js';
import { PREPARED_CACHE_VERSION } from './prepared-cache.js';
import { commonHash } from './common.js';

/** The earlier build's matches: documents by content key, in detection's order, and each unit's kept matches. */
export interface ClauseState {
  /** Each document's content key (the cache's name for its entry), in the order detection held them (by id). */
  keys: string[];
  /** Units per document. */
  unitCounts: Uint32Array;
  /** A hash of the common shingles the signatures were made without: other common shingles, other signatures. */
  common: number;
  /**
   * Unit u's matches are entries start[u] … start[u + 1] − 1 of `other` (a unit index of that build, its top bit
   * set when the pair is mutual: BestMatches.mutual) and `sim`.
   */
  start: Uint32Array;
  other: Int32Array;
  sim: Float64Array;
  /** The prints of the band keys of that build's matched units (isMatched), numbered in ascending unit order. */
  prints: BandPrints;
  /** Its checksum: the state of shared clause counts written beside it names it (shared-counts.ts). */
  sum: number;
}

const MAGIC = 0x50434c31; // "PCL1"
// 3: a pair is considered only in the first band whose rows it shares (firstSharedBand); lists kept under 2 could
// hold a counterpart twice, met once in a band-key collision and again in the band it shares.
// 4: the matched units' band-key prints are kept (header word 8: how many units).
const FORMAT = 4;
/** An entry's top bit: its pair is kept by its other unit too. */
const MUTUAL = 0x80000000;
/** The rest of an entry: the other unit. */
export const UNIT = 0x7fffffff;
const HEADER = 10;
/** The header's word holding the checksum. */
const SUM_AT = HEADER - 1;
/** What the matches depend on besides the texts: a state made under other settings is not used. */
const SETTINGS = hashString(
  [FORMAT, PREPARED_CACHE_VERSION, MAX_CLAUSE_CANDIDATES, MAX_BUCKET, BUCKET_WINDOW, CLAUSE_LSH_ROWS, SIGNATURE_LENGTH, SHINGLE_SIZE, MIN_CLAUSE_SHINGLES, CANDIDATE_CLAUSE_SIMILARITY].join(','),
);

/** FNV-1a over every word but the checksum's own (the header too: its sizes place everything else). */
const checksum = (words: Uint32Array): number => checksumBut(words, SUM_AT);

/** Bands of the clause LSH, each a band key per matched unit, printed. */
const BANDS = Math.floor(SIGNATURE_LENGTH / CLAUSE_LSH_ROWS);
/** Words holding `count` 16-bit prints. */
const printWords = (count: number) => Math.ceil(count / 2);

/**
 * The state of this build's matches: `keys` and `unitCounts` per document of `p`, `lists` per unit (`mutual`:
 * lists.mutual()), `prints` those of the matched units' band keys. In three parts, to be written one after the
 * other: the prints (67 MB at 10,000 documents) are written from where they are, not copied. The first part is made in
 * `scratch` when that is large enough (the earlier state's buffer, no longer used: another 80 MB of new memory was
 * one more full collection of a rebuild's heap, started by V8 for every 64 MB of new buffers).
 */
export function encodeClauseState(
  keys: string[],
  unitCounts: ArrayLike<number>,
  common: Uint32Array,
  lists: BestMatches,
  prints: BandPrints,
  mutual = lists.mutual(),
  scratch?: ArrayBuffer,
): Uint8Array[] {
  const nDocs = keys.length;
  const nUnits = lists.count.length;
  let entries = 0;
  for (let u = 0; u < nUnits; u++) entries += lists.count[u];
  const keyBytes = new TextEncoder().encode(keys.join('\n'));
  // Similarities are doubles at an even word: the header and counts are padded to one. The prints follow them.
  const simAt = HEADER + nDocs + nUnits + entries;
  const simStart = simAt + (simAt % 2);
  const printsAt = simStart + entries * 2;
  const words = scratch && scratch.byteLength >= printsAt * 4 ? new Uint32Array(scratch, 0, printsAt) : new Uint32Array(printsAt);
  // The one word not written below (the padding before the similarities) must be 0, as in a new buffer.
  words[simAt] = 0;
  words.set([MAGIC, SETTINGS, commonHash(common), nDocs, nUnits, entries, keyBytes.length, simStart, prints.n, 0]);
  let at = HEADER;
  for (let d = 0; d < nDocs; d++) words[at++] = unitCounts[d];
  // The lists' arrays in locals: read through `lists` in the loop, each was looked up again at every entry.
  const { count, other, sim, cap } = lists;
  for (let u = 0; u < nUnits; u++) words[at++] = count[u];
  const sims = new Float64Array(words.buffer, simStart * 4, entries);
  let e = 0;
  for (let u = 0; u < nUnits; u++)
    for (let k = u * cap, end = k + count[u]; k < end; k++) {
      words[at++] = mutual[k] ? (other[k] | MUTUAL) >>> 0 : other[k];
      sims[e++] = sim[k];
    }
  const printed = prints.words();
  const keyWords = new Uint32Array(Math.ceil(keyBytes.length / 4));
  new Uint8Array(keyWords.buffer).set(keyBytes);
  // The checksum of the three as one (FNV-1a goes on from where the part before left it).
  words[SUM_AT] = hashWords(keyWords, hashWords(printed, checksum(words)));
  return [words, printed, keyWords].map((w) => new Uint8Array(w.buffer, w.byteOffset, w.byteLength));
}

/** The checksum of a state as encodeClauseState gives it (the shared clause counts written beside it name it by this). */
export const stateSum = (parts: Uint8Array[]): number => new Uint32Array(parts[0].buffer, parts[0].byteOffset, HEADER)[SUM_AT];

/** The state in `bytes` if it is whole and made under these settings; else null. */
export function decodeClauseState(bytes: Uint8Array): ClauseState | null {
  if (bytes.byteLength % 4 !== 0 || bytes.byteLength < HEADER * 4) return null;
  // Doubles need an 8-byte-aligned view. A file as large as a real state is read into a buffer of its own, at 0:
  // viewed where it lies (copying 60 MB at 10,000 documents cost half a second). Anything else — a small file
  // in a Node Buffer's shared pool, a view at an odd offset — is copied into a buffer of its own (not `slice`,
  // which on a Node Buffer is a view of the pool).
  const words = bytes.byteOffset % 8 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4) : new Uint32Array(new Uint8Array(bytes).buffer);
  const [magic, settings, common, nDocs, nUnits, entries, keyBytes, simStart, printed, sum] = words;
  if (magic !== MAGIC || settings !== SETTINGS) return null;
  const simAt = HEADER + nDocs + nUnits + entries;
  const printsAt = simStart + entries * 2;
  const printCount = printed * BANDS;
  const keysAt = printsAt + printWords(printCount);
  if (simStart !== simAt + (simAt % 2) || printed > nUnits || keysAt + Math.ceil(keyBytes / 4) !== words.length) return null;
  if (checksum(words) !== sum) return null;
  const unitCounts = words.slice(HEADER, HEADER + nDocs);
  const start = new Uint32Array(nUnits + 1);
  for (let u = 0; u < nUnits; u++) {
    const n = words[HEADER + nDocs + u];
    if (n > MAX_CLAUSE_CANDIDATES) return null;
    start[u + 1] = start[u] + n;
  }
  if (start[nUnits] !== entries || unitCounts.reduce((s, n) => s + n, 0) !== nUnits) return null;
  const other = new Int32Array(words.buffer, words.byteOffset + (HEADER + nDocs + nUnits) * 4, entries);
  for (let k = 0; k < entries; k++) if ((other[k] & UNIT) >= nUnits) return null;
  const keys = keyBytes ? new TextDecoder().decode(new Uint8Array(words.buffer, words.byteOffset + keysAt * 4, keyBytes)).split('\n') : [];
  if (keys.length !== nDocs) return null;
  const prints = new BandPrints(new Uint16Array(words.buffer, words.byteOffset + printsAt * 4, printCount), printed);
  return { keys, unitCounts, common, start, other, sim: new Float64Array(words.buffer, words.byteOffset + simStart * 4, entries), prints, sum };
}

