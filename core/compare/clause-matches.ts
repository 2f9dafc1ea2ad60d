/**
 * Clause matching: every unit's shingle set and MinHash signature, and the
 * pairs of units (across documents) whose wording is alike, found by LSH and
 * measured exactly. Documents are later paired through their clauses too, so a
 * district's rewrite of a city's points is found even when little text is the
 * same word for word.
 */
import type { PolicyDocument } from '../corpus/types.js';
import { commonHash, commonPart, withoutCommon } from './common.js';
import { UnitSigs } from './unit-sigs.js';
import { decodePreparedEntry, encodePreparedEntry, madeWithCommon, storedSets, type PreparedCache, type PreparedEntry } from './prepared-cache.js';
import { CLAUSE_LSH_ROWS, forEachCandidate, signature, SIGNATURE_LENGTH } from './minhash.js';
import { hashString, shingleSet } from './shingles.js';
import { PreparedUnit } from './prepared-unit.js';
import { compareUnits } from './units.js';
import { MIN_CLAUSE_SHINGLES, unitWording, wordingShingles } from './measures.js';
import type { ClauseHelper, ClauseJob } from './clause-helper.js';
import { sortedById } from '../corpus/doc-ids.js';

/** Two clauses are counterparts from here: rewordings of one clause score 0.5–0.9, unrelated clauses on one subject under 0.2. */
export const CLAUSE_SIMILARITY = 0.5;
/**
 * Clause pairs from this similarity make their documents a candidate pair (then measured as wholes): a
 * district's rewrite of a city's points shares few whole clauses but many half-rewritten ones (0.25–0.5).
 */
export const CANDIDATE_CLAUSE_SIMILARITY = 0.25;
/** Counterparts kept per unit. */
export const MAX_CLAUSE_MATCHES = 5;
/** Clause matches held per unit while measuring (the best; more than shown, so one-to-one counting has a choice): bounded however much boilerplate a clause shares. */
export const MAX_CLAUSE_CANDIDATES = 12;

export { PreparedUnit };

export interface PreparedDoc {
  doc: PolicyDocument;
  set: Uint32Array;
  units: number[];
  /** The stored entry these sets come from (prepared-cache.ts), until its signatures are taken or found stale. */
  entry?: PreparedEntry;
}

/**
 * Measured clause pairs as a symmetric adjacency list: unit u's counterparts are `other[k]` for k from `start[u]`
 * up to `start[u + 1]`, each with its similarity `sim[k]` (in no particular order); every pair is there twice.
 */
export interface ClauseGraph {
  start: Uint32Array;
  other: Int32Array;
  sim: Float64Array;
  /** Distinct pairs (half the entries). */
  pairs: number;
}

export interface Prepared {
  docs: PreparedDoc[];
  units: PreparedUnit[];
}

/** A document's compared units (titles, addressees, signatures left out: a copy lacks them, templates share them): ids and wordings. */
export function docWordings(doc: PolicyDocument): { ids: string[]; wordings: string[] } {
  const ids: string[] = [];
  const wordings: string[] = [];
  for (const u of compareUnits(doc)) {
    if (u.pseudo) continue;
    ids.push(u.id);
    wordings.push(unitWording(u));
  }
  return { ids, wordings };
}

/** The shingle sets of a document's units, from their wordings, and of the document's whole wording. */
export function wordingSets(wordings: readonly string[]): { unitSets: Uint32Array[]; docSet: Uint32Array } {
  const sets = wordings.map((w) => shingleSet(w));
  // The units' sets are views into one buffer per document: 700,000 small buffers cost twice their data.
  const all = new Uint32Array(sets.reduce((n, x) => n + x.length, 0));
  let at = 0;
  const unitSets = sets.map((x) => {
    all.set(x, at);
    return all.subarray(at, (at += x.length));
  });
  return { unitSets, docSet: wordingShingles(wordings) };
}

