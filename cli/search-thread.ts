/**
 * The search index's update in a thread of its own, while the build's thread writes the detection's files and the
 * documents' (issue 20: at 10,000 documents the update was 1.9 s of an 11 s rebuild, the writing before it 2 s, with
 * the other core idle). Only for a rebuild that updates the previous index (cli/search-update.ts), and with threads
 * (not `--jobs 0`). It holds a few hundred MB at its peak, so it starts after detection, once what detection let go
 * is collected (build.ts): started without that collection, rebuilds peaked at 1.73–1.92 GB instead of 1.47–1.49 GB.
 * A first build, or one whose detection matched every clause, makes the index in the build's thread as before.
 *
 * The thread is given each document's id, file hash and search facts, and the records of those whose file changed
 * (the others' come from the previous index, read there). It sends back the updated index as data: its posting and
 * position bytes moved, not copied; its moved text shards named, and read from the previous version as they are
 * written. The build's thread asks for it when it reaches the index and waits for it there without an event loop
 * (Atomics.wait on a shared word, then receiveMessageOnPort).
 *
 * Anything else (the thread not started, failed, silent too long, or no usable previous index) and the build's thread
 * updates or makes the index itself, as before: the same bytes.
 */
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import type { PolicyDocument } from '../core/corpus/types.js';
import type { UpdatedIndex } from '../core/search/build.js';
import { docToSearchDoc, unitRecords, type SearchDoc, type SearchUnitRecord } from '../core/search/corpus-units.js';
import type { PreviousSearch } from './search-update.js';
import type { WrittenFile } from './version-files.js';
import { DONE, FAILED, HelperThread, RUNNING, startWorker, workerUrl } from './worker-thread.js';
import { sortedById } from '../core/corpus/doc-ids.js';

/** `state[0]`: how the update stands. */
export { DONE, FAILED, RUNNING };

/** One document, in id order: its records only where its file changed (null: the previous index holds them). */
export interface SearchJobDoc {
  id: string;
  hash: string;
  search: SearchDoc;
  records: SearchUnitRecord[] | null;
}

export interface SearchWorkerData {
  dir: string;
  files: [string, WrittenFile][];
  docs: SearchJobDoc[];
  port: MessagePort;
  state: Int32Array;
}

/** The updated index, or null when the previous one could not be used (the build's thread makes it whole). */
export interface SearchReply {
  updated: UpdatedIndex | null;
  unitsIndexed: number;
  textShardsMoved: number;
  error?: string;
}

/** How long the build's thread sleeps between looks (ms), and how long it waits in all before updating the index itself. */
const LOOK_EVERY = 200;
export const WAIT_LIMIT = 120_000;

export class SearchThread extends HelperThread {

  private constructor(
    worker: Worker,
    port: MessagePort,
    private readonly state: Int32Array,
    private readonly waitLimit: number,
  ) {
    super();
    this.worker = worker;
    this.port = port;
  }

  /** The update started for `docs` on `prev`; null when no thread could be started. */
  static start(prev: PreviousSearch, docs: readonly PolicyDocument[], hashOf: (d: PolicyDocument) => string, waitLimit = WAIT_LIMIT, url = workerUrl('search-worker')): SearchThread | null {
    const sorted = sortedById(docs);
    const jobDocs = sorted.map((d): SearchJobDoc => {
      const hash = hashOf(d);
      const unchanged = prev.files.get(`docs/${d.id}.json`)?.sha256 === hash;
      return { id: d.id, hash, search: docToSearchDoc(d), records: unchanged ? null : unitRecords(d, 0) };
    });
    const { port1, port2 } = new MessageChannel();
    const state = new Int32Array(new SharedArrayBuffer(4));
    const data: SearchWorkerData = { dir: prev.dir, files: [...prev.files], docs: jobDocs, port: port2, state };
    try {
      const worker = startWorker(url, { workerData: data, transferList: [port2] });
      // A failure is told through `state` and the port; this only keeps it from being thrown.
      worker.on('error', () => Atomics.compareExchange(state, 0, RUNNING, FAILED));
      worker.unref();
      return new SearchThread(worker, port1, state, waitLimit);
    } catch {
      port1.close();
      return null;
    }
  }

  /** The thread's reply, waited for; null when it failed or was silent past the limit. */
  take(): SearchReply | null {
    const port = this.port;
    if (!port) return null;
    const since = performance.now();
    for (;;) {
      const m = receiveMessageOnPort(port);
      if (m) return (m.message as SearchReply).error ? null : (m.message as SearchReply);
      // Posted before the state is stored: once it is, the reply (if any) is on this side's queue.
      if (Atomics.load(this.state, 0) !== RUNNING) {
        const last = receiveMessageOnPort(port);
        return last && !(last.message as SearchReply).error ? (last.message as SearchReply) : null;
      }
      if (performance.now() - since > this.waitLimit) return null;
      Atomics.wait(this.state, 0, RUNNING, LOOK_EVERY);
    }
  }
}
