/**
 * The build's search thread (search-thread.ts): updates the previous index for the documents it is given, and posts
 * the index back, its long byte arrays moved. Its end (or failure) is also written to `state`, where the build's
 * thread looks without an event loop.
 */
import { workerData } from 'node:worker_threads';
import { updateCounts } from '../core/search/artifacts.js';
import { corpusFrom } from '../core/search/corpus-units.js';
import { updatedIndexData } from '../core/search/index-update.js';
import { DONE, FAILED, type SearchReply, type SearchWorkerData } from './search-thread.js';
import { previousIndexFor } from './search-update.js';

const { dir, files, docs, port, state } = workerData as SearchWorkerData;
let end = DONE;
try {
  let reply: SearchReply = { updated: null, unitsIndexed: 0, textShardsMoved: 0 };
  const transfer: ArrayBuffer[] = [];
  const last = previousIndexFor({ dir, files: new Map(files) }, docs, (d) => d.hash);
  // A document without records here is one whose file is unchanged: the previous index must hold it.
  const corpus = last && corpusFrom(docs.map((d) => ({ search: d.search, records: (di: number) => last.kept(d, di) ?? d.records?.map((r) => ({ ...r, doc: di })) ?? null })));
  if (last && corpus) {
    const oldOf = last.oldOf(corpus);
    const updated = updatedIndexData(corpus, oldOf, last.previous);
    if (updated) {
      reply = { updated, ...updateCounts(oldOf, updated) };
      for (const shard of [...updated.postings, ...updated.positions]) if (!transfer.includes(shard.bytes.buffer as ArrayBuffer)) transfer.push(shard.bytes.buffer as ArrayBuffer);
    }
  }
  port.postMessage(reply, transfer);
} catch (e) {
  port.postMessage({ updated: null, unitsIndexed: 0, textShardsMoved: 0, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies SearchReply);
  end = FAILED;
}
// Posted before the state is stored: a message posted is already on the other side's queue.
Atomics.store(state, 0, end);
Atomics.notify(state, 0);
port.close();