/** A unit's signature over its own shingles (those not in `common`), written into `sig`; returns how many it has. */
function ownSignature(set: Uint32Array, common: Uint32Array, sig: Uint32Array): number {
  const own = withoutCommon(set, common);
  signature(own, sig);
  return own.length;
}

/**
 * The stored entry of one document (prepared-cache.ts) from its sets: what `prepare` and `unitSignatures`
 * compute for it. The build's worker threads make entries with this, so the detection that reads them
 * measures exactly what it would have computed itself. `key`: commonHash(common), made once by a caller of many.
 */
export function preparedEntry(ids: string[], unitSets: Uint32Array[], docSet: Uint32Array, common: Uint32Array, key = commonHash(common)): PreparedEntry {
  const own = new Int32Array(ids.length);
  const sigs = new Uint32Array(ids.length * SIGNATURE_LENGTH);
  unitSets.forEach((set, k) => (own[k] = ownSignature(set, common, sigs.subarray(k * SIGNATURE_LENGTH, (k + 1) * SIGNATURE_LENGTH))));
  return { ids, unitSets, docSet, boiler: commonPart(unitSets, common), common: key, own, sigs };
}

/** Shingle sets of one document and its units, appended to `out` (document index `di`). */
export function prepareDoc(doc: PolicyDocument, di: number, out: Prepared): void {
  const { ids, wordings } = docWordings(doc);
  const { unitSets, docSet } = wordingSets(wordings);
  const units = ids.map((id, k) => out.units.push(new PreparedUnit(id, di, unitSets[k])) - 1);
  out.docs.push({ doc, set: docSet, units });
}

/** Every document's sets, in id order; from `cache` where it holds a sound entry for the document's content. */
export function prepare(docs: PolicyDocument[], cache?: PreparedCache): Prepared {
  const sorted = sortedById(docs);
  const out: Prepared = { docs: [], units: [] };
  sorted.forEach((doc, di) => {
    const checked = cache?.checked?.(doc);
    const bytes = checked ? null : cache?.get(doc);
    const entry = checked ?? (bytes ? decodePreparedEntry(bytes, doc) : null);
    if (!entry) return prepareDoc(doc, di, out);
    // Units read where their entry holds their sets (storedSets), not through a view each.
    const stored = storedSets(entry);
    const units = entry.ids.map((id, k) => out.units.push(stored ? new PreparedUnit(id, di, stored.words, stored.start[k], stored.start[k + 1] - stored.start[k]) : new PreparedUnit(id, di, entry.unitSets[k])) - 1);
    out.docs.push({ doc, set: entry.docSet, units, entry });
  });
  return out;
}

/**
 * Per unit, its best clause matches (at most `cap`), so memory stays linear in the units whatever boilerplate they
 * share. Held in flat typed arrays (`cap` slots per unit): millions of small arrays made most of the garbage.
 */
export class BestMatches {
  /** Unit i's matches are other[i·cap + k] with similarity sim[i·cap + k], for k below count[i] (in no particular order). */
  readonly other: Int32Array;
  readonly sim: Float64Array;
  readonly count: Uint8Array;
  constructor(
    units: number,
    readonly cap: number,
  ) {
    this.other = new Int32Array(units * cap);
    this.sim = new Float64Array(units * cap);
    this.count = new Uint8Array(units);
  }

  /**
   * Offer j to i's matches (one direction). What i keeps is its `cap` best by similarity, then by lower index,
   * whatever the order of the offers, as long as each j is offered once: the incremental matching
   * (clause-lists.ts) relies on that to remake one unit's matches alone.
   */
  offer(i: number, j: number, sim: number) {
    const base = i * this.cap;
    const n = this.count[i];
    if (n < this.cap) {
      this.other[base + n] = j;
      this.sim[base + n] = sim;
      this.count[i] = n + 1;
      return;
    }
    // Full: the new match replaces the worst (lowest similarity, then highest index) if it is better.
    let worst = base;
    for (let k = base + 1; k < base + n; k++) if (this.sim[k] < this.sim[worst] || (this.sim[k] === this.sim[worst] && this.other[k] > this.other[worst])) worst = k;
    if (this.sim[worst] > sim || (this.sim[worst] === sim && this.other[worst] < j)) return;
    this.other[worst] = j;
    this.sim[worst] = sim;
  }

