/**
 * A second thread for matching clauses from scratch (issue 20: in a first build of 10,000 documents, walking the
 * clause LSH bands and measuring their pairs was about 20 s in the build's thread while the other core waited).
 * Core's matchClauseLists walks half the bands and the worker (clause-worker.ts) the other half over the same
 * signatures and sets, which it shares rather than copies: they are views of the per-document entries the
 * variants threads made in shared memory (variants-worker.ts), 470 MB at 10,000 documents that a copy would add
 * to the build's peak (one buffer an entry: sending a worker k distinct shared buffers costs k², each looked up among
 * those already sent, 0.14 s for 10,000 and 0.4 s for 20,000 on this machine). Detection is synchronous, so the build's thread takes the worker's pairs between its
 * bands without waiting (`receiveMessageOnPort`) and, at the end, waits on a shared word the worker sets.
 *
 * Nothing is started (every band walked in the build's thread, the same result) with no worker threads (`--jobs 0`),
 * below MIN_ITEMS_FOR_THREAD items, or when a signature or set is not in shared memory (an entry read from disk, or
 * a signature made again in this thread).
 */
import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { helperBand, type ClauseHelper, type ClauseJob } from '../core/compare/clause-helper.js';
import { DONE, FAILED, HelperThread, RUNNING, startWorker, workerUrl } from './worker-thread.js';

/** `state[0]`: how the walk stands (RUNNING, DONE, FAILED); `state[1]`: bands walked, the sign of life the build's thread watches. */
export { DONE, FAILED, RUNNING };

/** What the worker is started with. */
export interface ClauseWorkerData {
  job: ClauseJob;
  port: MessagePort;
  state: Int32Array;
}

/** Below this many units to match (about 1,000 documents), the walk takes about a second: not worth a thread. */
export const MIN_ITEMS_FOR_THREAD = 50_000;
/** How long the build's thread sleeps between looks at the worker (ms). */
const LOOK_EVERY = 500;
/**
 * A worker that walked no band for this long is taken for gone (ms). One that dies (out of memory, killed) never
 * says so where a thread without an event loop can see it: a band at 10,000 documents takes about 0.2 s.
 */
export const SILENT_LIMIT = 120_000;

const isShared = (a: Uint32Array) => a.buffer instanceof SharedArrayBuffer;

export class ClauseThread extends HelperThread implements ClauseHelper {
  private readonly state = new Int32Array(new SharedArrayBuffer(8));
  /** Whether a walk was handed to the worker (for the build's figures and the tests). */
  used = false;
  readonly walks = helperBand;

  constructor(private readonly options: { jobs: number; minItems?: number; silentLimit?: number }) {
    super();
  }

  start(job: ClauseJob): boolean {
    if (this.worker || this.options.jobs < 1 || job.sigs.length < (this.options.minItems ?? MIN_ITEMS_FOR_THREAD)) return false;
    if (!job.sigs.every(isShared) || !job.sets.every(isShared)) return false;
    const { port1, port2 } = new MessageChannel();
    const data: ClauseWorkerData = { job, port: port2, state: this.state };
    this.worker = startWorker(workerUrl('clause-worker'), { workerData: data, transferList: [port2] });
    this.worker.on('error', () => undefined); // seen by `take`, through the state and threadId
    this.port = port1;
    this.used = true;
    return true;
  }

  take(wait: boolean): Float64Array[] {
    const port = this.port;
    if (!port) throw new Error('clause thread: asked for pairs before it was started');
    const out: Float64Array[] = [];
    const drain = () => {
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
        const message = m.message as Float64Array | { error: string };
        if (message instanceof Float64Array) out.push(message);
        else throw new Error(`clause thread failed: ${message.error}`);
      }
    };
    drain();
    if (!wait) return out;
    let bands = Atomics.load(this.state, 1);
    let since = performance.now();
    for (;;) {
      const state = Atomics.load(this.state, 0);
      if (state !== RUNNING) {
        drain();
        if (state === FAILED) throw new Error('clause thread failed');
        return out;
      }
      if (Atomics.load(this.state, 1) !== bands) {
        bands = Atomics.load(this.state, 1);
        since = performance.now();
      } else if (performance.now() - since > (this.options.silentLimit ?? SILENT_LIMIT)) throw new Error('clause thread: no band walked for too long');
      Atomics.wait(this.state, 0, RUNNING, LOOK_EVERY);
      drain();
    }
  }
}
