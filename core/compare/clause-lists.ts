/**
 * Clause matches kept from one build to the next (issue 20: a rebuild after one changed file). Matching every
 * unit's clause against the corpus was 19 of a 10,000-document rebuild's 50 s of variant detection, though one
 * document had changed. What a unit keeps (its best matches, BestMatches) depends only on its candidates, and
 * its candidates only on the LSH buckets it is in: when no bucket of a unit gains or loses a member, its
 * matches are the earlier build's. So a rebuild
 * 1. reads the earlier build's matches (ClauseState, clause-state.ts), documents named by their content keys, and the prints of its
 *    matched units' band keys (BandPrints): only the new units' keys are made;
 * 2. finds, band by band, the buckets a document that came or went was in, and in them the units whose
 *    candidates may differ (every member of a small bucket; in a crowd, only the neighbours within the
 *    window of what came or went, as its order is by the units' own keys, shuffledCrowd);
 * 3. takes every other unit's matches from the earlier build;
 * 4. matches those units and the new documents' units again, exactly as the full matching would.
 * The result is the full matching's, unit for unit (clause-lists.test.ts checks it against a full build).
 * Anything that does not fit — another version, other common shingles, a gone document's entry missing —
 * gives null, and the caller matches everything.
 */
import { bandKey, firstSharedBand, BUCKET_WINDOW, CLAUSE_LSH_ROWS, MAX_BUCKET, shuffledCrowd, shuffleKey, SIGNATURE_LENGTH } from './minhash.js';
import { decodeClauseState, encodeClauseState, stateSum, UNIT, type ClauseState } from './clause-state.js';
import { BestMatches, CANDIDATE_CLAUSE_SIMILARITY, isMatched, matchClauseLists, MAX_CLAUSE_CANDIDATES, unitKey, unitSimilarity, type Prepared } from './clause-matches.js';
import type { ClauseHelper } from './clause-helper.js';
import type { UnitSigs } from './unit-sigs.js';
import { wholeBuffer } from '../util/whole-buffer.js';
import { BandPrints, CrowdKeys } from './band-buckets.js';
import { commonHash } from './common.js';
import { decodeStoredEntry, madeWithCommon, type PreparedCache, type PreparedEntry } from './prepared-cache.js';

/** A unit of `p` is matched when it has shingles enough of its own (isMatched): these, ascending, as the clause LSH numbers them. */
function matchedUnits(p: Prepared, own: Int32Array): number[] {
  const out: number[] = [];
  for (let u = 0; u < p.units.length; u++) if (isMatched(p.units[u].size, own[u])) out.push(u);
  return out;
}

/** The indexes whose flag is set, ascending. */
const flagged = (flags: Uint8Array): number[] => flags.reduce((list, f, x) => (f ? (list.push(x), list) : list), [] as number[]);

/**
 * This build's matches from the earlier build's `state` (see the file's comment), or null when they cannot be
 * had exactly. `keys[d]` is document d's content key, `entryOf(key)` a gone document's stored entry (its
 * signatures made without `common`), `sigs` and `own` every unit's signature and own shingle count.
 */
