/**
 * What variant detection computes for one document alone, kept for the next build (issue 20: a rebuild after
 * one changed file): its units' ids and shingle sets, its own shingle set, and its units' MinHash signatures
 * without boilerplate with the count of shingles each has left. Signatures depend on the corpus's common
 * shingles, but only through the document's own shingles among them (`boiler`): while those are the same, the
 * stored signatures are exactly what would be computed.
 *
 * An entry is bytes (the CLI keeps one file per document, named by a hash of its content); it is checked whole
 * before use (layout, a checksum, the document's unit ids) and anything that does not check out is recomputed,
 * never trusted. The decoded arrays are views into the entry: reusing one costs no copy.
 */
import { deferredUnits } from '../corpus/deferred-units.js';
import type { PolicyDocument } from '../corpus/types.js';
import { allUnits } from '../corpus/units.js';
import { SIGNATURE_LENGTH } from './minhash.js';
import { checksumBut, SHINGLE_SIZE } from './shingles.js';
import { commonHash, commonPart } from './common.js';

/** Where detection finds and leaves entries; keyed by the document's content (the caller hashes it). */
export interface PreparedCache {
  /** The entry stored for this document's content, or null. */
  get(doc: PolicyDocument): Uint8Array | null;
  /** Store the entry of this document (one that had none, or a stale one). */
  put(doc: PolicyDocument, entry: Uint8Array): void;
  /**
   * The entry of this document already decoded and checked against it (`decodePreparedEntry`), when whoever
   * filled the cache did that (cli/variants-pool.ts): checking 10,000 entries again cost a second and a half.
   */
  checked?(doc: PolicyDocument): PreparedEntry | undefined;
  /**
   * The corpus's common shingles (commonShingles over every document's set), when whoever filled the cache
   * counted them over the very documents detection is given (the build's worker threads, cli/variants-pool.ts):
   * detection takes them instead of counting again (a second or more at 2,500 documents).
   */
  common?: Uint32Array;
  /** Whether `common` was had from the earlier build's counts (common-counts.ts). */
  commonKept?: boolean;
  /** The name of this document's entry (its content key): the clause matches kept between builds name documents by it. */
  key?(doc: PolicyDocument): string;
  /** A stored entry by name: a document of the earlier build that is gone (clause-lists.ts needs its signatures). */
  entryByKey?(key: string): Uint8Array | null;
  /** The clause matches of the earlier build (clause-lists.ts), read and replaced once per detection. */
  clauseState?: { read(): Uint8Array | null; writeParts(parts: Iterable<Uint8Array>): void };
  /** The common shingles' counts of the earlier build (common-counts.ts), read and replaced once per detection. */
  commonState?: { read(): Uint8Array | null; write(bytes: Uint8Array): void };
  /** The shared clause counts of the earlier build's document pairs (shared-counts.ts), read and replaced once per detection. */
  sharedState?: { read(): Uint8Array | null; write(bytes: Uint8Array): void };
  /** The document pairs the earlier build measured (pair-counts.ts), read and replaced once per detection. */
  pairState?: { read(): Uint8Array | null; write(bytes: Uint8Array): void };
}

export interface PreparedEntry {
  ids: string[];
  unitSets: Uint32Array[];
  docSet: Uint32Array;
  /** The document's shingles (from its units) that were common when the signatures were made, sorted. */
  boiler: Uint32Array;
  /** The common shingles the signatures were made without, by their hash (commonHash). */
  common: number;
  /** Per unit: shingles left without the common ones. */
  own: Int32Array;
  /** The units' signatures, one after the other: unit k's are words k·SIGNATURE_LENGTH up to (k + 1)·SIGNATURE_LENGTH. */
  sigs: Uint32Array;
}

