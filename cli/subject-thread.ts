/**
 * Subject pairs in the build (issue 20: a rebuild after one changed file). Ranking every document's neighbours by
 * subject (core/compare/subject.ts) was about 4.5 s of a 10,000-document rebuild, all in the thread that then
 * matched clauses, while the machine's other core waited. It needs none of detection's results but the text
 * variants, and those only to choose among the ranked candidates. So the build
 * 1. finds which documents the last build's store of terms (subject-terms.ts) has, by their content keys (the
 *    variants cache's names for them), and reads the others' terms from their text;
 * 2. hands the last store and those terms to a worker thread (subject-worker.ts), which puts every document's
 *    terms in order, writes them as the store for the next build and ranks, while detection runs here;
 * 3. once detection has found the text variants, chooses the pairs from the ranking here.
 * The pairs are the ones detection would make itself (core is the same code; subject-thread.test.ts compares).
 * With fewer documents than MIN_DOCS_FOR_THREAD, no worker threads (`--jobs 0`), or a store that has less than half
 * the documents (a first build: MIN_KEPT_SHARE), all of it is done here, after detection.
 */
import { availableParallelism } from 'node:os';
import type { PolicyDocument } from '../core/corpus/types.js';
import type { SubjectPair } from '../core/compare/format.js';
import { docPairKey } from '../core/compare/clause-matches.js';
import { rankSubjects, subjectPairsOf, type SubjectRanking } from '../core/compare/subject.js';
import { decodeSubjectTerms, encodeSubjectTerms, subjectTerms, subjectTermsParts, termsOfKeys, type SubjectTerms } from '../core/compare/subject-terms.js';
import { codeFingerprint } from './build-records.js';
import type { StateFile } from './variants-cache.js';
import type { SubjectReply, SubjectRequest } from './subject-worker.js';
import { WorkerThread, workerUrl } from './worker-thread.js';
import { wholeBuffer } from '../core/util/whole-buffer.js';

/** Below this many documents, ranking takes well under a second here: a thread would cost more than it saves. */
export const MIN_DOCS_FOR_THREAD = 1000;
/**
 * Ranking goes to a thread only when the last store has at least this share of the documents: a rebuild. A first
 * build (or one of a mostly new corpus) matches every unit's clauses with every unit's signature held, and a second
 * thread ranking beside that raised a 10,000-document build's peak to 2.2 GB once in two runs; there, ranking comes
 * after detection, in this thread, as it did before.
 */
export const MIN_KEPT_SHARE = 0.5;

/** The code that reads a document's terms, as a hash: a store made by other code is not used. */
export function subjectStamp(): string {
  return codeFingerprint(['core/compare/subject-terms.ts']);
}

/**
 * What a build starts from: every document's key, in `docs`' order; the last build's store where it reads (of this
 * code), and the terms of the documents it does not have, read now (`fresh`, encoded as a store).
 */
export function termSources(
  docs: readonly PolicyDocument[],
  keyOf: (doc: PolicyDocument) => string,
  last: Uint8Array | null,
  stamp: string,
  /** `last` decoded, when the caller has it already. */
  stored = last ? decodeSubjectTerms(last, stamp) : null,
): { keys: string[]; last: Uint8Array | null; fresh: Uint8Array; kept: number } {
  const known = new Set(stored?.keys);
  const keys = docs.map(keyOf);
  const missing = docs.map((_, i) => i).filter((i) => !known.has(keys[i]));
  const fresh = encodeSubjectTerms(
    missing.map((i) => keys[i]),
    missing.map((i) => subjectTerms(docs[i])),
    stamp,
  );
  return { keys, last: stored ? last : null, fresh, kept: docs.length - missing.length };
}

/** Every document's terms in order, from the two stores `termSources` gave; `save` is given the store of them for the next build. */
export function termsInOrder(keys: readonly string[], last: Uint8Array | null, fresh: Uint8Array, stamp: string, save: (store: Uint8Array) => void): SubjectTerms[] {
  const terms = termsOfKeys(keys, [decodeSubjectTerms(fresh, stamp), last && decodeSubjectTerms(last, stamp)]);
  if (!terms) throw new Error('subject terms: a document is in neither store');
  save(encodeSubjectTerms(keys, terms, stamp));
  return terms;
}

