/**
 * Family detection over a corpus: which documents are copies, adaptations,
 * revisions of one another or share clauses. Candidates come from MinHash/LSH
 * (documents and units); every candidate is then measured exactly on its
 * shingle sets. `method: 'all-pairs'` measures every pair instead: the
 * benchmark's baseline and a check that LSH misses nothing that matters.
 */
import type { PolicyDocument } from '../corpus/types.js';
import { commonShingles, withoutCommon } from './common.js';
import { STRONG, starFamilies, type Link } from './families.js';
import { bandKeys, CLAUSE_LSH_ROWS, forEachCandidate, LSH_BANDS, LSH_ROWS, signature, SIGNATURE_LENGTH } from './minhash.js';
import { hashString, overlap, shingleSet, SHINGLE_SIZE, type Overlap } from './shingles.js';
import { coreTitle, bigramDice, isDraftTitle } from './titles.js';
import { compareUnits } from './units.js';
import { clauseSimilarity, MIN_CLAUSE_SHINGLES, unitWording, wordingShingles } from './measures.js';
import type { ClauseMatch, LshTables, Relation, VariantFamily, VariantPair, VariantsFile } from './format.js';
import { VARIANTS_FORMAT_VERSION } from './format.js';
import { comparePairs, pairWeight } from './rank.js';
import { subjectPairs } from './subject.js';

// ---- thresholds (what each separates) ------------------------------------

// MIN_CLAUSE_SHINGLES and CLAUSE_CONTAINED live with the clause similarity they shape (measures.ts).
export { CLAUSE_CONTAINED, MIN_CLAUSE_SHINGLES } from './measures.js';
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
/** Links outside a family kept per document (the best of each document): what 相似文本 lists beyond the family. */
export const MAX_LINKS = 12;
/** `same`: each text is (nearly) contained in the other; a copy lacking its title, one item and the signature still has > 0.85 of the other's shingles. */
export const SAME_CONTAINMENT = 0.85;
/** `adaptation`: the smaller text is largely made of the larger one; cities' plans from one template score 0.44–0.8, texts of one genre (two 政务公开要点) 0.34 and below. */
export const ADAPTATION_CONTAINMENT = 0.4;
/** `related`: some clauses shared; unrelated documents on the same subject (营商环境) share under 0.08 of their shingles. */
export const RELATED_CONTAINMENT = 0.15;
/** …or this many clauses matched one to one, even when they are a small part of both texts. */
export const RELATED_CLAUSES = 3;
/** Containment of a very short text means little: fewer shared shingles than this (≈ two sentences) is no link. */
export const RELATED_MIN_SHARED = 60;
/** Commentary (解读, news, articles) quotes a text without being a version of it: at most `related`. */
const COMMENTARY = new Set(['解读', '新闻', '文章']);
/** Titles that name the same document once wrappers, years and draft marks are removed (bigram Dice). */
export const SAME_TITLE = 0.6;
/** A revision still shares text: a draft and its adopted version rarely fall under this containment. */
export const REVISION_CONTAINMENT = 0.3;
/**
 * …unless the titles are one title: a regulation rewritten as a whole (征兵工作条例 2001 → 2023 keeps 0.24
 * of its text) is still that regulation at a later date, as long as the texts are related at all.
 */
const ONE_TITLE = 0.95;

// ---- preparation -----------------------------------------------------------

export interface PreparedUnit {
  id: string;
  doc: number;
  /** Every shingle (what pairs are measured on). */
  set: Uint32Array;
}

export interface PreparedDoc {
  doc: PolicyDocument;
  set: Uint32Array;
  units: number[];
}

export interface Prepared {
  docs: PreparedDoc[];
  units: PreparedUnit[];
}

/** Shingle sets of one document and its units, appended to `out` (document index `di`). */
export function prepareDoc(doc: PolicyDocument, di: number, out: Prepared): void {
  const keys: string[] = [];
  const unitIdx: number[] = [];
  for (const u of compareUnits(doc)) {
    if (u.pseudo) continue; // titles, addressees, signatures: a copy lacks them, templates share them
    const key = unitWording(u);
    keys.push(key);
    unitIdx.push(out.units.length);
    out.units.push({ id: u.id, doc: di, set: shingleSet(key) });
  }
  out.docs.push({ doc, set: wordingShingles(keys), units: unitIdx });
}

