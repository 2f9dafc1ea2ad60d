/**
 * Each document's file hash: the SHA-256 of `docs/<id>.json` as the build writes it (compactJson). Made once per
 * document and shared: the variants cache names its entries by it (cli/variants-cache.ts), and the corpus writer
 * takes it as the file's hash, so that a document the previous version holds unchanged is linked without being
 * made into JSON and hashed a second time (cli/version-files.ts). Both were done over every document in every
 * build: at 10,000 documents about 1.4 s for the cache's keys and 1.5 s for the files.
 */
import { compactJson } from '../core/corpus/build.js';
import type { PolicyDocument } from '../core/corpus/types.js';
import { sha256Hex } from './hash.js';

export class DocHashes {
  private readonly hashes = new WeakMap<PolicyDocument, string>();

  /** The hash of the document's file (each document object is read once: the build does not change a document after it is assembled). */
  of(doc: PolicyDocument): string {
    let h = this.hashes.get(doc);
    if (h === undefined) this.hashes.set(doc, (h = sha256Hex(compactJson(doc))));
    return h;
  }
}
