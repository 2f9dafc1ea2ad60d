/**
 * The variants step's per-document cache in the corpus folder (cache/variants/<key>.bin), like the parse
 * cache (parse-pool.ts): one entry per document (core/compare/prepared-cache.ts), named by a hash of the
 * document as the build produced it and of the entry format, so a changed document, or a build of another
 * format, finds nothing. Entries are read and written synchronously, as detection asks for them; what an
 * entry holds is checked by core before it is used. Entries no build used are pruned after the build.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { PolicyDocument } from '../core/corpus/types.js';
import { PREPARED_CACHE_VERSION, type PreparedCache } from '../core/compare/prepared-cache.js';
import { pruneCacheDir } from './cache-prune.js';
import { DocHashes } from './doc-hashes.js';
import { ReadAhead } from './read-ahead.js';
import { readRegularFile } from './read-into.js';

export const VARIANTS_CACHE_DIR = path.join('cache', 'variants');
/** Fewer documents than this are read in this thread: a thread costs more than it saves. */
export const MIN_READ_AHEAD = 64;
const CACHE_NAME = /^([0-9a-f]{64}|clauses|pairs|subject|common|shared)\.bin$/;
/** The clause matches of the last build (core/compare/clause-lists.ts), replaced by each build. */
const CLAUSES_FILE = 'clauses.bin';
/** The document pairs the last build measured (core/compare/pair-counts.ts), replaced by each build. */
const PAIRS_FILE = 'pairs.bin';
/** Every document's terms for subject pairs in the last build (core/compare/subject-terms.ts), replaced by each build. */
const SUBJECT_FILE = 'subject.bin';
/** The common shingles' counts of the last build (core/compare/common-counts.ts), replaced by each build. */
const COMMON_FILE = 'common.bin';
/** The shared clause counts of the last build's document pairs (core/compare/shared-counts.ts), replaced by each build. */
const SHARED_FILE = 'shared.bin';
/** The files of the whole build beside the documents' entries. */
const STATE_FILES = new Set([CLAUSES_FILE, PAIRS_FILE, SUBJECT_FILE, COMMON_FILE, SHARED_FILE]);

/** The last build's file `name` of the state files, or null. */
function stateFile(dir: string, name: string): StateFile {
  return {
    path: path.join(dir, name),
    read: () => {
      try {
        return readFileSync(path.join(dir, name));
      } catch {
        return null;
      }
    },
    write: (bytes) => void writeAside(path.join(dir, name), bytes),
    writeParts: (parts) => void writeAside(path.join(dir, name), parts),
  };
}

/** One of the files of the whole build: read whole (null when there is none), replaced whole. */
export interface StateFile {
  read(): Uint8Array | null;
  write(bytes: Uint8Array): void;
  /** Replace it with these parts, one after the other (no copy of the whole in memory). */
  writeParts(parts: Iterable<Uint8Array>): void;
  /** Where it is (a worker thread writes it: cli/subject-thread.ts). */
  path: string;
}

export interface VariantsCache extends PreparedCache {
  key(doc: PolicyDocument): string;
  /** Every document's terms for subject pairs (cli/subject-thread.ts). */
  subjectState: StateFile;
  /** Entry names this build asked for (the rest can be pruned). */
  used: Set<string>;
  /**
   * Start reading these documents' entries, in this order, in a thread of their own (read-ahead.ts): `get` then
   * takes each as it is read. Worth it for many (a rebuild reads every document's); with few, or no entries, nothing starts.
   */
  readAhead(docs: PolicyDocument[]): Promise<void>;
  /** Stop the read-ahead: later entries are read in this thread. What it read stays in use. */
  endReadAhead(): Promise<void>;
  /** Entries read (whether sound or not: core decides), and entries written. */
  read: number;
  written: number;
}

/** `docs`: the documents' file hashes, shared with the corpus writer (a cache of its own where none is given). */
export function variantsCache(corpusDir: string, docs: DocHashes = new DocHashes()): VariantsCache {
  const dir = path.join(corpusDir, VARIANTS_CACHE_DIR);
  mkdirSync(dir, { recursive: true });
  const keys = new WeakMap<PolicyDocument, string>();
  const keyOf = (doc: PolicyDocument) => {
    let key = keys.get(doc);
    if (!key) keys.set(doc, (key = `${entryName(docs.of(doc))}.bin`));
    return key;
  };
  // Entries read ahead by a thread of their own (read-ahead.ts), by name: where each is in its list.
  let ahead: { reader: ReadAhead; at: Map<string, number> } | null = null;
  let aheadUsed = false;
  // With a read-ahead, the entries read here are a few (a gone document's, one that did not fit): small slabs, not one
  // for all. A new 64 MB buffer then cost a full collection of the build's heap (see SlabReader), 0.2 s.
  const slabs = new SlabReader(() => (aheadUsed ? { first: 0, least: SMALL_SLAB_BYTES } : { first: entryBytes(dir), least: SLAB_BYTES }));
  const read = (name: string) => {
    const bytes = slabs.read(path.join(dir, name));
    if (bytes) cache.read++;
    return bytes;
  };
  const cache: VariantsCache = {
    used: new Set(),
    read: 0,
    written: 0,
    get(doc) {
      const key = keyOf(doc);
      cache.used.add(key);
      const i = ahead?.at.get(key);
      const bytes = i === undefined ? undefined : ahead!.reader.take(i);
      if (bytes === undefined) return read(key);
      if (bytes) cache.read++;
      return bytes;
    },
    async readAhead(docs) {
      if (docs.length < MIN_READ_AHEAD || ahead) return;
      const names = docs.map(keyOf);
      const reader = await ReadAhead.start(
        names.map((name) => path.join(dir, name)),
        entryBytes(dir),
      );
      if (!reader) return;
      aheadUsed = true;
      ahead = { reader, at: new Map(names.map((name, i) => [name, i])) };
    },
    async endReadAhead() {
      const done = ahead;
      ahead = null;
      await done?.reader.stop();
    },
    put(doc, entry) {
      if (writeAside(path.join(dir, keyOf(doc)), entry)) cache.written++;
    },
    key: keyOf,
    // A gone document's entry, read before this build prunes it: it is not marked used.
    entryByKey: (key) => (CACHE_NAME.test(key) && !STATE_FILES.has(key) ? read(key) : null),
    clauseState: stateFile(dir, CLAUSES_FILE),
    pairState: stateFile(dir, PAIRS_FILE),
    commonState: stateFile(dir, COMMON_FILE),
    sharedState: stateFile(dir, SHARED_FILE),
    subjectState: stateFile(dir, SUBJECT_FILE),
  };
  return cache;
}