  add(i: number, j: number, sim: number) {
    this.offer(i, j, sim);
    this.offer(j, i, sim);
  }

  /**
   * Give i `count` matches (kept from an earlier build: clause-lists.ts): `others[k]`, similarity `sims[from + k]`.
   * Copied by a loop of at most `cap`: two views made per unit to copy them natively were 1.4 million objects a rebuild.
   */
  set(i: number, others: Int32Array, sims: Float64Array, from: number, count: number) {
    const base = i * this.cap;
    for (let k = 0; k < count; k++) {
      this.other[base + k] = others[k];
      this.sim[base + k] = sims[from + k];
    }
    this.count[i] = count;
  }

  private holds(i: number, j: number): boolean {
    const base = i * this.cap;
    for (let k = base; k < base + this.count[i]; k++) if (this.other[k] === j) return true;
    return false;
  }

  /**
   * Per slot, whether its pair is kept by its other unit too (1: that unit's own slot lists it). `known[k]`, where
   * given and not −1, is slot k's answer already: a rebuild knows it for the slots of two units whose lists it kept
   * (clause-lists.ts). Looking it up reads the other unit's list, at a random place: 0.8 s at 10,000 documents.
   */
  mutual(known?: Int8Array): Uint8Array {
    const out = new Uint8Array(this.other.length);
    for (let i = 0; i < this.count.length; i++) {
      const base = i * this.cap;
      for (let k = base; k < base + this.count[i]; k++) out[k] = known && known[k] >= 0 ? known[k] : this.holds(this.other[k], i) ? 1 : 0;
    }
    return out;
  }

  /**
   * Every kept pair, in both directions, as a graph: a pair kept by either of its units is a counterpart of both.
   * Typed arrays, not [i, j, sim] tuples: 4.6 million pairs at 10,000 documents made 400 MB of small arrays.
   * `mutual`: this.mutual(), or what it gives.
   */
  graph(mutual = this.mutual()): ClauseGraph {
    const n = this.count.length;
    const start = new Uint32Array(n + 1);
    for (let i = 0; i < n; i++) {
      const base = i * this.cap;
      for (let k = base; k < base + this.count[i]; k++) {
        start[i + 1]++;
        if (!mutual[k]) start[this.other[k] + 1]++;
      }
    }
    for (let i = 0; i < n; i++) start[i + 1] += start[i];
    const at = start.slice(0, n);
    const other = new Int32Array(start[n]);
    const sim = new Float64Array(start[n]);
    for (let i = 0; i < n; i++) {
      const base = i * this.cap;
      for (let k = base; k < base + this.count[i]; k++) {
        const j = this.other[k];
        other[at[i]] = j;
        sim[at[i]++] = this.sim[k];
        if (mutual[k]) continue;
        other[at[j]] = i;
        sim[at[j]++] = this.sim[k];
      }
    }
    return { start, other, sim, pairs: start[n] / 2 };
  }
}

/**
 * Unit pairs (across documents) with their similarity ≥ CANDIDATE_CLAUSE_SIMILARITY, at most
 * MAX_CLAUSE_CANDIDATES per unit; candidates are measured as they come, never all held at once.
 * `lshSets[i]` is unit i's shingles without boilerplate: a unit with too few of its own is not matched.
 */
export function matchClauses(p: Prepared, method: 'lsh' | 'all-pairs', unitSigs: UnitSigs, own: Int32Array): ClauseGraph {
  return matchClauseLists(p, method, unitSigs, own).graph();
}

