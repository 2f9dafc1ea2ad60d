/**
 * The build's clause thread (clause-thread.ts): walks its share of the clause LSH bands (core's helperPairs) over
 * signatures and sets it shares with the build's thread, posting the pairs that count on `port` as it finds them.
 * The build's thread is busy with the other bands and cannot wait for messages, so the end (or a failure) is also
 * written to `state`, where it can look without an event loop.
 */
import { workerData } from 'node:worker_threads';
import { helperPairs } from '../core/compare/clause-helper.js';
import { DONE, FAILED, type ClauseWorkerData } from './clause-thread.js';

const { job, port, state } = workerData as ClauseWorkerData;
let end = DONE;
try {
  helperPairs(
    job,
    (triples) => port.postMessage(triples, [triples.buffer as ArrayBuffer]),
    () => Atomics.add(state, 1, 1),
  );
} catch (e) {
  port.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  end = FAILED;
}
// Posted before the state is stored: a message posted is already on the other side's queue.
Atomics.store(state, 0, end);
Atomics.notify(state, 0);
port.close();
