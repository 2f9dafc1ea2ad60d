/**
 * A worker thread of the build's variants step (variants-pool.ts): the per-document work of detection, in
 * two rounds. `sets`: documents → their compared units' ids and shingle sets (packed). `entries`: the corpus's common
 * shingles (sent once, `common`) and documents' sets → their stored entries, with the units' signatures
 * (core/compare/prepared-cache.ts), in shared memory. The computing is core's own (clause-matches.ts), so an entry made here
 * is the one detection would make.
 */
import { parentPort } from 'node:worker_threads';
import { docWordings, preparedEntry, wordingSets } from '../core/compare/clause-matches.js';
import { commonHash } from '../core/compare/common.js';
import type { PolicyDocument } from '../core/corpus/types.js';
import { encodedEntryBytes, encodePreparedEntry, type PreparedEntry } from '../core/compare/prepared-cache.js';
import { packSets, unpackSets } from './packed-sets.js';

export type VariantsRequest =
  | { id: number; kind: 'sets'; docs: PolicyDocument[] }
  | { id: number; kind: 'common'; common: Uint32Array }
  | { id: number; kind: 'entries'; docs: { ids: string[]; sets: Uint32Array }[] };

export interface VariantsReply {
  id: number;
  /** `sets`: one packed buffer per document; `entries`: one entry per document. */
  buffers?: Uint8Array[] | Uint32Array[];
  /** `sets`: each document's compared units' ids. */
  ids?: string[][];
  error?: string;
}

let common: Uint32Array | null = null;
/** Its hash (commonHash), made once: every entry names the common shingles it was made without by it. */
let commonKey = 0;

/**
 * An entry made in shared memory, a buffer of its own: the clause thread (clause-thread.ts) reads the signatures
 * and sets where they lie. Written there directly, not copied. (One buffer for a batch of 24 entries left 140 MB
 * more RSS after the step at 10,000 documents, measured; a buffer each, 30 MB.)
 */
function sharedEntry(e: PreparedEntry): Uint8Array {
  return encodePreparedEntry(e, new Uint8Array(new SharedArrayBuffer(encodedEntryBytes(e))));
}

function answer(m: VariantsRequest): Omit<VariantsReply, 'id'> {
  switch (m.kind) {
    case 'sets': {
      const ids: string[][] = [];
      const buffers = m.docs.map((doc) => {
        const w = docWordings(doc);
        ids.push(w.ids);
        return packSets(wordingSets(w.wordings));
      });
      return { buffers, ids };
    }
    case 'common':
      common = m.common;
      commonKey = commonHash(common);
      return { buffers: [] };
    case 'entries': {
      if (!common) throw new Error('entries asked before the common shingles were sent');
      const c = common;
      const buffers = m.docs.map(({ ids, sets }) => {
        const { unitSets, docSet } = unpackSets(sets);
        return sharedEntry(preparedEntry(ids, unitSets, docSet, c, commonKey));
      });
      return { buffers };
    }
  }
}

parentPort?.on('message', (m: VariantsRequest) => {
  let reply: VariantsReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const r = answer(m);
    // Shared buffers are shared by being sent; only the others are handed over.
    transfer = (r.buffers ?? []).map((b) => b.buffer).filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
    reply = { id: m.id, ...r };
  } catch (e) {
    reply = { id: m.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort!.postMessage(reply, transfer);
});