const MAGIC = 0x50565231; // "PVR1"
/** Raise when what is stored, or how it is computed (shingles, signatures, unit wording), changes. */
// 2: the hash of the common shingles an entry was made without is stored (header word 8).
export const PREPARED_CACHE_VERSION = 2;
const HEADER = 10;
/** The header's word holding the checksum (the one before it: the common shingles' hash). */
const SUM_AT = HEADER - 1;
/** FNV-1a over every word but the checksum's own: the header's too (a common hash changed on disk must not pass). */
const checksum = (words: Uint32Array): number => checksumBut(words, SUM_AT);

/** The unit ids as stored, and the entry's size in 32-bit words. */
function entryLayout(e: PreparedEntry): { ids: Uint8Array; words: number } {
  const n = e.ids.length;
  const ids = new TextEncoder().encode(e.ids.join('\n'));
  const total = e.unitSets.reduce((s, x) => s + x.length, 0);
  return { ids, words: HEADER + n + e.docSet.length + total + e.boiler.length + n + n * SIGNATURE_LENGTH + Math.ceil(ids.length / 4) };
}

/** The bytes `encodePreparedEntry` makes of `e`, counted without making them. */
export const encodedEntryBytes = (e: PreparedEntry): number => entryLayout(e).words * 4;

/** The entry as stored; written into `into` when given (zeroed, of encodedEntryBytes(e) bytes, from a multiple of 4). */
export function encodePreparedEntry(e: PreparedEntry, into?: Uint8Array): Uint8Array {
  const n = e.ids.length;
  const { ids, words } = entryLayout(e);
  const total = e.unitSets.reduce((s, x) => s + x.length, 0);
  const out = into ? new Uint32Array(into.buffer, into.byteOffset, words) : new Uint32Array(words);
  out.set([MAGIC, PREPARED_CACHE_VERSION, (SIGNATURE_LENGTH << 8) | SHINGLE_SIZE, n, e.docSet.length, total, e.boiler.length, ids.length, e.common >>> 0, 0]);
  let at = HEADER;
  e.unitSets.forEach((s, i) => (out[at + i] = s.length));
  at += n;
  out.set(e.docSet, at);
  at += e.docSet.length;
  for (const s of e.unitSets) {
    out.set(s, at);
    at += s.length;
  }
  out.set(e.boiler, at);
  at += e.boiler.length;
  out.set(e.own, at);
  at += n;
  if (e.sigs.length !== n * SIGNATURE_LENGTH) throw new Error(`encodePreparedEntry: ${e.sigs.length} signature words for ${n} units`);
  out.set(e.sigs, at);
  at += n * SIGNATURE_LENGTH;
  new Uint8Array(out.buffer, out.byteOffset + at * 4, ids.length).set(ids);
  out[SUM_AT] = checksum(out);
  return new Uint8Array(out.buffer, out.byteOffset, words * 4);
}

/** The entry in `bytes` if it is whole, of this version and of `doc` (its unit ids are the document's); else null. */
export function decodePreparedEntry(bytes: Uint8Array, doc: PolicyDocument): PreparedEntry | null {
  // A document whose units are read only when asked (a rebuild's unchanged one) is not made to read them: its entry
  // is filed under its file's hash, which covers every unit id, and the checksum covers the ids stored, so an entry
  // of no more units than it has (those with wording), each named under its id, is its own. Its units are not held,
  // so the stored ids are the only copy.
  const later = deferredUnits(doc);
  const prefix = `${doc.id}~`;
  if (later) return decodeEntry(bytes, (stored) => (stored.length <= later.unitCount && stored.every((id) => id.startsWith(prefix)) ? stored : null));
  // Each must be a unit of this document; the document's own strings are kept (700,000 copies would be 100 MB).
  return decodeEntry(bytes, (stored) => {
    const unitIds = new Map(allUnits(doc.units).map((u) => [u.id, u.id]));
    const ids = stored.map((id) => unitIds.get(id));
    return ids.some((id) => id === undefined) ? null : (ids as string[]);
  });
}

/** The entry in `bytes` if it is whole and of this version, with the unit ids it stores: a document no longer at hand. */
export function decodeStoredEntry(bytes: Uint8Array): PreparedEntry | null {
  return decodeEntry(bytes, (stored) => stored);
}