export function prepare(docs: PolicyDocument[]): Prepared {
  const sorted = docs.slice().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out: Prepared = { docs: [], units: [] };
  sorted.forEach((doc, di) => prepareDoc(doc, di, out));
  return out;
}

// ---- measuring -------------------------------------------------------------

const round = (x: number) => Math.round(x * 1000) / 1000;

export interface DetectOptions {
  method?: 'lsh' | 'all-pairs';
}

/**
 * Per unit, its best clause matches (at most `cap`), so memory stays linear in the units whatever boilerplate they
 * share. Held in flat typed arrays (`cap` slots per unit): millions of small arrays made most of the garbage.
 */
class BestMatches {
  private readonly other: Int32Array;
  private readonly sim: Float64Array;
  private readonly count: Uint8Array;
  constructor(
    units: number,
    private readonly cap: number,
  ) {
    this.other = new Int32Array(units * cap);
    this.sim = new Float64Array(units * cap);
    this.count = new Uint8Array(units);
  }

  private addTo(i: number, j: number, sim: number) {
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
    this.addTo(i, j, sim);
    this.addTo(j, i, sim);
  }

  private holds(i: number, j: number): boolean {
    const base = i * this.cap;
    for (let k = base; k < base + this.count[i]; k++) if (this.other[k] === j) return true;
    return false;
  }

  /** Every kept pair once, i < j, sorted (a pair kept by both its units is listed by the lower one). */
  pairs(): [number, number, number][] {
    const out: [number, number, number][] = [];
    for (let i = 0; i < this.count.length; i++) {
      const base = i * this.cap;
      for (let k = base; k < base + this.count[i]; k++) {
        const j = this.other[k];
        if (i < j) out.push([i, j, this.sim[k]]);
        else if (!this.holds(j, i)) out.push([j, i, this.sim[k]]);
      }
    }
    return out.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  }
}

/**
 * Unit pairs (across documents) with their similarity ≥ CANDIDATE_CLAUSE_SIMILARITY, at most
 * MAX_CLAUSE_CANDIDATES per unit; candidates are measured as they come, never all held at once.
 * `lshSets[i]` is unit i's shingles without boilerplate: a unit with too few of its own is not matched.
 */
export function matchClauses(p: Prepared, method: 'lsh' | 'all-pairs', unitSigs: Uint32Array[], own: Int32Array): [number, number, number][] {
  const eligible = p.units.map((u, i) => (u.set.length >= MIN_CLAUSE_SHINGLES && own[i] >= MIN_CLAUSE_SHINGLES ? i : -1)).filter((i) => i >= 0);
  const best = new BestMatches(p.units.length, MAX_CLAUSE_CANDIDATES);
  const measure = (i: number, j: number) => {
    const a = p.units[i].set;
    const b = p.units[j].set;
    const sim = clauseSimilarity(overlap(a, b), a, b);
    if (sim >= CANDIDATE_CLAUSE_SIMILARITY) best.add(i, j, sim);
  };
  if (method === 'lsh') {
    forEachCandidate(
      eligible.map((i) => unitSigs[i]),
      (x, y) => measure(eligible[x], eligible[y]),
      eligible.map((i) => p.units[i].doc),
      CLAUSE_LSH_ROWS,
    );
  } else {
    for (let x = 0; x < eligible.length; x++)
      for (let y = x + 1; y < eligible.length; y++) if (p.units[eligible[x]].doc !== p.units[eligible[y]].doc) measure(eligible[x], eligible[y]);
  }
  return best.pairs();
}

/** One-to-one clause matches per document pair (greedy by similarity), counted. */
export function sharedClauseCounts(p: Prepared, matches: [number, number, number][]): Map<string, number> {
  const byPair = new Map<string, [number, number, number][]>();
  for (const m of matches) {
    const da = p.units[m[0]].doc;
    const db = p.units[m[1]].doc;
    const key = da < db ? `${da},${db}` : `${db},${da}`;
    const list = byPair.get(key);
    if (list) list.push(m);
    else byPair.set(key, [m]);
  }
  const counts = new Map<string, number>();
  for (const [key, list] of byPair) {
    list.sort((x, y) => y[2] - x[2] || x[0] - y[0] || x[1] - y[1]);
    const used = new Set<number>();
    let n = 0;
    for (const [i, j] of list)
      if (!used.has(i) && !used.has(j)) {
        used.add(i);
        used.add(j);
        n++;
      }
    counts.set(key, n);
  }
  return counts;
}

