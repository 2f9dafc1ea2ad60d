/**
 * A second walker for the clause candidates (clause-matches.ts: matchClauseLists). A pair is considered only in
 * the first band its signatures agree on, whoever walks that band (minhash.ts: BandWalk), and BestMatches keeps
 * the same matches whatever the order of the offers, so the bands can be dealt out: the helper walks those it
 * `walks` over the same signatures and sets and reports the pairs it measured at CANDIDATE_CLAUSE_SIMILARITY or
 * more, while matchClauseLists walks the others and offers the helper's pairs too. The result is one thread's.
 * Core defines the helper; the build runs it in a worker thread (cli/clause-thread.ts).
 */
import { CANDIDATE_CLAUSE_SIMILARITY } from './clause-matches.js';
import { setSimilarity } from './measures.js';
import { CLAUSE_LSH_ROWS, forEachCandidate } from './minhash.js';

/** What matchClauseLists hands a helper: the matched units' signatures, shingle sets, documents and keys (unitKey), by LSH item. */
export interface ClauseJob {
  sigs: Uint32Array[];
  sets: Uint32Array[];
  group: Int32Array;
  ids: Uint32Array;
}

export interface ClauseHelper {
  /** Whether the helper walks this band (matchClauseLists walks the others). */
  walks(band: number): boolean;
  /** Starts the other walk; false when it cannot be had (buffers not shared, too few items): every band is then walked by the caller. */
  start(job: ClauseJob): boolean;
  /** The pairs reported since last asked, as (x, y, similarity) triples of LSH items; with `wait`, all that are left, once the walk is over. */
  take(wait: boolean): Float64Array[];
}

/**
 * The bands a helper walks: every other one. Band 0 meets the most pairs, and the caller also takes in the
 * helper's pairs; yet at 10,000 documents dealing the helper more (two bands in three, three in four, band 0 and
 * every third) ended later than this even split, both threads then contending for memory.
 */
export const helperBand = (band: number): boolean => band % 2 === 1;

/** Triples per batch a helper reports: a few MB, so the caller takes them as they come, not all at the end. */
const HELPER_BATCH = 65536;

/**
 * The helper's walk (the bands helperBand deals it), each pair measured and those that count reported in batches of
 * at most `perBatch` pairs; `afterBand` after each band.
 */
export function helperPairs(job: ClauseJob, report: (triples: Float64Array) => void, afterBand: () => void = () => undefined, perBatch = HELPER_BATCH): void {
  const batch = new Float64Array(3 * perBatch);
  let at = 0;
  const flush = () => {
    if (at) report(batch.slice(0, at));
    at = 0;
  };
  const measure = (x: number, y: number) => {
    const sim = setSimilarity(job.sets[x], job.sets[y]);
    if (sim < CANDIDATE_CLAUSE_SIMILARITY) return;
    batch[at++] = x;
    batch[at++] = y;
    batch[at++] = sim;
    if (at === batch.length) flush();
  };
  forEachCandidate(job.sigs, measure, job.group, CLAUSE_LSH_ROWS, job.ids, {
    mine: helperBand,
    afterBand: () => {
      flush();
      afterBand();
    },
  });
  flush();
}
