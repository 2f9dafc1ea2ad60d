/**
 * Candidate collection: every hit of a parsed query with its score (no
 * ranges), for the three ways of searching — title only, 同条 (every word in
 * one unit, or in its document's title / 文号 / issuer) and 同篇 (every word
 * somewhere in the document).
 */
import { Hits } from './hits.js';
import { binarySearch, indexOf, unionAll } from './postings.js';
import type { ParsedQuery } from './query.js';
import type { DocRec } from './records.js';
import { excludedByTitle, metaMatches, type Scorer } from './scoring.js';
import type { TermDictionary } from './dictionary.js';

export type Scope = 'clause' | 'doc';
export type Field = 'all' | 'title';

/**
 * Result sets up to this size are scored exactly (BM25 over exact phrase
 * counts) where the counts need the text (a query with a single character).
 * Larger ones get a prior for every hit (title tier + BM25 with tf = 1, i.e.
 * unit length only, no string scan); the engine rescores the best of them
 * exactly before showing them. Phrases of two characters or more are counted
 * from positions: every hit is scored exactly.
 */
const EXACT_LIMIT = 400;

export interface CorpusView {
  docs: DocRec[];
  dict: TermDictionary;
  scorer: Scorer;
  /** Per unit: its document. */
  unitDoc: Int32Array;
  /** Per unit: its normalised length. */
  lens: Int32Array;
  /** Per unit: the BM25 length term. */
  denom: Float64Array;
  /** A unit's normalised text (read from its shard). */
  norm(u: number): string;
  /** Make the texts of these units available before a loop reads them (TextStore.require). */
  need(units: ArrayLike<number>): void;
}

/** All hits of a parsed query with scores (no ranges), unsorted. */
export function collect(c: CorpusView, q: ParsedQuery, scope: Scope = 'clause', field: Field = 'all'): Hits {
  const out = new Hits();
  if (!q.must.length) return out;
  if (field === 'title') return collectTitle(c, q, out);
  return scope === 'doc' ? collectDoc(c, q, out) : collectClause(c, q, out);
}

function collectTitle(c: CorpusView, q: ParsedQuery, out: Hits): Hits {
  for (let di = 0; di < c.docs.length; di++) {
    const d = c.docs[di];
    if (excludedByTitle(d, q)) continue;
    const s = c.scorer.titleScore(d, q);
    if (s) out.push(-1, di, s, s, 0);
  }
  return out;
}

function collectClause(c: CorpusView, q: ParsedQuery, out: Hits): Hits {
  const { docs, dict, scorer, unitDoc, denom } = c;
  const clauses = q.must;
  // Driver: the clause with the smallest estimated text match count.
  let driver = 0;
  let best = Infinity;
  clauses.forEach((cl, i) => {
    const e = cl.reduce((s, p) => s + dict.estimate(p), 0);
    if (e < best) {
      best = e;
      driver = i;
    }
  });
  const phrases = clauses.flat();
  const idf = phrases.map((p) => scorer.idf(p));
  // Per-document facts, computed once per query.
  const docMeta: ({ meta: boolean[]; tier: number; excluded: boolean } | undefined)[] = new Array(docs.length);
  const docFacts = (di: number) => {
    let f = docMeta[di];
    if (!f) {
      const d = docs[di];
      f = { meta: clauses.map((cl) => metaMatches(d, cl)), tier: scorer.titleScore(d, q), excluded: excludedByTitle(d, q) };
      docMeta[di] = f;
    }
    return f;
  };
  // Phrases of two characters or more (nearly every query) are found, and counted in each unit, from
  // positions: candidates are checked and scored exactly without reading a unit's text. A single character
  // has no positions: a query with one reads the candidates' texts.
  const counted = [...phrases, ...q.not].every((p) => p.length >= 2);
  if (counted) dict.requireOccurrences([...phrases, ...q.not]);
  const occ = counted ? phrases.map((p) => dict.occurrences(p)) : [];
  const notUnits = counted ? q.not.map((p) => dict.matchPhrase(p)) : [];
  // Candidates: units whose text has the driver clause, and units of documents whose metadata has it.
  const lists = counted ? clauses[driver].map((p) => occ[phrases.indexOf(p)].units) : clauses[driver].map((p) => dict.matchPhrase(p));
  const cand = lists.length === 1 ? lists[0] : unionAll(lists);
  const metaDocs: number[] = [];
  if (clauses.length > 1) {
    for (let di = 0; di < docs.length; di++) if (metaMatches(docs[di], clauses[driver])) metaDocs.push(di);
  }
  const exact = counted || cand.length <= EXACT_LIMIT;
  const prior = scorer.priorFactor(phrases, idf);
  // Where phrase k is counted in unit u (its place in occ[k]), −1 when not there.
  const placeIn = (k: number, u: number) => indexOf(occ[k].units, u);
  const counts = new Int32Array(phrases.length);
  /** Whether unit u holds phrase k (by positions when counted, else in its text), noting its count. */
  const holds = counted
    ? (k: number, u: number) => {
        const i = placeIn(k, u);
        counts[k] = i < 0 ? 0 : occ[k].tf![i];
        return i >= 0;
      }
    : (k: number, u: number) => c.norm(u).includes(phrases[k]);
  const excluded = counted ? (u: number) => notUnits.some((list) => binarySearch(list, u)) : (u: number) => q.not.some((p) => c.norm(u).includes(p));
  const score = (u: number) => (counted ? scorer.bm25Counts(c.lens[u], counts, phrases, idf) : scorer.bm25(c.norm(u), phrases, idf));
  // Flat index of each clause's phrases.
  const clauseAt: number[] = [];
  clauses.reduce((at, cl) => (clauseAt.push(at), at + cl.length), 0);
  // Only multi-word, negated or exactly scored queries need more than the candidates' lengths.
  const needMore = exact || q.not.length > 0 || clauses.length > 1;
  const check = (u: number, viaText: boolean) => {
    const di = unitDoc[u];
    const f = docFacts(di);
    if (f.excluded || excluded(u)) return;
    let anyText = viaText;
    for (let k = 0; k < clauses.length; k++) {
      let ok = false;
      // Every phrase is looked at when counted (each one's count goes into the score); else the driver is known to match.
      if (k === driver && !counted) continue;
      for (let j = 0; j < clauses[k].length; j++) {
        if (holds(clauseAt[k] + j, u)) {
          ok = true;
          anyText = true;
          if (!counted) break;
        }
      }
      if (!ok && !f.meta[k] && !(k === driver && viaText)) return;
    }
    if (!anyText) return;
    if (exact) out.push(u, di, f.tier + score(u), f.tier, 0);
    else out.push(u, di, f.tier + prior / denom[u], f.tier, 1);
  };
  out.reserve(cand.length + 16);
  if (!needMore) {
    // Hot path (one word, many hits, a single character): prior scores straight from typed arrays.
    for (let i = 0; i < cand.length; i++) {
      const u = cand[i];
      const di = unitDoc[u];
      const f = docMeta[di] ?? docFacts(di);
      if (!f.excluded) out.push(u, di, f.tier + prior / denom[u], f.tier, 1);
    }
  } else {
    // Driver candidates were verified by matchPhrase (or by positions).
    if (!counted) c.need(cand);
    for (let i = 0; i < cand.length; i++) check(cand[i], true);
  }
  if (!counted) {
    const metaUnits: number[] = [];
    for (const di of metaDocs) if (docs[di].firstUnit >= 0) for (let u = docs[di].firstUnit; u < docs[di].endUnit; u++) metaUnits.push(u);
    c.need(metaUnits);
  }
  for (const di of metaDocs) {
    const d = docs[di];
    if (d.firstUnit < 0) continue;
    for (let u = d.firstUnit; u < d.endUnit; u++) {
      if (binarySearch(cand, u)) continue; // already checked via text
      check(u, false);
    }
  }
  // Documents matching by title/文号/issuer without any unit hit get one document-level hit.
  const withUnits = new Set<number>();
  for (let i = 0; i < out.n; i++) withUnits.add(out.doc[i]);
  for (let di = 0; di < docs.length; di++) {
    if (withUnits.has(di)) continue;
    const d = docs[di];
    if (!clauses.every((cl) => metaMatches(d, cl))) continue;
    const f = docFacts(di);
    if (f.excluded) continue;
    const score = d.firstUnit < 0 ? scorer.emptyDocScore(d, q) : f.tier ? f.tier + 50 : 0.5;
    out.push(-1, di, score, d.firstUnit < 0 ? 0 : f.tier, 0);
  }
  return out;
}

