/**
 * Family detection over a corpus: which documents are copies, adaptations,
 * revisions of one another or share clauses. Candidates come from MinHash/LSH
 * (documents and units); every candidate is then measured exactly on its
 * shingle sets. `method: 'all-pairs'` measures every pair instead: the
 * benchmark's baseline and a check that LSH misses nothing that matters.
 */
import type { PolicyDocument } from '../corpus/types.js';
import { CLAUSE_LSH_ROWS, forEachCandidate, lshCandidates, signature, SIGNATURE_LENGTH } from './minhash.js';
import { hashString, overlap, shingleSet, type Overlap } from './shingles.js';
import { coreTitle, bigramDice, isDraftTitle } from './titles.js';
import { compareUnits } from './units.js';
import { clauseSimilarity, MIN_CLAUSE_SHINGLES, unitWording, wordingShingles } from './measures.js';
import type { ClauseMatch, Relation, VariantFamily, VariantPair, VariantsFile } from './format.js';
import { VARIANTS_FORMAT_VERSION } from './format.js';
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

// ---- preparation -----------------------------------------------------------

interface PreparedUnit {
  id: string;
  doc: number;
  set: Uint32Array;
}

interface PreparedDoc {
  doc: PolicyDocument;
  set: Uint32Array;
  units: number[];
}

export interface Prepared {
  docs: PreparedDoc[];
  units: PreparedUnit[];
}

export function prepare(docs: PolicyDocument[]): Prepared {
  const sorted = docs.slice().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out: Prepared = { docs: [], units: [] };
  sorted.forEach((doc, di) => {
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
  });
  return out;
}

// ---- measuring -------------------------------------------------------------

const round = (x: number) => Math.round(x * 1000) / 1000;

export interface DetectOptions {
  method?: 'lsh' | 'all-pairs';
}

