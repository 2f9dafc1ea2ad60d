/**
 * Candidate collection: every hit of a parsed query with its score (no
 * ranges), for the three ways of searching — title only, 同条 (every word in
 * one unit, or in its document's title / 文号 / issuer) and 同篇 (every word
 * somewhere in the document).
 */
import { Hits } from './hits.js';
import { binarySearch, seek, unionAll } from './postings.js';
import type { ParsedQuery } from './query.js';
import type { DocRec } from './records.js';
import { excludedByTitle, metaMatches, type Scorer } from './scoring.js';
import type { TermDictionary } from './dictionary.js';

export type Scope = 'clause' | 'doc';
export type Field = 'all' | 'title';

/**
 * A one-word query with a single character (no positions to count it from) and more candidates than this gets
 * a prior for every hit (title tier + BM25 with tf = 1, i.e. unit length only, no string scan); the engine
 * rescores the best of them exactly before showing them. Every other hit is scored exactly: from positions
 * (phrases of two characters or more) or from the text its check reads anyway.
 */
const EXACT_LIMIT = 400;

export interface CorpusView {
  docs: DocRec[];
  dict: TermDictionary;
  scorer: Scorer;
  /** Per unit: its document. */
  unitDoc: Int32Array;
  /** Per unit: its normalised length (its BM25 length term is `scorer.lengthTerm(lens[u])`). */
  lens: Int32Array;
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

/**
 * 同条: units holding every clause (a clause may instead be in the document's title, 文号 or issuer), and a
 * document-level hit for a document whose metadata holds every clause and none of its units do. Phrases of
 * two characters or more (nearly every query) are found and counted from positions, so no unit's text is
 * read; a query with a single character has no positions and reads its candidates' texts.
 */
function collectClause(c: CorpusView, q: ParsedQuery, out: Hits): Hits {
  const clause = prepareClause(c, q);
  if ([...clause.phrases, ...q.not].every((p) => p.length >= 2)) clauseHitsByPositions(c, q, clause, out);
  else clauseHitsByText(c, q, clause, out);
  docLevelHits(c, q, clause.facts, out);
  return out;
}

interface DocFacts {
  /** Per clause: whether the document's title, 文号 or issuer holds it. */
  meta: boolean[];
  tier: number;
  excluded: boolean;
}

/** What both ways of collecting 同条 hits start from. */
interface ClauseQuery {
  phrases: string[];
  idf: number[];
  /** Index in `phrases` of each clause's first phrase. */
  clauseAt: number[];
  /** The clause with the fewest estimated matches: its units are the candidates (which one only changes the cost). */
  driver: number;
  /** A document's facts, computed once per query. */
  facts: (di: number) => DocFacts;
  /** Documents whose metadata holds the driver clause: their units are candidates too (none for a one-clause query, whose metadata-only matches are document-level hits). */
  metaDocs: number[];
}

function prepareClause(c: CorpusView, q: ParsedQuery): ClauseQuery {
  const { docs, dict, scorer } = c;
  const clauses = q.must;
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
  const clauseAt: number[] = [];
  clauses.reduce((at, cl) => (clauseAt.push(at), at + cl.length), 0);
  const known: (DocFacts | undefined)[] = new Array(docs.length);
  const facts = (di: number) => (known[di] ??= { meta: clauses.map((cl) => metaMatches(docs[di], cl)), tier: scorer.titleScore(docs[di], q), excluded: excludedByTitle(docs[di], q) });
  const metaDocs: number[] = [];
  if (clauses.length > 1) for (let di = 0; di < docs.length; di++) if (metaMatches(docs[di], clauses[driver])) metaDocs.push(di);
  return { phrases, idf: phrases.map((p) => scorer.idf(p)), clauseAt, driver, facts, metaDocs };
}

/** The units of the documents in `metaDocs` that are not in `cand` (sorted), in order. */
function metaUnits(c: CorpusView, metaDocs: number[], cand: Int32Array): number[] {
  const out: number[] = [];
  for (const di of metaDocs) for (let u = c.docs[di].firstUnit; u >= 0 && u < c.docs[di].endUnit; u++) if (!binarySearch(cand, u)) out.push(u);
  return out;
}

/**
 * Every candidate checked and scored exactly from the phrases' positions: a unit holds a phrase where the
 * phrase is counted in it, `-词` drops a unit holding it, and BM25 takes each phrase's count.
 * Units are checked in ascending order, so each list is walked with a cursor (`seek`), not searched from its
 * start for every unit: 国务院 checks 27,535 units at 10,000 documents, before its first page is shown.
 */
function clauseHitsByPositions(c: CorpusView, q: ParsedQuery, { phrases, idf, clauseAt, driver, facts, metaDocs }: ClauseQuery, out: Hits): void {
  const { dict, unitDoc, lens, scorer } = c;
  const clauses = q.must;
  dict.requireOccurrences([...phrases, ...q.not]);
  const occ = phrases.map((p) => dict.occurrences(p));
  const notUnits = q.not.map((p) => dict.matchPhrase(p));
  const driverLists = clauses[driver].map((_, j) => occ[clauseAt[driver] + j].units);
  const cand = driverLists.length === 1 ? driverLists[0] : unionAll(driverLists);
  const counts = new Int32Array(phrases.length);
  const at = new Int32Array(phrases.length);
  const notAt = new Int32Array(notUnits.length);
  /** Check units in ascending order (the cursors only move forward). */
  const checkAll = (units: ArrayLike<number>) => {
    at.fill(0);
    notAt.fill(0);
    units: for (let n = 0; n < units.length; n++) {
      const u = units[n];
      const di = unitDoc[u];
      const f = facts(di);
      if (f.excluded) continue;
      for (let k = 0; k < notUnits.length; k++) {
        notAt[k] = seek(notUnits[k], notAt[k], u);
        if (notUnits[k][notAt[k]] === u) continue units;
      }
      let inText = false;
      for (let k = 0; k < clauses.length; k++) {
        let ok = false;
        // Every phrase is looked up, not only until one holds: each one's count goes into the score.
        for (let j = clauseAt[k], end = j + clauses[k].length; j < end; j++) {
          const list = occ[j].units;
          const i = (at[j] = seek(list, at[j], u));
          const here = list[i] === u;
          counts[j] = here ? occ[j].tf![i] : 0;
          if (here) ok = inText = true;
        }
        if (!ok && !f.meta[k]) continue units;
      }
      // A unit whose every clause is in the metadata only is not a text hit (the document-level hit stands for it).
      if (inText) out.push(u, di, f.tier + scorer.bm25Counts(lens[u], counts, phrases, idf), f.tier, 0);
    }
  };
  out.reserve(cand.length + 16);
  checkAll(cand);
  checkAll(metaUnits(c, metaDocs, cand));
}

/**
 * A query with a single character: candidates are found by matchPhrase and the other clauses checked in their
 * texts, which score them exactly too. A one-word query with more than EXACT_LIMIT candidates reads no text:
 * its hits are taken straight from typed arrays with the prior (title tier + BM25 with tf = 1), and the
 * engine rescores the best of them exactly before showing them.
 */
function clauseHitsByText(c: CorpusView, q: ParsedQuery, { phrases, idf, driver, facts, metaDocs }: ClauseQuery, out: Hits): void {
  const { dict, unitDoc, lens, scorer } = c;
  const clauses = q.must;
  const lists = clauses[driver].map((p) => dict.matchPhrase(p));
  const cand = lists.length === 1 ? lists[0] : unionAll(lists);
  out.reserve(cand.length + 16);
  if (cand.length > EXACT_LIMIT && !q.not.length && clauses.length === 1) {
    // No `-词`, so no document is excluded by its title; one clause, so every candidate is a hit.
    const prior = scorer.priorFactor(phrases, idf);
    for (let i = 0; i < cand.length; i++) {
      const u = cand[i];
      const di = unitDoc[u];
      const { tier } = facts(di);
      out.push(u, di, tier + prior / scorer.lengthTerm(lens[u]), tier, 1);
    }
    return;
  }
  // `viaDriver`: u is a candidate, whose text matchPhrase found to hold the driver clause.
  const check = (u: number, viaDriver: boolean) => {
    const di = unitDoc[u];
    const f = facts(di);
    const text = c.norm(u);
    if (f.excluded || q.not.some((p) => text.includes(p))) return;
    let inText = viaDriver;
    for (let k = 0; k < clauses.length; k++) {
      if (k === driver && viaDriver) continue;
      const ok = clauses[k].some((p) => text.includes(p));
      if (ok) inText = true;
      else if (!f.meta[k]) return;
    }
    if (inText) out.push(u, di, f.tier + scorer.bm25(text, phrases, idf), f.tier, 0);
  };
  c.need(cand);
  for (let i = 0; i < cand.length; i++) check(cand[i], true);
  const more = metaUnits(c, metaDocs, cand);
  c.need(more);
  for (const u of more) check(u, false);
}

/** Documents whose title / 文号 / issuer holds every clause, with no unit hit: one document-level hit each. */
function docLevelHits(c: CorpusView, q: ParsedQuery, facts: (di: number) => DocFacts, out: Hits): void {
  // Marks in a typed array, not a Set: a common phrase has unit hits in most documents (国务院: 27,535 hits).
  const withUnits = new Uint8Array(c.docs.length);
  for (let i = 0; i < out.n; i++) withUnits[out.doc[i]] = 1;
  docs: for (let di = 0; di < c.docs.length; di++) {
    if (withUnits[di]) continue;
    const d = c.docs[di];
    for (const clause of q.must) if (!metaMatches(d, clause)) continue docs;
    const f = facts(di);
    if (f.excluded) continue;
    const score = d.firstUnit < 0 ? c.scorer.emptyDocScore(d, q) : f.tier ? f.tier + 50 : 0.5;
    out.push(-1, di, score, d.firstUnit < 0 ? 0 : f.tier, 0);
  }
}

function collectDoc(c: CorpusView, q: ParsedQuery, out: Hits): Hits {
  const { docs, unitDoc, dict, scorer, lens } = c;
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
    e.scores.push(exact ? scorer.bm25(c.norm(u), phrases, idf) : prior / scorer.lengthTerm(lens[u]));
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