export function keptClauseLists(
  p: Prepared,
  keys: string[],
  sigs: UnitSigs,
  own: Int32Array,
  common: Uint32Array,
  state: ClauseState,
  entryOf: (key: string) => PreparedEntry | null,
): { lists: BestMatches; prints: BandPrints; rematched: number; changedDocs: Uint8Array; known: Int8Array } | null {
  if (state.common !== commonHash(common)) return null;
  // This build's units in the earlier build (-1: a new document's), and the documents that are gone.
  const earlierDoc = new Map(state.keys.map((k, d) => [k, d]));
  const firstUnit = new Uint32Array(state.keys.length + 1);
  state.unitCounts.forEach((n, d) => (firstUnit[d + 1] = firstUnit[d] + n));
  const earlier = new Int32Array(p.units.length).fill(-1);
  const now = new Int32Array(state.start.length - 1).fill(-1);
  const stays = new Uint8Array(state.keys.length);
  let keptUnits = 0;
  for (let d = 0; d < p.docs.length; d++) {
    const e = earlierDoc.get(keys[d]);
    if (e === undefined) continue;
    if (state.unitCounts[e] !== p.docs[d].units.length) return null;
    stays[e] = 1;
    keptUnits += p.docs[d].units.length;
    p.docs[d].units.forEach((u, k) => {
      earlier[u] = firstUnit[e] + k;
      now[firstUnit[e] + k] = u;
    });
  }
  // Most of the corpus new: matching it all once is cheaper than finding, through every gone document's buckets, what
  // to match again. When every document's cache name changed (a new entry format), the walk took 307 s and 3.4 GB at
  // 10,000 documents, where matching everything takes about a minute.
  if (2 * keptUnits < p.units.length) return null;
  // The earlier build's matched units (a kept unit was matched as it is now: the same shingles, the same common
  // shingles), and the gone documents' ones with their signatures and crowd keys, from their stored entries.
  const wasMatched = new Uint8Array(state.start.length - 1);
  for (let u = 0; u < p.units.length; u++) if (earlier[u] >= 0 && isMatched(p.units[u].size, own[u])) wasMatched[earlier[u]] = 1;
  const goneSigs: Uint32Array[] = [];
  const goneIds: number[] = [];
  for (let e = 0; e < state.keys.length; e++) {
    if (stays[e]) continue;
    const entry = entryOf(state.keys[e]);
    if (!entry || entry.ids.length !== state.unitCounts[e]) return null;
    entry.ids.forEach((id, k) => {
      if (!isMatched(entry.unitSets[k].length, entry.own[k])) return;
      wasMatched[firstUnit[e] + k] = 1;
      goneSigs.push(entry.sigs.subarray(k * SIGNATURE_LENGTH, (k + 1) * SIGNATURE_LENGTH));
      goneIds.push(unitKey(id));
    });
  }
  // Each earlier matched unit's number in the prints (ascending unit order); they must be all the prints there are.
  const printedAs = new Int32Array(wasMatched.length);
  let printed = 0;
  for (let e = 0; e < wasMatched.length; e++) printedAs[e] = wasMatched[e] ? printed++ : -1;
  if (printed !== state.prints.n) return null;

  // Matched units now, as LSH numbers them (ascending unit index), with their crowd keys and documents.
  const eligible = matchedUnits(p, own);
  const n = eligible.length;
  // Item x's signature, made a view when asked: a rebuild asks for a few thousand (UnitSigs).
  const sigOf = (x: number) => sigs.of(eligible[x]);
  const crowdKeys = new CrowdKeys((x) => unitKey(p.units[eligible[x]].id), n);
  // Each one's document, its number in the earlier prints (−1: it came) and whether it came. Plain loops: typed
  // arrays made `from` a function were a tenth of a second each at 534,000 units.
  const docOf = new Int32Array(n);
  const printedFrom = new Int32Array(n);
  const came = new Uint8Array(n);
  for (let x = 0; x < n; x++) {
    const u = eligible[x];
    docOf[x] = p.units[u].doc;
    printedFrom[x] = earlier[u] >= 0 ? printedAs[earlier[u]] : -1;
    came[x] = earlier[u] < 0 ? 1 : 0;
  }
  // Their band keys' prints: a kept unit's the earlier build's, a new one's made.
  const prints = BandPrints.kept(state.prints, printedFrom, sigOf);
  const keyIn = (band: number) => (x: number) => bandKey(sigOf(x), band, CLAUSE_LSH_ROWS);
  // 2. Units whose candidates may differ: a new document's, and those near what came or left.
  const redo = unitsToRematch(prints, keyIn, crowdKeys, came, goneSigs, goneIds);
  // 3. Every other unit keeps its matches, each a unit that stays (a match that left would have put it in 2).
  const lists = new BestMatches(p.units.length, MAX_CLAUSE_CANDIDATES);
  const ePos = new Int32Array(p.units.length).fill(-1);
  eligible.forEach((u, x) => (ePos[u] = x));
  // One scratch list for all: 700,000 small arrays were a second of garbage.
  const others = new Int32Array(MAX_CLAUSE_CANDIDATES);
  for (let u = 0; u < p.units.length; u++) {
    const e = earlier[u];
    if (e < 0 || (ePos[u] >= 0 && redo[ePos[u]])) continue;
    const from = state.start[e];
    const count = state.start[e + 1] - from;
    let gone = false;
    for (let k = 0; k < count; k++) {
      others[k] = now[state.other[from + k] & UNIT];
      if (others[k] < 0) gone = true;
    }
    if (!gone) lists.set(u, others, state.sim, from, count);
    else if (ePos[u] < 0) return null;
    else redo[ePos[u]] = 1;
  }

  // Whether a kept match is mutual is known when the other unit's list was kept too: as the earlier build's.
  // The rest are looked up (BestMatches.mutual).
  // (A unit to match again has no list yet; every unit a kept list names is a kept document's.)
  const known = new Int8Array(lists.other.length).fill(-1);
  for (let u = 0; u < p.units.length; u++) {
    const e = earlier[u];
    if (e < 0) continue;
    for (let k = 0, from = state.start[e]; k < lists.count[u]; k++) {
      const j = lists.other[u * lists.cap + k];
      if (!(ePos[j] >= 0 && redo[ePos[j]])) known[u * lists.cap + k] = state.other[from + k] >>> 31;
    }
  }

  // 4. The rest matched again: their candidates band by band, as forEachCandidate pairs them (a pair counts in
  // the first band the two agree in), each measured and offered to the unit's matches.
  const targets = flagged(redo);
  const rows = CLAUSE_LSH_ROWS;
  const scratch = new Float64Array(n);
  for (let band = 0; targets.length && band < SIGNATURE_LENGTH / rows; band++) {
    const keyOf = keyIn(band);
    const buckets = prints.bucketsWith(band, targets.map(keyOf), keyOf);
    const crowds = new Map<number, { crowd: Uint32Array; place: Map<number, number> }>();
    for (const x of targets) {
      const key = keyOf(x);
      const members = buckets.get(key)!;
      if (members.length <= MAX_BUCKET) {
        for (const y of members) consider(x, y, band);
        continue;
      }
      let c = crowds.get(key);
      if (!c) {
        const crowd = shuffledCrowd(Uint32Array.from(members), band, scratch, undefined, crowdKeys.of(members));
        c = { crowd, place: new Map(Array.from(crowd, (y, q) => [y, q])) };
        crowds.set(key, c);
      }
      const q = c.place.get(x)!;
      for (let r = Math.max(0, q - BUCKET_WINDOW); r <= Math.min(members.length - 1, q + BUCKET_WINDOW); r++) consider(x, c.crowd[r], band);
    }
  }
  function consider(x: number, y: number, band: number) {
    if (x === y || docOf[x] === docOf[y]) return;
    if (!firstSharedBand(sigOf(x), sigOf(y), band, rows)) return;
    const sim = unitSimilarity(p, eligible[x], eligible[y]);
    if (sim >= CANDIDATE_CLAUSE_SIMILARITY) lists.offer(eligible[x], eligible[y], sim);
  }
  // The documents whose units' matches may differ from the earlier build's: new ones, and those with a unit matched again.
  const changedDocs = new Uint8Array(p.docs.length);
  for (let d = 0; d < p.docs.length; d++) if (!earlierDoc.has(keys[d])) changedDocs[d] = 1;
  for (const x of targets) changedDocs[docOf[x]] = 1;
  return { lists, prints, rematched: targets.length, changedDocs, known };
}