/** Unit pairs (across documents) with their similarity ≥ CANDIDATE_CLAUSE_SIMILARITY; candidates are measured as they come, never all held at once. */
function matchClauses(p: Prepared, method: 'lsh' | 'all-pairs', unitSigs: Uint32Array[]): [number, number, number][] {
  const eligible = p.units.map((u, i) => (u.set.length >= MIN_CLAUSE_SHINGLES ? i : -1)).filter((i) => i >= 0);
  const out: [number, number, number][] = [];
  const measure = (i: number, j: number) => {
    const a = p.units[i].set;
    const b = p.units[j].set;
    const sim = clauseSimilarity(overlap(a, b), a, b);
    if (sim >= CANDIDATE_CLAUSE_SIMILARITY) out.push(i < j ? [i, j, sim] : [j, i, sim]);
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
  return out;
}

/** One-to-one clause matches per document pair (greedy by similarity), counted. */
function sharedClauseCounts(p: Prepared, matches: [number, number, number][]): Map<string, number> {
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
    list.sort((x, y) => y[2] - x[2]);
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
function docSignature(d: PreparedDoc, unitSigs: Uint32Array[]): Uint32Array {
  const sig = new Uint32Array(SIGNATURE_LENGTH).fill(0xffffffff);
  for (const u of d.units) {
    const us = unitSigs[u];
    for (let i = 0; i < SIGNATURE_LENGTH; i++) if (us[i] < sig[i]) sig[i] = us[i];
  }
  return sig;
}

/** The relation text overlap and titles show, or null for no family link. */
export function relationOf(a: PolicyDocument, b: PolicyDocument, o: Overlap, sharedClauses: number): { relation: Relation; evidence?: 'draft' | 'version'; swap: boolean } | null {
  const high = Math.max(o.aInB, o.bInA);
  const low = Math.min(o.aInB, o.bInA);
  const related = (high >= RELATED_CONTAINMENT && o.shared >= RELATED_MIN_SHARED) || sharedClauses >= RELATED_CLAUSES;
  if (!related) return null;
  if (COMMENTARY.has(a.kind) !== COMMENTARY.has(b.kind)) return { relation: 'related', swap: false };
  const rev = revisionEvidence(a, b);
  if (rev && high >= REVISION_CONTAINMENT) return { relation: 'revision', evidence: rev.evidence, swap: rev.swap };
  if (low >= SAME_CONTAINMENT) return { relation: 'same', swap: false };
  if (high >= ADAPTATION_CONTAINMENT) return { relation: 'adaptation', swap: false };
  return { relation: 'related', swap: false };
}

const sameRegion = (a: PolicyDocument, b: PolicyDocument) =>
  a.region.level === 'unknown' || b.region.level === 'unknown' || (a.region.province === b.region.province && a.region.city === b.region.city);

/**
 * Titles and dates that make two texts one document at two stages: one is a
 * draft and the other not (draft first), or the same title in the same place
 * at two dates (older first). `swap` is true when b is the earlier one.
 */
export function revisionEvidence(a: PolicyDocument, b: PolicyDocument): { evidence: 'draft' | 'version'; swap: boolean } | null {
  if (!sameRegion(a, b)) return null;
  const da = isDraftTitle(a.title);
  const db = isDraftTitle(b.title);
  const similarTitles = bigramDice(coreTitle(a.title), coreTitle(b.title)) >= SAME_TITLE;
  if (da !== db) {
    const draft = da ? a : b;
    const adopted = da ? b : a;
    // An adopted text dated before its draft is not its adoption.
    if (draft.date && adopted.date && adopted.date < draft.date) return null;
    return { evidence: 'draft', swap: db };
  }
  const dateA = a.date ?? a.effectiveDate;
  const dateB = b.date ?? b.effectiveDate;
  if (!da && similarTitles && dateA && dateB && dateA !== dateB && a.issuer === b.issuer) return { evidence: 'version', swap: dateB < dateA };
  return null;
}

// ---- the whole corpus ------------------------------------------------------

/** Stable, URL-safe family id from its members (two 32-bit FNV hashes: no crypto needed for a label). */
function familyId(members: string[]): string {
  const key = members.join(',');
  return 'f' + hashString(key).toString(16).padStart(8, '0') + hashString(key + '#').toString(16).padStart(8, '0').slice(0, 4);
}

export function detectVariants(docs: PolicyDocument[], options: DetectOptions = {}): VariantsFile {
  const method = options.method ?? 'lsh';
  const p = prepare(docs);
  const unitSigs = method === 'lsh' ? p.units.map((u) => signature(u.set)) : [];
  const measured = matchClauses(p, method, unitSigs);
  const clauseMatches = measured.filter((m) => m[2] >= CLAUSE_SIMILARITY);
  const shared = sharedClauseCounts(p, clauseMatches);

  // Document candidates: LSH on whole texts, plus every pair sharing a clause (containment LSH alone would miss).
  const candidates = new Set<string>(shared.keys());
  for (const [i, j] of measured) {
    const da = p.units[i].doc;
    const db = p.units[j].doc;
    candidates.add(da < db ? `${da},${db}` : `${db},${da}`);
  }
  if (method === 'lsh') {
    const sigs = p.docs.map((d) => (d.set.length ? docSignature(d, unitSigs) : new Uint32Array(SIGNATURE_LENGTH)));
    const nonEmpty = p.docs.map((d) => d.set.length > 0);
    for (const [i, j] of lshCandidates(sigs)) if (nonEmpty[i] && nonEmpty[j]) candidates.add(`${i},${j}`);
  } else {
    for (let i = 0; i < p.docs.length; i++) for (let j = i + 1; j < p.docs.length; j++) candidates.add(`${i},${j}`);
  }

  const pairs: VariantPair[] = [];
  const parent = p.docs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const pairDocs: [number, number][] = [];
  for (const key of [...candidates].sort()) {
    const [i, j] = key.split(',').map(Number);
    const A = p.docs[i];
    const B = p.docs[j];
    if (!A.set.length || !B.set.length) continue;
    const o = overlap(A.set, B.set);
    const n = shared.get(key) ?? 0;
    const rel = relationOf(A.doc, B.doc, o, n);
    if (!rel) continue;
    const [x, y, ox] = rel.swap ? [B, A, { ...o, aInB: o.bInA, bInA: o.aInB }] : [A, B, o];
    pairs.push({
      a: x.doc.id,
      b: y.doc.id,
      relation: rel.relation,
      jaccard: round(ox.jaccard),
      aInB: round(ox.aInB),
      bInA: round(ox.bInA),
      sharedClauses: n,
      ...(rel.evidence ? { evidence: rel.evidence } : {}),
    });
    pairDocs.push([i, j]);
    parent[find(i)] = find(j);
  }

  const groups = new Map<number, number[]>();
  p.docs.forEach((_, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  });
  const families: VariantFamily[] = [];
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    const members = g.map((i) => p.docs[i].doc.id).sort();
    const set = new Set(members);
    families.push({
      id: familyId(members),
      members,
      pairs: pairs.filter((x) => set.has(x.a)).sort((x, y) => (x.a + x.b < y.a + y.b ? -1 : 1)),
    });
  }
  families.sort((x, y) => y.members.length - x.members.length || (x.id < y.id ? -1 : 1));

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

  const inFamily = new Set(pairs.map((x) => `${x.a},${x.b}`));
  const subject = subjectPairs(
    p.docs.map((d) => d.doc),
    (a, b) => inFamily.has(`${a},${b}`) || inFamily.has(`${b},${a}`),
  );
  return { formatVersion: VARIANTS_FORMAT_VERSION, families, subject, clauses: sortedClauses };
}
