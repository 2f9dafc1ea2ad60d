/**
 * The shared clause counts of document pairs (sharedClauseCounts) kept from one build to the next (issue 20: a
 * rebuild after one changed file; counting every pair's one-to-one clause matches was about 1.9 s of every
 * rebuild at 10,000 documents).
 *
 * Why that is exact. A pair's count depends only on the matches between its two documents' units, and those are
 * in the two documents' units' match lists. When the clause matches were kept from the earlier build
 * (clause-lists.ts), every unit of a document it does not flag has the earlier build's list, unit for unit; so a
 * pair of two unflagged documents has the earlier build's count. Only pairs with a flagged document (new, or with
 * a unit matched again) are counted.
 *
 * The counts are stored as pair-counts.ts stores measured pairs (documents by content key), under the checksum of
 * the clause state written in the same build: counts beside a clause state of another build (one killed between
 * the two writes, or one whose write failed) do not go with the lists that state gives, and are not used.
 */
import { CLAUSE_SIMILARITY, docPairKey, MAX_CLAUSE_CANDIDATES, sharedClauseCounts, type ClauseGraph, type Prepared } from './clause-matches.js';
import { PairCounts } from './pair-counts.js';
import { hashString } from './shingles.js';

const FORMAT = 1;
/** What a count depends on besides the match lists: how one-to-one matches are counted from them. */
const SETTINGS = hashString(['shared clauses', FORMAT, CLAUSE_SIMILARITY, MAX_CLAUSE_CANDIDATES].join(','));

/** What the clause matching tells: the documents whose matches may have changed, and the states' checksums (cachedClauseLists). */
export interface ClauseChanges {
  changedDocs: Uint8Array | null;
  readSum: number | null;
  writtenSum: number | null;
}

/**
 * The shared clause counts of `p` (docPairKey → count), those of pairs of unchanged documents from the earlier
 * build's where `state` holds them for the clause state that was read, the rest counted; this build's are left
 * in `state` for the next. `keys[d]`: document d's content key.
 */
export function cachedSharedCounts(
  p: Prepared,
  g: ClauseGraph,
  unitDoc: Int32Array,
  keys: string[] | null,
  changes: ClauseChanges,
  state: { read(): Uint8Array | null; write(bytes: Uint8Array): void } | undefined,
): { shared: Map<number, number>; kept: number } {
  if (!state || !keys) return { shared: sharedClauseCounts(p, g, unitDoc), kept: 0 };
  const nDocs = p.docs.length;
  const changed = changes.readSum !== null ? changes.changedDocs : null;
  const earlier = changed ? new PairCounts(keys, state.read(), { settings: SETTINGS, tag: changes.readSum! }) : null;
  // Without the earlier counts for the clause state that was read, every pair is counted.
  const usable = earlier?.loaded ? changed! : null;
  const shared = sharedClauseCounts(p, g, unitDoc, usable ?? undefined);
  let kept = 0;
  earlier?.forEachKnown((i, j, count) => {
    if (!usable || usable[i] || usable[j]) return;
    shared.set(docPairKey(i, j, nDocs), count);
    kept++;
  });
  if (changes.writtenSum !== null) {
    const next = new PairCounts(keys, null, { settings: SETTINGS });
    for (const [key, count] of shared) next.record(Math.floor(key / nDocs), key % nDocs, count);
    state.write(next.encode(changes.writtenSum));
  }
  return { shared, kept };
}
