/**
 * A worker thread of the build's variants step (variants-pool.ts): the per-document work of detection, in
 * two rounds. `sets`: documents' wordings → their shingle sets (packed). `entries`: the corpus's common
 * shingles (sent once, `common`) and documents' sets → their stored entries, with the units' signatures
 * (core/compare/prepared-cache.ts). The computing is core's own (clause-matches.ts), so an entry made here
 * is the one detection would make.
 */
import { parentPort } from 'node:worker_threads';
import { preparedEntry, wordingSets } from '../core/compare/clause-matches.js';
import { encodePreparedEntry } from '../core/compare/prepared-cache.js';
import { packSets, unpackSets } from './packed-sets.js';

export type VariantsRequest =
  | { id: number; kind: 'sets'; wordings: string[][] }
  | { id: number; kind: 'common'; common: Uint32Array }
  | { id: number; kind: 'entries'; docs: { ids: string[]; sets: Uint32Array }[] };

export interface VariantsReply {
  id: number;
  /** `sets`: one packed buffer per document; `entries`: one entry per document. */
  buffers?: Uint8Array[] | Uint32Array[];
  error?: string;
}

let common: Uint32Array | null = null;

function answer(m: VariantsRequest): Uint8Array[] | Uint32Array[] {
  switch (m.kind) {
    case 'sets':
      return m.wordings.map((w) => packSets(wordingSets(w)));
    case 'common':
      common = m.common;
      return [];
    case 'entries': {
      if (!common) throw new Error('entries asked before the common shingles were sent');
      const c = common;
      return m.docs.map(({ ids, sets }) => {
        const { unitSets, docSet } = unpackSets(sets);
        return encodePreparedEntry(preparedEntry(ids, unitSets, docSet, c));
      });
    }
  }
}

parentPort?.on('message', (m: VariantsRequest) => {
  let reply: VariantsReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const buffers = answer(m);
    transfer = buffers.map((b) => b.buffer as ArrayBuffer);
    reply = { id: m.id, buffers };
  } catch (e) {
    reply = { id: m.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort!.postMessage(reply, transfer);
});