function decodeEntry(bytes: Uint8Array, unitIds: (stored: string[]) => string[] | null): PreparedEntry | null {
  if (bytes.byteLength % 4 !== 0 || bytes.byteLength < HEADER * 4) return null;
  // A view needs a 4-byte-aligned offset; a file read whole usually has one, a copy makes sure.
  const words = bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4) : new Uint32Array(bytes.slice().buffer);
  const [magic, version, layout, n, docLen, total, boilerLen, idBytes, common, sum] = words;
  if (magic !== MAGIC || version !== PREPARED_CACHE_VERSION || layout !== ((SIGNATURE_LENGTH << 8) | SHINGLE_SIZE)) return null;
  const sigStart = HEADER + n + docLen + total + boilerLen + n;
  if (sigStart + n * SIGNATURE_LENGTH + Math.ceil(idBytes / 4) !== words.length) return null;
  if (checksum(words) !== sum) return null;
  const stored = idBytes ? new TextDecoder().decode(new Uint8Array(words.buffer, words.byteOffset + (sigStart + n * SIGNATURE_LENGTH) * 4, idBytes)).split('\n') : [];
  const ids = stored.length === n ? unitIds(stored) : null;
  if (!ids) return null;
  let at = HEADER + n;
  const docSet = words.subarray(at, (at += docLen));
  // Unit k's shingles are words start[k] … start[k + 1]; the views of `unitSets` are made only if it is read.
  // Summed as a number: in the Uint32Array they wrap, and lengths adding up to the total only modulo 2³² would pass.
  const start = new Uint32Array(n + 1);
  start[0] = at;
  let end = at;
  for (let i = 0; i < n; i++) start[i + 1] = end += words[HEADER + i];
  if (end - at !== total) return null;
  at = end;
  const boiler = words.subarray(at, (at += boilerLen));
  const own = new Int32Array(words.buffer, words.byteOffset + at * 4, n);
  at += n;
  // One view of them all (UnitSigs places each unit in it): a view per unit was 700,000 objects at 10,000 documents.
  const sigs = words.subarray(at, at + n * SIGNATURE_LENGTH);
  let unitSets: Uint32Array[] | null = null;
  const entry = { ids, docSet, boiler, common, own, sigs } as PreparedEntry;
  // Enumerable, so that a copy made by spreading the entry has the sets too.
  Object.defineProperty(entry, 'unitSets', { enumerable: true, get: () => (unitSets ??= Array.from({ length: n }, (_, k) => words.subarray(start[k], start[k + 1]))) });
  decodedSets.set(entry, { words, start });
  return entry;
}

/** Where decoded entries hold their units' sets (a copy of an entry, made by spreading it, is not one of them). */
const decodedSets = new WeakMap<PreparedEntry, { words: Uint32Array; start: Uint32Array }>();

/**
 * Where a decoded entry holds its units' sets: unit k's are words start[k] up to start[k + 1]; null for an entry not
 * decoded here (its `unitSets` are the sets). Detection takes a stored entry's units from these (clause-matches.ts
 * PreparedUnit), not through a view of each.
 */
export function storedSets(entry: PreparedEntry): { words: Uint32Array; start: Uint32Array } | null {
  return decodedSets.get(entry) ?? null;
}

/**
 * Whether an entry's signatures are the ones computed now, without the corpus's `common` shingles (`key`: their
 * commonHash, made once for all entries). Made without these very shingles, it is; made without others, it is
 * when they leave the document the same boilerplate (`boiler`: commonPart of its units' sets). Finding that was
 * 0.4 s of a rebuild at 10,000 documents, for entries almost all made without the same common shingles.
 */
export function madeWithCommon(entry: PreparedEntry, common: Uint32Array, key = commonHash(common)): boolean {
  if (entry.common === key) return true;
  const boiler = commonPart(entry.unitSets, common);
  if (entry.boiler.length !== boiler.length) return false;
  for (let i = 0; i < boiler.length; i++) if (entry.boiler[i] !== boiler[i]) return false;
  return true;
}
