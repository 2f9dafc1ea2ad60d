/**
 * The read-ahead thread (read-ahead.ts): reads its files in order into the shared slab, each from a multiple of 4,
 * recording each one's offset and length in the table before counting it done. Stops when asked, or on an error
 * of its own; a file it cannot read is recorded as such, and the next is read.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readRegularFile } from './read-into.js';
import { AHEAD, DONE, FAILED, NO_ROOM, RUNNING, STATE, TABLE, TAKEN, UNREADABLE, type ReadAheadJob } from './read-ahead.js';

const { files, slab, table: shared } = workerData as ReadAheadJob;
const table = new Int32Array(shared);
const bytes = new Uint8Array(slab);

/** File `file` read into the slab at `at`: its length, UNREADABLE or NO_ROOM. */
function readInto(file: string, at: number): number {
  const read = readRegularFile(file, (size) => (at + size <= bytes.length ? bytes.subarray(at, at + size) : null));
  return read === undefined ? NO_ROOM : read === null ? UNREADABLE : read.length;
}

Atomics.store(table, STATE, RUNNING);
parentPort!.postMessage('running');
try {
  let at = 0;
  for (let i = 0; i < files.length && Atomics.load(table, STATE) === RUNNING; i++) {
    // No further ahead than AHEAD files of the one last taken (woken when one is taken, or told to stop).
    for (let taken = Atomics.load(table, TAKEN); i > taken + AHEAD && Atomics.load(table, STATE) === RUNNING; taken = Atomics.load(table, TAKEN)) Atomics.wait(table, TAKEN, taken, 100);
    const length = readInto(files[i], at);
    table[TABLE + 2 * i] = at;
    table[TABLE + 2 * i + 1] = length;
    if (length >= 0) at += (length + 3) & ~3;
    // Stored atomically after the offset and length: whoever sees the count sees them.
    Atomics.store(table, DONE, i + 1);
    Atomics.notify(table, DONE);
  }
} catch {
  Atomics.compareExchange(table, STATE, RUNNING, FAILED);
}
Atomics.notify(table, DONE);