/**
 * Written aside and renamed: a killed build leaves no half file (core would refuse it, but need not see one). `bytes`
 * may come in parts: small ones are gathered into writes of about a megabyte.
 */
export function writeAside(file: string, bytes: Uint8Array | Iterable<Uint8Array>): boolean {
  const tmp = `${file}.${process.pid}.tmp`;
  let fd: number | null = null;
  try {
    fd = openSync(tmp, 'w');
    const gather = new Uint8Array(1 << 20);
    let held = 0;
    const put = (b: Uint8Array) => {
      for (let at = 0; at < b.length; ) at += writeSync(fd!, b, at, b.length - at);
    };
    for (const part of bytes instanceof Uint8Array ? [bytes] : bytes) {
      if (held + part.length > gather.length) {
        put(gather.subarray(0, held));
        held = 0;
      }
      if (part.length > gather.length) put(part);
      else {
        gather.set(part, held);
        held += part.length;
      }
    }
    put(gather.subarray(0, held));
    closeSync(fd);
    fd = null;
    renameSync(tmp, file);
    return true;
  } catch {
    // A cache that cannot be written only makes the next build slower.
    if (fd !== null) closeSync(fd);
    rmSync(tmp, { force: true });
    return false;
  }
}

/**
 * Entries are read into shared slabs, not a buffer each. Detection keeps each entry (views into it) until
 * it ends, then drops them all; 10,000 entries of about 60 KB each, each its own allocation, left their
 * memory with the C allocator after they were freed (400 MB more RSS for the rest of a rebuild, measured),
 * while a slab is above the size the allocator maps on its own, so it goes back to the system whole.
 *
 * The first slab is made large enough for every entry in the folder (what a build can read), not 64 MB: each
 * new buffer adds its size to V8's external memory, and 64 MB of it since the last collection starts a full
 * collection of the whole heap, the build's documents included. Reading 600 MB of entries in 64 MB slabs
 * cost about ten such collections of a 0.8 GB heap, about 1 s each; one slab costs one. Its pages that are
 * never read are never resident (a block this large is mapped from the system, each page made on first use),
 * so the build's RSS is what it reads, as before.
 */
const SLAB_BYTES = 64 * 1024 * 1024;
/** Slabs for the few entries read here beside a read-ahead (read-ahead.ts): a chunk the allocator maps and unmaps whole. */
const SMALL_SLAB_BYTES = 1024 * 1024;

class SlabReader {
  private slab: Uint8Array = new Uint8Array(0);
  private at = 0;

  /** `sizes`: what all the reads can come to (the first slab's size), and the least a slab holds, asked for when a slab is made. */
  constructor(private readonly sizes: () => { first: number; least: number }) {}

  /** The file's bytes, null when it cannot be read or is not a regular file (read-into.ts). */
  read(file: string): Uint8Array | null {
    const bytes = readRegularFile(file, (size) => {
      if (this.at + size > this.slab.length) {
        const { first, least: smallest } = this.sizes();
        const least = Math.max(smallest, size);
        this.slab = allocate(this.slab.length ? least : Math.max(least, first), least);
        this.at = 0;
      }
      return this.slab.subarray(this.at, this.at + size);
    });
    if (!bytes) return null;
    // Entries are read as Uint32 words: the next starts on a multiple of 4.
    this.at += (bytes.length + 3) & ~3;
    return bytes;
  }
}

/** A buffer of `bytes`, or of `least` where the system refuses that many (a folder of stray entries). */
function allocate(bytes: number, least: number): Uint8Array {
  try {
    return new Uint8Array(bytes);
  } catch {
    return new Uint8Array(least);
  }
}

/** The bytes of the entries in the cache folder, each from a multiple of 4 as a slab holds them (0 where it cannot be read). */
function entryBytes(dir: string): number {
  let total = 0;
  try {
    for (const name of readdirSync(dir)) {
      if (!CACHE_NAME.test(name) || STATE_FILES.has(name)) continue;
      // Gone since it was listed (another build pruned it): nothing to read.
      const st = statSync(path.join(dir, name), { throwIfNoEntry: false });
      if (st) total += st.size + 3;
    }
  } catch {
    return 0;
  }
  return total;
}

/** An entry's name: the hash of the entry format and the document's file hash (the document as the build writes it). */
function entryName(docHash: string): string {
  return createHash('sha256').update(`variants ${PREPARED_CACHE_VERSION}\n${docHash}`).digest('hex');
}

/** Remove entries this build did not use, and leftovers of killed builds: only files named as the cache names them. */
export function pruneVariantsCache(corpusDir: string, used: Set<string>): Promise<number> {
  // The clause matches and the measured pairs are this build's (replaced, never left stale): kept whatever the entries used.
  return pruneCacheDir(path.join(corpusDir, VARIANTS_CACHE_DIR), CACHE_NAME, new Set([...used, ...STATE_FILES]));
}
