/**
 * Each document's file hash: the SHA-256 of `docs/<id>.json` as the build writes it (compactJson). Made once per
 * document and shared: the variants cache names its entries by it (cli/variants-cache.ts), and the corpus writer
 * takes it as the file's hash, so that a document the previous version holds unchanged is linked without being
 * made into JSON and hashed a second time (cli/version-files.ts). Both were done over every document in every
 * build: at 10,000 documents about 1.4 s for the cache's keys and 1.5 s for the files.
 *
 * A rebuild takes the hash of every document whose provenance (core/corpus/build.ts: its id, title and the files
 * its copies came from, by hash) is one the last build hashed, under the same parser and this module: the same
 * provenance is the same file. Making every document's JSON to hash it again was 1.5 s of a rebuild at 10,000.
 * The record (`cache/doc-hashes.json`) is used only when it names the current version (a build killed before
 * saving it leaves one of an earlier version) and this code (build-records.ts).
 */
import path from 'node:path';
import { compactJson } from '../core/corpus/build.js';
import type { PolicyDocument } from '../core/corpus/types.js';
import { codeFingerprint, readRecord, saveRecord } from './build-records.js';
import { currentVersionName } from './corpus-files.js';
import { sha256Hex } from './hash.js';
import { PARSE_ROOTS } from './parser-fingerprint.js';

const STATE = path.join('cache', 'doc-hashes.json');
const FORMAT = 1;
/** A document's file is made by the parse (core/corpus/build.ts is in its closure) and hashed here. */
const ROOTS = [...PARSE_ROOTS, 'cli/doc-hashes.ts'];
const HEX = /^[0-9a-f]{64}$/;

export class DocHashes {
  private readonly hashes = new WeakMap<PolicyDocument, string>();
  /** Documents whose hash was the last build's (`keep`). */
  kept = 0;

  /** The hash of the document's file (each document object is read once: the build does not change a document after it is assembled). */
  of(doc: PolicyDocument): string {
    let h = this.hashes.get(doc);
    if (h === undefined) this.hashes.set(doc, (h = sha256Hex(compactJson(doc))));
    return h;
  }

  /** Take the last build's hash (`last`: provenance key → hash) for each of `docs` whose provenance (`provenance[i]`, docs[i]'s) it hashed. */
  keep(docs: readonly PolicyDocument[], provenance: readonly string[], last: ReadonlyMap<string, string>): void {
    docs.forEach((doc, i) => {
      const h = last.get(provenanceKey(provenance[i]));
      if (h === undefined || this.hashes.has(doc)) return;
      this.hashes.set(doc, h);
      this.kept++;
    });
  }
}

/** A provenance as the record names it: its SHA-256 (a document of many copies has a long one). */
const provenanceKey = (provenance: string): string => sha256Hex(provenance);

/** The hashes the build of the current version recorded, by provenance key; empty when there is no usable record. */
export async function lastDocHashes(corpusDir: string): Promise<Map<string, string>> {
  const version = await currentVersionName(corpusDir);
  const state = version ? await readRecord(corpusDir, STATE, FORMAT, version) : null;
  const entries = state?.code === codeFingerprint(ROOTS) ? state.hashes : null;
  const valid = Array.isArray(entries) && entries.every((e) => Array.isArray(e) && e.length === 2 && HEX.test(e[0]) && HEX.test(e[1]));
  return new Map(valid ? (entries as [string, string][]) : []);
}

/** `docs`' hashes by their provenance (`provenance[i]`, docs[i]'s): what saveDocHashes records, made while the documents are at hand. */
export function docHashEntries(docs: readonly PolicyDocument[], provenance: readonly string[], hashes: DocHashes): [string, string][] {
  return docs.map((d, i) => [provenanceKey(provenance[i]), hashes.of(d)]);
}

/** Record the documents' hashes (docHashEntries, of `version`, now current) for the next build. */
export async function saveDocHashes(corpusDir: string, version: string, entries: [string, string][]): Promise<void> {
  await saveRecord(corpusDir, STATE, { format: FORMAT, version, code: codeFingerprint(ROOTS), hashes: entries });
}