/**
 * A document's signature is the element-wise minimum of its units'
 * signatures: the MinHash of a union is the minimum of the MinHashes, and the
 * document's shingles are its units' (less the few that cross a unit boundary).
 */
export function docSignature(units: readonly number[], unitSigs: Uint32Array[]): Uint32Array {
  const sig = new Uint32Array(SIGNATURE_LENGTH).fill(0xffffffff);
  for (const u of units) {
    const us = unitSigs[u];
    for (let i = 0; i < SIGNATURE_LENGTH; i++) if (us[i] < sig[i]) sig[i] = us[i];
  }
  return sig;
}

/** The date a version is known by: its issue date, else when it takes effect. */
const versionDate = (d: PolicyDocument) => d.date ?? d.effectiveDate ?? null;

/**
 * The dates two versions are compared by, like with like: both issue dates, else both effective dates,
 * else none (a text issued on 6-25 and a copy that only says it takes effect on 7-1 are not two dates).
 */
function comparableDates(a: PolicyDocument, b: PolicyDocument): [string, string] | null {
  if (a.date && b.date) return [a.date, b.date];
  if (a.effectiveDate && b.effectiveDate) return [a.effectiveDate, b.effectiveDate];
  return null;
}

/** The relation text overlap and titles show, or null for no family link. */
export function relationOf(a: PolicyDocument, b: PolicyDocument, o: Overlap, sharedClauses: number): { relation: Relation; evidence?: 'draft' | 'version'; swap: boolean } | null {
  const high = Math.max(o.aInB, o.bInA);
  const low = Math.min(o.aInB, o.bInA);
  const related = (high >= RELATED_CONTAINMENT && o.shared >= RELATED_MIN_SHARED) || sharedClauses >= RELATED_CLAUSES;
  if (!related) return null;
  if (COMMENTARY.has(a.kind) !== COMMENTARY.has(b.kind)) return { relation: 'related', swap: false };
  const rev = revisionEvidence(a, b);
  if (rev && (high >= REVISION_CONTAINMENT || rev.oneTitle)) return { relation: 'revision', evidence: rev.evidence, swap: rev.swap };
  if (low >= SAME_CONTAINMENT) {
    // One text issued at two dates in one place is a text and its reissue, not two copies of one document.
    const dates = comparableDates(a, b);
    if (dates && dates[0] !== dates[1] && sameRegion(a, b)) return { relation: 'revision', evidence: 'version', swap: dates[1] < dates[0] };
    return { relation: 'same', swap: false };
  }
  if (high >= ADAPTATION_CONTAINMENT) return { relation: 'adaptation', swap: false };
  return { relation: 'related', swap: false };
}

const sameRegion = (a: PolicyDocument, b: PolicyDocument) =>
  a.region.level === 'unknown' || b.region.level === 'unknown' || (a.region.province === b.region.province && a.region.city === b.region.city);

/**
 * Issuers that can issue two versions of one text: the same, one unknown, one shared, or both national
 * (a law adopted by the 全国人民代表大会 is amended by its 常务委员会; a 国务院 regulation's later text may
 * carry no issuer line at all). Two cities or two departments with one template are not.
 */
function sameAuthority(a: PolicyDocument, b: PolicyDocument): boolean {
  if (!a.issuer || !b.issuer || a.issuer === b.issuer) return true;
  if (a.region.level === 'national' && b.region.level === 'national') return true;
  const ib = new Set(b.issuers);
  return a.issuers.some((x) => ib.has(x));
}

/**
 * Titles and dates that make two texts one document at two stages: one is a
 * draft and the other not (draft first), or the same title in the same place
 * at two dates (older first). `swap` is true when b is the earlier one.
 */
export function revisionEvidence(a: PolicyDocument, b: PolicyDocument): { evidence: 'draft' | 'version'; swap: boolean; oneTitle?: true } | null {
  if (!sameRegion(a, b)) return null;
  const da = isDraftTitle(a.title);
  const db = isDraftTitle(b.title);
  const dice = bigramDice(coreTitle(a.title), coreTitle(b.title));
  const similarTitles = dice >= SAME_TITLE;
  if (da !== db) {
    const draft = da ? a : b;
    const adopted = da ? b : a;
    // An adopted text dated before its draft is not its adoption.
    if (draft.date && adopted.date && adopted.date < draft.date) return null;
    return { evidence: 'draft', swap: db };
  }
  const dates = comparableDates(a, b);
  if (!da && similarTitles && dates && dates[0] !== dates[1] && sameAuthority(a, b)) return { evidence: 'version', swap: dates[1] < dates[0], ...(dice >= ONE_TITLE ? { oneTitle: true as const } : {}) };
  return null;
}

