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
import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { PolicyDocument } from '../core/corpus/types.js';
import type { SearchCorpus } from '../core/search/corpus-units.js';
import { decodeDocs } from '../core/search/doc-columns.js';
import { SEARCH_FORMAT_VERSION, SEARCH_INDEX_FILE, SEARCH_UNITS_FILE, TOKENIZER_ID, searchPositionsFile, searchPostingsFile, type SerializedIndex, type SerializedPositions, type SerializedPostings } from '../core/search/format.js';
import { previousIndex, type PreviousIndex } from '../core/search/index-update.js';
import { UnitTable, type SerializedUnits } from '../core/search/unit-table.js';
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

/**
 * The previous index and, per unit of `corpus` (flattened from `docs`), the previous unit it is (−1: indexed
 * afresh); null when any file it needs is not as its build wrote it, or does not read.
 */
export function previousIndexFor(prev: PreviousSearch, docs: readonly PolicyDocument[], corpus: SearchCorpus, docHash: (d: PolicyDocument) => string): { previous: PreviousIndex; oldOf: Int32Array } | null {
  const bytesOf = (rel: string): Buffer => {
    const was = prev.files.get(rel);
    const at = path.join(prev.dir, rel);
    if (!was || !isAsWritten(lstatSync(at, { throwIfNoEntry: false }) ?? null, was)) throw new Error(`${rel} is not as it was written`);
    return readFileSync(at);
  };
  const read = (rel: string): string => bytesOf(rel).toString('utf8');
  try {
    const index = JSON.parse(read(`search/${SEARCH_INDEX_FILE}`)) as SerializedIndex;
    const units = JSON.parse(read(`search/${SEARCH_UNITS_FILE}`)) as SerializedUnits;
    if (index.v !== SEARCH_FORMAT_VERSION || index.tokenizer !== TOKENIZER_ID || units.v !== SEARCH_FORMAT_VERSION) return null;
    const oldDocs = decodeDocs(units.docs);
    const table = new UnitTable(units, oldDocs.length);
    if (table.count !== index.unitCount) return null;
    const oldAt = new Map(oldDocs.map((d, j) => [d.id, j]));
    const oldOf = new Int32Array(corpus.units.length).fill(-1);
    // A document's units are consecutive in both; one whose file is unchanged has the same units.
    for (let u = 0; u < corpus.units.length; ) {
      const di = corpus.units[u].doc;
      let end = u;
      while (end < corpus.units.length && corpus.units[end].doc === di) end++;
      const doc = docs[di];
      const j = oldAt.get(doc.id);
      const was = prev.files.get(`docs/${doc.id}.json`);
      if (j !== undefined && was && was.sha256 === docHash(doc) && table.start(j + 1) - table.start(j) === end - u) {
        for (let k = u; k < end; k++) oldOf[k] = table.start(j) + (k - u);
      }
      u = end;
    }
    const postings = index.postingShards.slice(0, -1).map((_, k) => {
      const { head, bytes } = lastString(bytesOf(`search/${searchPostingsFile(k)}`), 'postings');
      return { from: (head as SerializedPostings).from, bytes };
    });
    const positions = index.positionShards.slice(0, -1).map((_, k) => {
      const { head, bytes } = lastString(bytesOf(`search/${searchPositionsFile(k)}`), 'positions');
      return { from: (head as SerializedPositions).from, lens: (head as SerializedPositions).lens, bytes };
    });
    return { previous: previousIndex(index, postings, positions), oldOf };
  } catch {
    return null;
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
