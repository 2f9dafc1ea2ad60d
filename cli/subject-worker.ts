/**
 * The build's subject thread (subject-thread.ts), one request long: the documents' keys, the last build's store of
 * terms and the terms read for the documents it lacks → every document's terms in order, written as the store for
 * the next build, and the ranking (core/compare/subject.ts), handed back without a copy.
 *
 * The thread ends once it has answered, by itself, so what ranking used is given back to the system at once: the
 * build's own thread is busy with detection and could not stop it before detection ends, and an idle thread
 * collects no garbage (kept alive, it held 270 MB more through the build's peak).
 */
import { parentPort } from 'node:worker_threads';
import { rankingBuffers, rankSubjects, type SubjectRanking } from '../core/compare/subject.js';
import { termsInOrder } from './subject-thread.js';
import { writeAside } from './variants-cache.js';

export interface SubjectRequest {
  id: number;
  keys: string[];
  last: Uint8Array | null;
  fresh: Uint8Array;
  stamp: string;
  /** Where the store is written for the next build. */
  file: string;
}

export interface SubjectReply {
  id: number;
  ranking?: SubjectRanking;
  error?: string;
}

parentPort?.on('message', (m: SubjectRequest) => {
  try {
    const ranking = rankSubjects(termsInOrder(m.keys, m.last, m.fresh, m.stamp, (store) => writeAside(m.file, store)));
    parentPort!.postMessage({ id: m.id, ranking } satisfies SubjectReply, rankingBuffers(ranking));
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies SubjectReply);
  }
  // Nothing keeps the thread alive after this: it ends, its reply already sent.
  parentPort!.close();
});