/** A measured pair as stored: a revision's older (or draft) text first, with both dates. Null for no link. */
export function measuredPair(A: PolicyDocument, B: PolicyDocument, o: Overlap, sharedClauses: number): VariantPair | null {
  const rel = relationOf(A, B, o, sharedClauses);
  if (!rel) return null;
  const [x, y, ox] = rel.swap ? [B, A, { ...o, aInB: o.bInA, bInA: o.aInB }] : [A, B, o];
  const dx = versionDate(x);
  const dy = versionDate(y);
  return {
    a: x.id,
    b: y.id,
    relation: rel.relation,
    jaccard: round(ox.jaccard),
    aInB: round(ox.aInB),
    bInA: round(ox.bInA),
    sharedClauses,
    ...(rel.evidence ? { evidence: rel.evidence } : {}),
    ...(rel.relation === 'revision' && dx && dy ? { dates: [dx, dy] as [string, string] } : {}),
  };
}

// ---- the whole corpus ------------------------------------------------------

/** Stable, URL-safe family id from its members (two 32-bit FNV hashes: no crypto needed for a label). */
function familyId(members: string[]): string {
  const key = members.join(',');
  return 'f' + hashString(key).toString(16).padStart(8, '0') + hashString(key + '#').toString(16).padStart(8, '0').slice(0, 4);
}

/** Figures of a detection run (for bench:variants): how many pairs were measured at each level. */
export interface DetectStats {
  commonShingles: number;
  clausePairs: number;
  docCandidates: number;
}

/** Signatures of units over their own (non-boilerplate) shingles, and how many each has. */
export function unitSignatures(p: Prepared, common: Uint32Array): { sigs: Uint32Array[]; own: Int32Array } {
  const own = new Int32Array(p.units.length);
  const sigs = p.units.map((u, i) => {
    const set = withoutCommon(u.set, common);
    own[i] = set.length;
    return signature(set);
  });
  return { sigs, own };
}

export function detectVariants(docs: PolicyDocument[], options: DetectOptions = {}): VariantsFile {
  return detectVariantsWithTables(docs, options).variants;
}

