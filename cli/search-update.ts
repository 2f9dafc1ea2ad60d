/**
 * The previous build's search index, for a rebuild to update rather than make again (core/search/index-update.ts;
 * issue 20: the index was about 15 s of a 60 s rebuild at 10,000 documents after one raw file changed).
 *
 * Used only when it is surely what this program would have made of the documents it keeps:
 * - `cache/search-index.json` names the current version and the fingerprint of the code that makes the index
 *   (its modules' hashes, parser-fingerprint.ts), saved once that version was current: an index made by other
 *   code, or a build killed before saving it, is not used;
 * - each index file is still the one the build wrote (cache/version-files.json: size, time, inode);
 * - a document keeps its units' entries only when its file's SHA-256 in the version is its hash now.
 * Anything else (a file missing, changed or unreadable) and the index is made whole, as before: same bytes, more time.
 */
import { lstatSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { SearchCorpus, SearchUnitRecord } from '../core/search/corpus-units.js';
import { decodeDocs } from '../core/search/doc-columns.js';
import { SEARCH_FORMAT_VERSION, SEARCH_INDEX_FILE, SEARCH_UNITS_FILE, TOKENIZER_ID, searchPositionsFile, searchPostingsFile, searchTextsFile, type SerializedIndex, type SerializedPositions, type SerializedPostings } from '../core/search/format.js';
import { previousIndex, type PreviousIndex } from '../core/search/previous-index.js';
import type { PreviousTexts } from '../core/search/build.js';
import { UnitTable, type SerializedUnits } from '../core/search/unit-table.js';
import { TextStore } from '../core/search/texts.js';
import { SearchIndexDamaged } from '../core/search/shard-reader.js';
import { codeFingerprint, readRecord, saveRecord } from './build-records.js';
import { isAsWritten, type WrittenFile } from './version-files.js';
import { currentVersion } from './corpus-files.js';

const STATE = path.join('cache', 'search-index.json');
const FORMAT = 1;
/** The modules whose code makes the index's bytes, followed import by import (this one decides what is kept). */
export const SEARCH_ROOTS = ['core/search/artifacts.ts', 'cli/search-update.ts'];

/** This program's index code, as a hash (build-records.ts). */
export function searchFingerprint(): string {
  return codeFingerprint(SEARCH_ROOTS);
}

/** The current version's folder and what its build wrote there, when its index was made by code with this fingerprint; else null. */
export interface PreviousSearch {
  dir: string;
  files: Map<string, WrittenFile>;
}

export async function previousSearch(corpusDir: string, code: string): Promise<PreviousSearch | null> {
  const current = await currentVersion(corpusDir);
  if (!current?.files) return null;
  const state = await readRecord(corpusDir, STATE, FORMAT, current.version);
  return state?.fingerprint === code ? { dir: current.dir, files: current.files } : null;
}

/** Record that `version`, now current, has an index made by code `code` (build-records.ts: a failure costs the next build time, not output). */
export async function saveSearchState(corpusDir: string, version: string, code: string): Promise<void> {
  await saveRecord(corpusDir, STATE, { format: FORMAT, version, fingerprint: code });
}

/** The previous index, to update, and what it keeps of the documents it holds unchanged. */
export interface PreviousIndexUse {
  previous: PreviousIndex;
  /**
   * An unchanged document's search records, from the previous index's text shards (flattenCorpus's `kept`), so that
   * its units need not be read (core/corpus/deferred-units.ts); null for a document indexed afresh.
   */
  kept: (doc: { id: string }, di: number) => SearchUnitRecord[] | null;
  /** Per unit of the corpus flattened with `kept`: the previous unit it is (−1: indexed afresh). */
  oldOf: (corpus: SearchCorpus) => Int32Array;
}

/**
 * The previous index and the documents of `docs` it holds unchanged; null when any file it needs is not as its
 * build wrote it, or does not read. Every file is read and checked here but the text shards: each is checked to be as
 * written, and read only if a record of it is asked for (a shard of kept units in order is moved whole, unread:
 * core/search/build.ts), so a shard changed during the build stops it, with the previous version current.
 */
export function previousIndexFor<D extends { id: string }>(prev: PreviousSearch, docs: readonly D[], docHash: (d: D) => string): PreviousIndexUse | null {
  const asWritten = (rel: string): string => asWrittenIn(prev, rel);
  const bytesOf = (rel: string): Buffer => readFileSync(asWritten(rel));
  const read = (rel: string): string => bytesOf(rel).toString('utf8');
  try {
    const index = JSON.parse(read(`search/${SEARCH_INDEX_FILE}`)) as SerializedIndex;
    const units = JSON.parse(read(`search/${SEARCH_UNITS_FILE}`)) as SerializedUnits;
    if (index.v !== SEARCH_FORMAT_VERSION || index.tokenizer !== TOKENIZER_ID || units.v !== SEARCH_FORMAT_VERSION) return null;
    const oldDocs = decodeDocs(units.docs);
    const table = new UnitTable(units, oldDocs.length);
    if (table.count !== index.unitCount || index.shards.at(-1) !== table.count) return null;
    // A document whose file is unchanged has the same units, and so the same records.
    const oldAt = new Map(oldDocs.map((d, j) => [d.id, j]));
    const keptAt = new Map<string, number>();
    for (const doc of docs) {
      const j = oldAt.get(doc.id);
      if (j !== undefined && prev.files.get(`docs/${doc.id}.json`)?.sha256 === docHash(doc)) keptAt.set(doc.id, j);
    }
    const textFiles = index.shards.slice(0, -1).map((_, k) => `search/${searchTextsFile(k)}`);
    for (const rel of textFiles) asWritten(rel);
    // Read when a record of theirs is asked for, and checked against the index then (TextStore).
    const texts = new StoredShards(new TextStore(index.shards, (file) => read(`search/${file}`)), index.shards);
    // Each read as the update asks for it, checked and copied, then let go (previousIndex); their sizes as written bound the strings'.
    const postingShard = (k: number) => {
      const { head, bytes } = lastString(bytesOf(`search/${searchPostingsFile(k)}`), 'postings');
      return { from: (head as SerializedPostings).from, bytes };
    };
    const positionShard = (k: number) => {
      const { head, bytes } = lastString(bytesOf(`search/${searchPositionsFile(k)}`), 'positions');
      return { from: (head as SerializedPositions).from, lens: (head as SerializedPositions).lens, bytes };
    };
    const sizeOf = (starts: number[], file: (k: number) => string) => starts.slice(0, -1).reduce((n, _, k) => n + (prev.files.get(`search/${file(k)}`)?.size ?? 0), 0);
    const sizeHint = { postings: sizeOf(index.postingShards, searchPostingsFile), positions: sizeOf(index.positionShards, searchPositionsFile) };
    const kept = (doc: { id: string }, di: number): SearchUnitRecord[] | null => {
      const j = keptAt.get(doc.id);
      if (j === undefined) return null;
      const out: SearchUnitRecord[] = [];
      // The first unit's path is in the units' file (its document is listed by it), so a shard moved whole is not read.
      for (let u = table.start(j); u < table.start(j + 1); u++) out.push(new StoredUnit(di, u, texts, u === table.start(j) ? table.firstPath(j) : undefined));
      return out;
    };
    const oldOf = (corpus: SearchCorpus): Int32Array => {
      const out = new Int32Array(corpus.units.length).fill(-1);
      // A document's units are consecutive in both.
      for (let u = 0; u < corpus.units.length; ) {
        const di = corpus.units[u].doc;
        let end = u;
        while (end < corpus.units.length && corpus.units[end].doc === di) end++;
        const j = keptAt.get(corpus.docs[di].id);
        if (j !== undefined && table.start(j + 1) - table.start(j) === end - u) for (let k = u; k < end; k++) out[k] = table.start(j) + (k - u);
        u = end;
      }
      return out;
    };
    return { previous: previousIndex(index, postingShard, positionShard, previousTextShards(prev), sizeHint), kept, oldOf };
  } catch {
    return null;
  }
}

/**
 * The previous index's text shards as kept records read them, each shard when one of its records is first asked for,
 * its names decoded once for all its units (UnitNames.all: a unit's own path and trail walk back to its document's first
 * unit, the square of a long law's length when read unit by unit).
 */
class StoredShards {
  private readonly names = new Map<number, { paths: string[]; trails: string[][] }>();

  constructor(
    private readonly texts: TextStore,
    private readonly starts: readonly number[],
  ) {}

  text(u: number): string {
    return this.texts.text(u);
  }

  opening(u: number): string | undefined {
    return this.texts.opening(u);
  }

  path(u: number): string {
    const k = this.shardNames(u);
    return this.names.get(k)!.paths[u - this.starts[k]];
  }

  trail(u: number): string[] {
    const k = this.shardNames(u);
    return this.names.get(k)!.trails[u - this.starts[k]];
  }

  /** Unit u's shard, its names decoded. */
  private shardNames(u: number): number {
    const k = this.texts.shardOf(u);
    if (!this.names.has(k)) this.names.set(k, this.texts.allNames(k));
    return k;
  }
}

/**
 * The previous version's text shards, each read when asked for, and only if still as its build wrote it, with the
 * hash it was recorded with (core/search/build.ts PreviousTexts).
 */
export function previousTextShards(prev: PreviousSearch): Pick<PreviousTexts, 'bytes' | 'sha256'> {
  const rel = (k: number) => `search/${searchTextsFile(k)}`;
  return { bytes: (k) => readFileSync(asWrittenIn(prev, rel(k))), sha256: (k) => prev.files.get(rel(k))?.sha256 };
}

/** The path of file `rel` of the previous version; throws if it is not as its build wrote it. */
function asWrittenIn(prev: PreviousSearch, rel: string): string {
  const was = prev.files.get(rel);
  const at = path.join(prev.dir, rel);
  if (!was || !isAsWritten(lstatSync(at, { throwIfNoEntry: false }) ?? null, was)) throw new Error(`${rel} is not as it was written`);
  return at;
}

/**
 * A kept unit's search record, its fields read from the previous index's text shard when first asked for: a shard
 * moved whole is never read (the first unit's path, which the units' file lists, is given).
 */
class StoredUnit implements SearchUnitRecord {
  constructor(
    readonly doc: number,
    private readonly old: number,
    private readonly shards: StoredShards,
    private readonly firstPath?: string,
  ) {}

  get text(): string {
    return this.shards.text(this.old);
  }

  get path(): string {
    return this.firstPath ?? this.shards.path(this.old);
  }

  get trail(): string[] {
    return this.shards.trail(this.old);
  }

  get opening(): string | undefined {
    return this.shards.opening(this.old);
  }
}

/**
 * The index's files as the writer takes them, any failure to read the previous index along the way (a file of it
 * changed since it was checked, or damaged in a way the check cannot see: its text shards are read only as their files
 * are made) told in Chinese, and the record that it can be updated removed, so the next build makes the index whole
 * rather than fail on it again. Nothing is switched: the build stops before its version is current.
 */
export function* guardedIndexFiles<F extends { path: string; make?: () => unknown }>(files: Iterator<F>, corpusDir: string): Generator<F> {
  const failed = (e: unknown): Error => {
    rmSync(path.join(corpusDir, STATE), { force: true });
    const file = e instanceof SearchIndexDamaged && e.file ? `search/${e.file}` : null;
    const why = e instanceof Error ? e.message : String(e);
    return new Error(`上一版本的搜索索引在本次构建中读不出${file ? `（${file}）` : ''}：它的文件在构建期间被改动或已损坏。构建已停止，当前版本未变；再运行一次 policy-reader build 会重建整个搜索索引。（${why}）`);
  };
  for (;;) {
    let next: IteratorResult<F>;
    try {
      next = files.next();
    } catch (e) {
      throw failed(e);
    }
    if (next.done) return;
    const f = next.value;
    const make = f.make;
    if (!make) yield f;
    else
      yield {
        ...f,
        make: () => {
          try {
            return make();
          } catch (e) {
            throw failed(e);
          }
        },
      };
  }
}

/**
 * A shard file as the build writes it (`JSON.stringify` of an object whose last key is `key`, a string of VLQ
 * digits): the other keys parsed, and that string's bytes as they are in the file. Its 155 MB at 10,000 documents
 * made into strings and back into bytes took 2.5 s; the update reads them as bytes (checked in core: previousIndex).
 */
function lastString(file: Buffer, key: string): { head: unknown; bytes: Uint8Array } {
  const marker = Buffer.from(`,"${key}":"`);
  const at = file.indexOf(marker);
  if (at < 0 || file.length < 2 || file[file.length - 2] !== 0x22 || file[file.length - 1] !== 0x7d) throw new Error(`not a shard with ${key} last`);
  const head = JSON.parse(`${file.toString('utf8', 0, at)}}`) as { v?: unknown };
  if (head?.v !== SEARCH_FORMAT_VERSION) throw new Error('a shard of another format');
  // A plain Uint8Array view, not a Buffer: the update's loops then see one kind of array (a mix made them slower).
  return { head, bytes: new Uint8Array(file.buffer, file.byteOffset + at + marker.length, file.length - 2 - at - marker.length) };
}