function collectDoc(c: CorpusView, q: ParsedQuery, out: Hits): Hits {
  const { docs, unitDoc, dict, scorer, denom } = c;
  const clauses = q.must;
  const phrases = clauses.flat();
  const idf = phrases.map((p) => scorer.idf(p));
  const clauseSets = clauses.map((cl) => unionAll(cl.map((p) => dict.matchPhrase(p))));
  // Documents with each clause in some unit or in metadata.
  const docHas = clauses.map(() => new Set<number>());
  clauseSets.forEach((set, k) => {
    for (let i = 0; i < set.length; i++) docHas[k].add(unitDoc[set[i]]);
  });
  const excluded = new Set<number>();
  for (const p of q.not) {
    const m = dict.matchPhrase(p);
    for (let i = 0; i < m.length; i++) excluded.add(unitDoc[m[i]]);
  }
  const qualifying: number[] = [];
  for (let di = 0; di < docs.length; di++) {
    const d = docs[di];
    if (excluded.has(di) || excludedByTitle(d, q)) continue;
    let ok = true;
    for (let k = 0; k < clauses.length && ok; k++) ok = docHas[k].has(di) || metaMatches(d, clauses[k]);
    if (ok) qualifying.push(di);
  }
  const qual = new Set(qualifying);
  const unitHits = unionAll(clauseSets);
  const exact = unitHits.length <= EXACT_LIMIT;
  const prior = scorer.priorFactor(phrases, idf);
  if (exact) c.need(unitHits);
  const perDoc = new Map<number, { units: number[]; scores: number[] }>();
  for (let i = 0; i < unitHits.length; i++) {
    const u = unitHits[i];
    const di = unitDoc[u];
    if (!qual.has(di)) continue;
    let e = perDoc.get(di);
    if (!e) perDoc.set(di, (e = { units: [], scores: [] }));
    e.units.push(u);
    // Large sets are scored by the prior, from the unit's length alone: no text is read for them.
    e.scores.push(exact ? scorer.bm25(c.norm(u), phrases, idf) : prior / denom[u]);
  }
  for (const di of qualifying) {
    const d = docs[di];
    const e = perDoc.get(di);
    if (!e && d.firstUnit < 0) {
      out.push(-1, di, scorer.emptyDocScore(d, q), 0, 0);
      continue;
    }
    const tier = scorer.titleScore(d, q);
    // Document score: title tier + best unit + a little for each further unit.
    const sc = e ? e.scores.slice().sort((a, b) => b - a) : [];
    const docScore = tier + (sc[0] ?? 0) + sc.slice(1).reduce((s, x) => s + x, 0) * 0.1;
    if (!e) out.push(-1, di, docScore + 1, tier, 0);
    else e.units.forEach((u, k) => out.push(u, di, docScore + e.scores[k] / 1000, tier, 0));
  }
  return out;
}