/** Variants and the LSH tables that place a new document among them (`placeDocument`). */
export function detectVariantsWithTables(docs: PolicyDocument[], options: DetectOptions = {}): { variants: VariantsFile; lsh: LshTables; stats: DetectStats } {
  const method = options.method ?? 'lsh';
  const p = prepare(docs);
  const common = commonShingles(p.docs.map((d) => d.set));
  const { sigs: unitSigs, own } = method === 'lsh' ? unitSignatures(p, common) : { sigs: [], own: new Int32Array(p.units.length).fill(MIN_CLAUSE_SHINGLES) };
  const measured = matchClauses(p, method, unitSigs, own);
  const clauseMatches = measured.filter((m) => m[2] >= CLAUSE_SIMILARITY);
  const shared = sharedClauseCounts(p, clauseMatches);

  // Document candidates: LSH on whole texts, plus every pair sharing a clause (containment LSH alone would miss).
  // Pairs of document indexes as one number (a·n + b, a < b): millions of clause pairs would make millions of strings.
  const nDocs = p.docs.length;
  const candidates = new Set<number>();
  const addCandidate = (da: number, db: number) => candidates.add(da < db ? da * nDocs + db : db * nDocs + da);
  for (const key of shared.keys()) {
    const [da, db] = key.split(',').map(Number);
    addCandidate(da, db);
  }
  for (const [i, j] of measured) addCandidate(p.units[i].doc, p.units[j].doc);
  const docSigs = method === 'lsh' ? p.docs.map((d) => (d.set.length ? docSignature(d.units, unitSigs) : null)) : [];
  if (method === 'lsh') {
    const withText = docSigs.map((s, i) => (s ? i : -1)).filter((i) => i >= 0);
    forEachCandidate(
      withText.map((i) => docSigs[i]!),
      (x, y) => addCandidate(withText[x], withText[y]),
    );
  } else {
    for (let i = 0; i < p.docs.length; i++) for (let j = i + 1; j < p.docs.length; j++) addCandidate(i, j);
  }

  const pairs: VariantPair[] = [];
  const links: Link[] = [];
  const index = new Map(p.docs.map((d, i) => [d.doc.id, i]));
  // Measured in the order of their "a,b" keys as text, as they always were (the order links reach the families in).
  const ordered = [...candidates].map((k) => `${Math.floor(k / nDocs)},${k % nDocs}`).sort();
  for (const key of ordered) {
    const [i, j] = key.split(',').map(Number);
    const A = p.docs[i];
    const B = p.docs[j];
    if (!A.set.length || !B.set.length) continue;
    const pair = measuredPair(A.doc, B.doc, overlap(A.set, B.set), shared.get(key) ?? 0);
    if (!pair) continue;
    pairs.push(pair);
    links.push({ a: i, b: j, relation: pair.relation, weight: pairWeight(pair) });
  }

  // Families: stars around a centre (no chaining); every measured pair inside one is listed with it.
  const familyOf = new Int32Array(p.docs.length).fill(-1);
  const stars = starFamilies(p.docs.length, links);
  stars.forEach((star, f) => star.forEach((m) => (familyOf[m] = f)));
  const famPairs: VariantPair[][] = stars.map(() => []);
  const outside: VariantPair[] = [];
  for (const pair of pairs) {
    const fa = familyOf[index.get(pair.a)!];
    if (fa >= 0 && fa === familyOf[index.get(pair.b)!]) famPairs[fa].push(pair);
    else outside.push(pair);
  }
  const families: VariantFamily[] = stars.map((star, f) => {
    const members = star.map((i) => p.docs[i].doc.id).sort();
    return { id: familyId(members), center: p.docs[star[0]].doc.id, members, pairs: famPairs[f].sort((x, y) => (x.a + x.b < y.a + y.b ? -1 : 1)) };
  });
  families.sort((x, y) => y.members.length - x.members.length || (x.id < y.id ? -1 : 1));

  // Links outside families: each document keeps its MAX_LINKS best; a pair stays when one of its documents keeps it.
  const perDoc = new Map<string, VariantPair[]>();
  for (const pair of outside) for (const id of [pair.a, pair.b]) (perDoc.get(id) ?? perDoc.set(id, []).get(id)!).push(pair);
  const kept = new Set<VariantPair>();
  for (const list of perDoc.values()) for (const pair of list.sort(comparePairs).slice(0, MAX_LINKS)) kept.add(pair);
  const linkList = outside.filter((x) => kept.has(x)).sort((x, y) => (x.a + x.b < y.a + y.b ? -1 : 1));

  const clauses: Record<string, ClauseMatch[]> = {};
  const add = (from: number, to: number, sim: number) => {
    const u = p.units[from];
    const v = p.units[to];
    (clauses[u.id] ??= []).push({ unit: v.id, doc: p.docs[v.doc].doc.id, similarity: round(sim) });
  };
  for (const [i, j, sim] of clauseMatches) {
    add(i, j, sim);
    add(j, i, sim);
  }
  const sortedClauses: Record<string, ClauseMatch[]> = {};
  for (const id of Object.keys(clauses).sort()) {
    sortedClauses[id] = clauses[id].sort((x, y) => y.similarity - x.similarity || (x.unit < y.unit ? -1 : 1)).slice(0, MAX_CLAUSE_MATCHES);
  }

  const linked = new Set(pairs.map((x) => `${x.a},${x.b}`));
  const subject = subjectPairs(
    p.docs.map((d) => d.doc),
    (a, b) => linked.has(`${a},${b}`) || linked.has(`${b},${a}`),
  );
  const lsh: LshTables = {
    formatVersion: VARIANTS_FORMAT_VERSION,
    bands: LSH_BANDS,
    rows: LSH_ROWS,
    shingle: SHINGLE_SIZE,
    common: Array.from(common),
    docs: p.docs.map((d) => d.doc.id),
    titles: p.docs.map((d) => coreTitle(d.doc.title)),
    keys: p.docs.map((_, i) => (docSigs[i] ? Array.from(bandKeys(docSigs[i]!)) : [])),
  };
  return {
    variants: { formatVersion: VARIANTS_FORMAT_VERSION, families, subject, clauses: sortedClauses, links: linkList },
    lsh,
    stats: { commonShingles: common.length, clausePairs: measured.length, docCandidates: candidates.size },
  };
}

export { STRONG };