export interface SubjectJob {
  /** Documents whose terms were the last build's. */
  kept: number;
  /** Whether the ranking is made in a worker thread beside detection (else here, when the pairs are asked for). */
  inThread: boolean;
  /** The subject pairs, leaving out `textVariants` (docPairKeys by document index, as detection gives them). */
  pairs(textVariants: Float64Array): Promise<SubjectPair[]>;
  /** Stops the thread, if it still runs (the build calls it however detection ended). */
  stop(): Promise<void>;
}

/** A buffer of its own, whole, that can be handed to a thread (a small Buffer is a view of a shared pool). */
const own = (b: Uint8Array): Uint8Array => (wholeBuffer(b) ? b : new Uint8Array(b));

/** Starts ranking the subjects of `docs` (see the file's comment); `state`: the store of the last build, replaced by this one's. */
export function startSubjectJob(
  docs: readonly PolicyDocument[],
  keyOf: (doc: PolicyDocument) => string,
  state: StateFile,
  { jobs = availableParallelism(), minDocs = MIN_DOCS_FOR_THREAD }: { jobs?: number; minDocs?: number } = {},
): SubjectJob {
  const stamp = subjectStamp();
  const ids = docs.map((d) => d.id);
  const n = docs.length;
  const pairsOf = (ranking: SubjectRanking, textVariants: Float64Array) => {
    const linked = new Set(textVariants);
    return subjectPairsOf(ranking, ids, (i, j) => linked.has(docPairKey(i, j, n)));
  };
  // How many documents the last store has decides where ranking goes. Read and checked once for both (twice, it was
  // 0.2 s of a 10,000-document rebuild). Ranked here, the store is read again when it is used, so that nothing of it
  // is held through detection.
  const last = state.read();
  const stored = last ? decodeSubjectTerms(last, stamp) : null;
  const known = new Set(stored?.keys);
  const kept = docs.reduce((k, d) => k + (known.has(keyOf(d)) ? 1 : 0), 0);
  known.clear();
  if (jobs < 1 || n < minDocs || kept < n * MIN_KEPT_SHARE) {
    // After detection, in this thread, as detection itself did: reading, ranking and choosing.
    return {
      kept,
      inThread: false,
      pairs: async (textVariants) => {
        // Ranked first, the store made after: the two never held at once (a first build's peak is about here).
        const keys = docs.map(keyOf);
        const stored = decodeSubjectTerms(state.read() ?? new Uint8Array(0), stamp);
        const byKey = new Map(stored?.keys.map((k, i) => [k, stored.terms[i]]));
        const terms = docs.map((doc, i) => byKey.get(keys[i]) ?? subjectTerms(doc));
        const ranking = rankSubjects(terms);
        state.writeParts(subjectTermsParts(keys, terms, stamp));
        return pairsOf(ranking, textVariants);
      },
      stop: async () => undefined,
    };
  }
  const sources = termSources(docs, keyOf, last, stamp, stored);
  const { keys, fresh } = sources;
  const thread = new WorkerThread<SubjectRequest, SubjectReply>(workerUrl('subject-worker'));
  // The stores are handed over, not copied, and the thread ends once it has answered (subject-worker.ts).
  const stores = [sources.last, fresh].filter((b): b is Uint8Array => b !== null).map(own);
  const ranked = thread.request({ keys, last: sources.last && stores[0], fresh: stores.at(-1)!, stamp, file: state.path }, stores.map((b) => b.buffer as ArrayBuffer));
  ranked.catch(() => undefined); // its failure is reported by `pairs`, which waits for it
  return {
    kept,
    inThread: true,
    pairs: async (textVariants) => pairsOf((await ranked).ranking!, textVariants),
    stop: () => thread.stop(),
  };
}