/** Whether a unit is matched at all: enough shingles, and enough of them its own (not boilerplate). */
export const isMatched = (setLength: number, own: number) => setLength >= MIN_CLAUSE_SHINGLES && own >= MIN_CLAUSE_SHINGLES;

/** Units' stable identities for the order of LSH crowds (shuffledCrowd): a hash of the unit id, the same in every build. */
export const unitKey = (id: string) => hashString(id);

/** Clause similarity of two units by index (symmetric). */
export const unitSimilarity = (p: Prepared, i: number, j: number): number => p.units[i].similarity(p.units[j]);

/** matchClauses' per-unit matches, before they are made a graph (clause-lists.ts keeps them for the next build). */
export function matchClauseLists(p: Prepared, method: 'lsh' | 'all-pairs', unitSigs: UnitSigs, own: Int32Array, helper?: ClauseHelper): BestMatches {
  const eligible = p.units.map((u, i) => (isMatched(u.size, own[i]) ? i : -1)).filter((i) => i >= 0);
  const best = new BestMatches(p.units.length, MAX_CLAUSE_CANDIDATES);
  const measure = (i: number, j: number) => {
    const sim = unitSimilarity(p, i, j);
    if (sim >= CANDIDATE_CLAUSE_SIMILARITY) best.add(i, j, sim);
  };
  if (method === 'lsh') {
    const job: ClauseJob = {
      sigs: eligible.map((i) => unitSigs.of(i)),
      sets: eligible.map((i) => p.units[i].set),
      group: Int32Array.from(eligible, (i) => p.units[i].doc),
      ids: Uint32Array.from(eligible, (i) => unitKey(p.units[i].id)),
    };
    const shared = helper?.start(job) ?? false;
    const offer = (batches: Float64Array[]) => {
      for (const t of batches) for (let k = 0; k < t.length; k += 3) best.add(eligible[t[k]], eligible[t[k + 1]], t[k + 2]);
    };
    const walk = shared ? { mine: (band: number) => !helper!.walks(band), afterBand: () => offer(helper!.take(false)) } : {};
    forEachCandidate(job.sigs, (x, y) => measure(eligible[x], eligible[y]), job.group, CLAUSE_LSH_ROWS, job.ids, walk);
    if (shared) offer(helper!.take(true));
  } else {
    for (let x = 0; x < eligible.length; x++)
      for (let y = x + 1; y < eligible.length; y++) if (p.units[eligible[x]].doc !== p.units[eligible[y]].doc) measure(eligible[x], eligible[y]);
  }
  return best;
}

/**
 * Each unit's document, by unit index: read millions of times while counting, where going through the unit
 * objects missed the cache at nearly every one (over a second of a 10,000-document rebuild).
 */
export const unitDocs = (p: Prepared): Int32Array => Int32Array.from(p.units, (u) => u.doc);

/** The key of a document pair in maps: a·n + b for documents a < b of n (millions of "a,b" strings would be garbage). */
export const docPairKey = (a: number, b: number, nDocs: number) => (a < b ? a * nDocs + b : b * nDocs + a);

/**
 * One-to-one clause matches (similarity ≥ CLAUSE_SIMILARITY) per document pair, greedy by similarity, counted;
 * keyed by docPairKey. Walks one document's units at a time, so only that document's matches are ever sorted.
 * With `changedDocs`, only the pairs with a flagged document are counted (shared-counts.ts has the others).
 */
