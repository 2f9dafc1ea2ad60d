/**
 * Files read ahead, in order, by a thread of their own into one shared slab, while this thread works through the
 * ones already read (issue 20: a rebuild reads every document's variants-cache entry, about 600 MB at 10,000
 * documents; read in this thread between decoding them, the reads were 0.7 s of the step's 1.2 s).
 *
 * The two threads share only memory: the slab, and a table of where each file went (read-ahead-worker.ts). This
 * thread waits on the table's counter (Atomics.wait), so its reads stay synchronous, as detection asks for them.
 * A file the thread could not fit in the slab is left to the caller to read itself: the bytes are the same either way.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker, workerUrl } from './worker-thread.js';

/** The table's words: files done, the thread's state, files taken here, then per file its offset and length. */
export const DONE = 0;
export const STATE = 1;
export const TAKEN = 2;
export const TABLE = 3;
/**
 * Files the thread reads ahead of the one taken here, at most. Read far ahead, a file has left the processor's cache
 * by the time it is checked here, and checking it went at the speed of memory: 0.7 s, not 0.4 s, at 10,000 documents.
 */
export const AHEAD = 32;
export const RUNNING = 1;
/** The thread stopped on an error of its own (not a file's): the files it did not reach are the caller's to read. */
export const FAILED = 2;
/** Asked to stop (ReadAhead.stop): the same. */
export const STOPPED = 3;
/** A file's length in the table when it could not be read (missing, not a regular file, unreadable). */
export const UNREADABLE = -1;
/** …when it did not fit in the slab (grown since it was measured): the caller reads it. */
export const NO_ROOM = -2;

/** What the thread is given. Offsets are 32-bit: a slab is at most MAX_SLAB_BYTES. */
export interface ReadAheadJob {
  files: string[];
  slab: SharedArrayBuffer;
  table: SharedArrayBuffer;
}

/** The largest slab read ahead into (offsets are 32-bit words in the table); beyond it the caller reads as before. */
export const MAX_SLAB_BYTES = 2 ** 31 - 1;

export class ReadAhead {
  private readonly table: Int32Array;
  private readonly slab: Uint8Array;
  private worker: Worker | null;

  private constructor(job: ReadAheadJob, worker: Worker) {
    this.table = new Int32Array(job.table);
    this.slab = new Uint8Array(job.slab);
    this.worker = worker;
  }

  /**
   * A thread reading `files` in order into a slab of `slabBytes` (each file from a multiple of 4), started and
   * running; null when it could not be started (the caller reads every file itself).
   */
  static async start(files: string[], slabBytes: number): Promise<ReadAhead | null> {
    if (!(slabBytes >= 0 && slabBytes <= MAX_SLAB_BYTES)) return null;
    const job: ReadAheadJob = { files, slab: new SharedArrayBuffer(slabBytes), table: new SharedArrayBuffer(4 * (TABLE + 2 * files.length)) };
    let worker: Worker;
    try {
      worker = startWorker(workerUrl('read-ahead-worker'), { workerData: job });
    } catch {
      return null;
    }
    // An error after it started is told through the table (FAILED); this one only keeps it from being thrown.
    worker.on('error', () => Atomics.store(new Int32Array(job.table), STATE, FAILED));
    // It says it is running before it reads anything: a thread that never ran must not be waited on.
    const running = await new Promise<boolean>((resolve) => {
      worker.once('message', (m) => resolve(m === 'running'));
      worker.once('error', () => resolve(false));
      worker.once('exit', () => resolve(false));
    });
    if (!running) {
      await worker.terminate();
      return null;
    }
    worker.unref();
    return new ReadAhead(job, worker);
  }

  /** Files the thread is done with (read, or found unreadable or too large), so far. */
  get done(): number {
    return Atomics.load(this.table, DONE);
  }

  /**
   * File i's bytes (a view of the slab) once the thread has read it; null when it could not be read; undefined
   * when the thread did not read it (no room, stopped or failed): the caller reads it itself.
   */
  take(i: number): Uint8Array | null | undefined {
    // The thread may read on up to file i + AHEAD.
    if (Atomics.load(this.table, TAKEN) < i) {
      Atomics.store(this.table, TAKEN, i);
      Atomics.notify(this.table, TAKEN);
    }
    for (;;) {
      const done = Atomics.load(this.table, DONE);
      if (done > i) {
        const at = this.table[TABLE + 2 * i];
        const length = this.table[TABLE + 2 * i + 1];
        if (length === UNREADABLE) return null;
        return length === NO_ROOM ? undefined : this.slab.subarray(at, at + length);
      }
      if (Atomics.load(this.table, STATE) !== RUNNING) return undefined;
      // Woken by the thread when it finishes a file or stops; the timeout only bounds a missed wake.
      Atomics.wait(this.table, DONE, done, 100);
    }
  }

  /** Stop the thread: files it has not reached are the caller's. What it read stays readable. */
  async stop(): Promise<void> {
    Atomics.compareExchange(this.table, STATE, RUNNING, STOPPED);
    Atomics.notify(this.table, TAKEN);
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}