/**
 * The clause matches of `p` (LSH), from the earlier build's where `cache` keeps them and they fit, else all
 * matched; this build's are left in the cache for the next. `rematched` is null when everything was matched;
 * else `changedDocs` flags the documents whose units' matches may differ from the earlier build's (the rest are
 * the earlier build's, unit for unit). `readSum` and `writtenSum` are the checksums of the state read (null: none
 * was used) and of the one written (null: none), which the shared clause counts kept beside them name.
 */
export function cachedClauseLists(
  p: Prepared,
  sigs: UnitSigs,
  own: Int32Array,
  common: Uint32Array,
  cache: PreparedCache | undefined,
  helper?: ClauseHelper,
): { lists: BestMatches; mutual: Uint8Array | null; rematched: number | null; changedDocs: Uint8Array | null; readSum: number | null; writtenSum: number | null } {
  const io = cache?.clauseState;
  const keyOf = cache?.key;
  if (!io || !keyOf) return { lists: matchClauseLists(p, 'lsh', sigs, own, helper), mutual: null, rematched: null, changedDocs: null, readSum: null, writtenSum: null };
  const keys = p.docs.map((d) => keyOf(d.doc));
  const commonKey = commonHash(common);
  const entryOf = (key: string) => {
    const stored = cache.entryByKey?.(key);
    const entry = stored ? decodeStoredEntry(stored) : null;
    // Signatures made without other common shingles than these are not the ones the earlier build matched.
    return entry && madeWithCommon(entry, common, commonKey) ? entry : null;
  };
  // The earlier state (147 MB at 10,000 documents) is held only in there; its buffer, when it is one of its own (a file
  // read whole), is where this build's is made (encodeClauseState's scratch): nothing views it once the lists are kept.
  let scratch: ArrayBuffer | undefined;
  const kept = ((bytes) => {
    const state = bytes ? decodeClauseState(bytes) : null;
    const k = state ? keptClauseLists(p, keys, sigs, own, common, state, entryOf) : null;
    scratch = (bytes && wholeBuffer(bytes)) ?? undefined;
    return k ? { ...k, readSum: state!.sum } : null;
  })(io.read());
  const lists = kept?.lists ?? matchClauseLists(p, 'lsh', sigs, own, helper);
  const mutual = lists.mutual(kept?.known);
  const written = encodeClauseState(
    keys,
    p.docs.map((d) => d.units.length),
    common,
    lists,
    kept?.prints ?? BandPrints.of(matchedUnits(p, own).map((u) => sigs.of(u))),
    mutual,
    scratch,
  );
  io.writeParts(written);
  return {
    lists,
    mutual,
    rematched: kept ? kept.rematched : null,
    changedDocs: kept?.changedDocs ?? null,
    readSum: kept ? kept.readSum : null,
    writtenSum: stateSum(written),
  };
}