export function sharedClauseCounts(p: Prepared, g: ClauseGraph, unitDoc: Int32Array = unitDocs(p), changedDocs?: Uint8Array): Map<number, number> {
  const nDocs = p.docs.length;
  const counts = new Map<number, number>();
  const used = new Set<number>();
  const from: number[] = [];
  const entry: number[] = [];
  const order: number[] = [];
  for (let da = 0; da < nDocs; da++) {
    from.length = entry.length = order.length = 0;
    const every = !changedDocs || changedDocs[da] === 1;
    for (const u of p.docs[da].units)
      for (let k = g.start[u]; k < g.start[u + 1]; k++)
        if (g.sim[k] >= CLAUSE_SIMILARITY && unitDoc[g.other[k]] > da && (every || changedDocs[unitDoc[g.other[k]]] === 1)) {
          order.push(from.length);
          from.push(u);
          entry.push(k);
        }
    const docOf = (x: number) => unitDoc[g.other[entry[x]]];
    // By the other document, then as the greedy takes them: best first, then by unit (da's, then the other's).
    order.sort((x, y) => docOf(x) - docOf(y) || g.sim[entry[y]] - g.sim[entry[x]] || from[x] - from[y] || g.other[entry[x]] - g.other[entry[y]]);
    for (let s = 0; s < order.length; ) {
      const db = docOf(order[s]);
      used.clear();
      let n = 0;
      for (; s < order.length && docOf(order[s]) === db; s++) {
        const i = from[order[s]];
        const j = g.other[entry[order[s]]];
        if (!used.has(i) && !used.has(j)) {
          used.add(i);
          used.add(j);
          n++;
        }
      }
      counts.set(da * nDocs + db, n);
    }
  }
  return counts;
}

/**
 * A document's signature is the element-wise minimum of its units'
 * signatures: the MinHash of a union is the minimum of the MinHashes, and the
 * document's shingles are its units' (less the few that cross a unit boundary).
 */
export function docSignature(units: readonly number[], unitSigs: UnitSigs): Uint32Array {
  const sig = new Uint32Array(SIGNATURE_LENGTH).fill(0xffffffff);
  for (const u of units) unitSigs.lowerTo(sig, u);
  return sig;
}

/**
 * Signatures of units over their own (non-boilerplate) shingles, and how many each has. With `cache`, a document
 * whose stored entry was made with the same boilerplate among its shingles takes its stored signatures; every
 * other document's are computed and its entry stored.
 */
export function unitSignatures(p: Prepared, common: Uint32Array, cache?: PreparedCache): { sigs: UnitSigs; own: Int32Array } {
  const own = new Int32Array(p.units.length);
  const sigs = new UnitSigs(p.units.length);
  const fresh: PreparedDoc[] = [];
  const key = commonHash(common);
  for (const d of p.docs) {
    const entry = d.entry;
    d.entry = undefined;
    if (entry && cache && madeWithCommon(entry, common, key)) {
      sigs.put(d.units, entry.sigs);
      d.units.forEach((u, k) => (own[u] = entry.own[k]));
      // Current, though made without other common shingles (they left it the same boilerplate): stored again naming
      // these, so that later builds take it as it stands (once per entry after the common shingles change).
      if (entry.common !== key) cache.put(d.doc, encodePreparedEntry({ ...entry, common: key }));
    } else fresh.push(d);
  }
  // Views into one buffer: a separate buffer per unit doubled their memory at 700,000 units.
  const flat = new Uint32Array(fresh.reduce((n, d) => n + d.units.length, 0) * SIGNATURE_LENGTH);
  let at = 0;
  for (const d of fresh) {
    // The document's signatures, one after the other.
    const block = flat.subarray(at, (at += d.units.length * SIGNATURE_LENGTH));
    sigs.put(d.units, block);
    d.units.forEach((u, k) => (own[u] = ownSignature(p.units[u].set, common, block.subarray(k * SIGNATURE_LENGTH, (k + 1) * SIGNATURE_LENGTH))));
    if (cache) {
      const units = d.units.map((u) => p.units[u]);
      const unitSets = units.map((u) => u.set);
      cache.put(d.doc, encodePreparedEntry({ ids: units.map((u) => u.id), unitSets, docSet: d.set, boiler: commonPart(unitSets, common), common: key, own: Int32Array.from(d.units, (u) => own[u]), sigs: block }));
    }
  }
  return { sigs, own };
}