/**
 * Items (by LSH number: `prints` their band keys', `keyIn(band)(x)` item x's key in a band; crowd keys `crowdKeys`)
 * whose clause candidates may differ from the earlier build's:
 * those that came (`came[x]` 1) and, band by band, the members of every bucket something came to or left
 * (`goneSigs`, `goneIds`: what left). A crowd (more than MAX_BUCKET members, before and after) is paired
 * within BUCKET_WINDOW in its order by crowd key: only members that near something that came or left have
 * other pairs. Equal crowd keys leave the order to the index, which what left has none of: then the whole crowd.
 */
export function unitsToRematch(prints: BandPrints, keyIn: (band: number) => (x: number) => number, crowdKeys: CrowdKeys, came: Uint8Array, goneSigs: Uint32Array[], goneIds: ArrayLike<number>, rows = CLAUSE_LSH_ROWS): Uint8Array {
  const redo = came.slice();
  const cameList = flagged(came);
  for (let band = 0; band < SIGNATURE_LENGTH / rows; band++) {
    const touched = new Map<number, { came: number; left: number[] }>();
    const at = (key: number) => touched.get(key) ?? touched.set(key, { came: 0, left: [] }).get(key)!;
    const keyOf = keyIn(band);
    for (const x of cameList) at(keyOf(x)).came++;
    goneSigs.forEach((sig, g) => at(bandKey(sig, band, rows)).left.push(g));
    const buckets = prints.bucketsWith(band, [...touched.keys()], keyOf);
    for (const [key, { came: cameHere, left }] of touched) {
      const members = buckets.get(key)!;
      const before = members.length - cameHere + left.length;
      if (members.length > MAX_BUCKET && before > MAX_BUCKET) nearChanges(members, left, band);
      else for (const x of members) redo[x] = 1;
    }
  }
  return redo;

  function nearChanges(members: number[], left: number[], band: number) {
    const ids = crowdKeys.of(members);
    const all = [...members.map((x) => ({ key: shuffleKey(ids[x], band), x, changed: came[x] === 1 })), ...left.map((g) => ({ key: shuffleKey(goneIds[g], band), x: -1, changed: true }))];
    all.sort((a, b) => a.key - b.key || a.x - b.x);
    for (let q = 0; q < all.length; q++) {
      if (!all[q].changed) continue;
      if ((q > 0 && all[q - 1].key === all[q].key) || (q + 1 < all.length && all[q + 1].key === all[q].key)) {
        for (const x of members) redo[x] = 1;
        return;
      }
      for (let r = Math.max(0, q - BUCKET_WINDOW); r <= Math.min(all.length - 1, q + BUCKET_WINDOW); r++) if (all[r].x >= 0) redo[all[r].x] = 1;
    }
  }
}
