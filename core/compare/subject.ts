/**
 * "Related by subject": documents about the same thing that share little
 * text (a province's 2024 notice and the national 2023 notice it follows).
 * TF-IDF over character bigrams of the core title and the body's key terms,
 * cosine similarity through an inverted index (no all-pairs loop).
 */
import type { PolicyDocument } from '../corpus/types.js';
import { gramText, subjectTerms, type SubjectTerms } from './subject-terms.js';
import type { SubjectPair } from './format.js';
import { Vocabulary } from './subject-vocabulary.js';

/** Similar subjects from here: a province's notice following a national one on the same matter scores ≈ 0.23; pairs sharing only the corpus theme (营商环境) mostly stay under 0.2. */
export const SUBJECT_SIMILARITY = 0.22;
/** Neighbours kept per document. */
export const SUBJECT_NEIGHBOURS = 3;
/** Body bigrams kept per document as its key terms. */
const KEY_TERMS = 150;
/** Share of the score from the title (the rest from body key terms): a title names the subject. */
const TITLE_SHARE = 0.5;
/** Bigrams in more than this share of documents say nothing about a subject. */
const MAX_DF_SHARE = 0.25;
/** …and in a large corpus, in more than this many. */
const MAX_DF = 300;

/** A document's terms and their weights, in the order its norm was summed (and scores are accumulated). */
interface Vector {
  terms: Int32Array;
  weights: Float64Array;
}

/** Divides by the Euclidean norm, summed in the vector's order. */
function normalise(weights: Float64Array): void {
  let norm = 0;
  for (let k = 0; k < weights.length; k++) norm += weights[k] * weights[k];
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < weights.length; k++) weights[k] /= norm;
}

/**
 * The best of `count` (term, weight) candidates, as many as `heap` holds, best first (heavier, then the smaller
 * bigram), written to the start of `outTerms` and `outWeights`, and returned as views of what was written: a heap
 * of the kept (candidate indexes), its root the worst kept, so most candidates cost one comparison (a body has
 * thousands of bigrams, 150 are kept).
 */
function bestTerms(terms: Int32Array, weights: Float64Array, count: number, heap: Int32Array, outTerms: Int32Array, outWeights: Float64Array, codes: number[]): Vector {
  const k = Math.min(heap.length, count);
  // Does candidate x rank after y? The bigrams' codes are looked up only to break a tie.
  const worse = (x: number, y: number) => weights[x] < weights[y] || (weights[x] === weights[y] && codes[terms[x]] > codes[terms[y]]);
  let size = 0;
  const down = (from: number) => {
    for (let at = from; ; ) {
      const l = 2 * at + 1;
      let worst = at;
      if (l < size && worse(heap[l], heap[worst])) worst = l;
      if (l + 1 < size && worse(heap[l + 1], heap[worst])) worst = l + 1;
      if (worst === at) return;
      const x = heap[at];
      heap[at] = heap[worst];
      heap[worst] = x;
      at = worst;
    }
  };
  for (; size < k; size++) {
    heap[size] = size;
    for (let at = size; at > 0 && worse(heap[at], heap[(at - 1) >> 1]); at = (at - 1) >> 1) {
      const x = heap[at];
      heap[at] = heap[(at - 1) >> 1];
      heap[(at - 1) >> 1] = x;
    }
  }
  for (let x = size; x < count; x++) {
    const w = weights[x];
    const root = weights[heap[0]];
    if (w < root || (w === root && codes[terms[x]] > codes[terms[heap[0]]])) continue; // not better than the worst kept
    heap[0] = x;
    down(0);
  }
  // Taking the worst kept out each time fills the vector from its end: best first.
  const out: Vector = { terms: outTerms.subarray(0, size), weights: outWeights.subarray(0, size) };
  while (size > 0) {
    const x = heap[0];
    out.terms[size - 1] = terms[x];
    out.weights[size - 1] = weights[x];
    heap[0] = heap[--size];
    down(0);
  }
  return out;
}

/** Inverted lists, one per term, of (document, weight), documents ascending: two flat arrays cut by `start`. */
interface Postings {
  start: Int32Array;
  docs: Int32Array;
  weights: Float64Array;
}

function postings(vectors: Vector[], termCount: number): Postings {
  const start = new Int32Array(termCount + 1);
  for (const v of vectors) for (const t of v.terms) start[t + 1]++;
  for (let t = 0; t < termCount; t++) start[t + 1] += start[t];
  const fill = start.slice(0, termCount);
  const docs = new Int32Array(start[termCount]);
  const weights = new Float64Array(start[termCount]);
  vectors.forEach((v, i) => {
    for (let k = 0; k < v.terms.length; k++) {
      const at = fill[v.terms[k]]++;
      docs[at] = i;
      weights[at] = v.weights[k];
    }
  });
  return { start, docs, weights };
}

/** The weight of term t in a vector, 0 when absent (titles are short: a scan is cheaper than a map). */
function weightIn(v: Vector, t: number): number {
  for (let k = 0; k < v.terms.length; k++) if (v.terms[k] === t) return v.weights[k];
  return 0;
}

/**
 * Each document's SUBJECT_NEIGHBOURS best neighbours by subject that are not its text variants, each pair once
 * (ids in order), sorted by their ids.
 */
export function subjectPairs(
  docs: PolicyDocument[],
  /** Whether docs[i] and docs[j] are text variants, by their indexes (asked hundreds of thousands of times at 10,000 documents). */
  isTextVariant: (i: number, j: number) => boolean,
  threshold = SUBJECT_SIMILARITY,
): SubjectPair[] {
  return subjectPairsOf(
    rankSubjects(docs.map(subjectTerms), threshold),
    docs.map((d) => d.id),
    isTextVariant,
  );
}

/** Vectors back to back: vector i is entries start[i] … start[i + 1] − 1 of `terms` and `weights`. */
export interface PackedVectors {
  start: Int32Array;
  terms: Int32Array;
  weights: Float64Array;
}

/**
 * Every document's candidates by subject, scored and ranked, before the text variants are known, as typed arrays:
 * the build ranks in a thread of its own while detection finds the variants, and is handed these back without a
 * copy (cli/subject-thread.ts); `subjectPairsOf` then chooses among them.
 */
export interface SubjectRanking {
  /** Term id → its bigram's code. */
  codes: Int32Array;
  /** Each document's title vector and body key terms (by term id), in the order their scores were summed. */
  titles: PackedVectors;
  bodies: PackedVectors;
  /** Document i's candidates (score ≥ threshold) are entries rankStart[i] … rankStart[i + 1] − 1, best first (score, then document order). */
  rankStart: Int32Array;
  rankDoc: Int32Array;
  rankScore: Float64Array;
}

/** The buffers a ranking is made of (to hand it to another thread). */
export const rankingBuffers = (r: SubjectRanking): ArrayBuffer[] =>
  [r.codes, r.titles.start, r.titles.terms, r.titles.weights, r.bodies.start, r.bodies.terms, r.bodies.weights, r.rankStart, r.rankDoc, r.rankScore].map((a) => a.buffer as ArrayBuffer);

const vectorAt = (p: PackedVectors, i: number): Vector => ({ terms: p.terms.subarray(p.start[i], p.start[i + 1]), weights: p.weights.subarray(p.start[i], p.start[i + 1]) });

/** subjectPairs' result from the ranking, `ids[i]` being document i's id. */
export function subjectPairsOf(r: SubjectRanking, ids: readonly string[], isTextVariant: (i: number, j: number) => boolean): SubjectPair[] {
  const n = r.rankStart.length - 1;
  if (ids.length !== n) throw new Error(`subjectPairsOf: ${ids.length} ids for ${n} documents`);
  const scratch = [0, 1, 2, 3].map(() => new Float64Array(r.codes.length)); // for sharedTerms
  const best = new Map<number, SubjectPair>();
  for (let i = 0; i < n; i++) {
    // The SUBJECT_NEIGHBOURS best that are not text variants; the predicate is asked only of a document that would enter them.
    for (let k = r.rankStart[i], kept = 0; k < r.rankStart[i + 1] && kept < SUBJECT_NEIGHBOURS; k++) {
      const j = r.rankDoc[k];
      if (isTextVariant(i, j)) continue;
      kept++;
      const [a, b] = ids[i] < ids[j] ? [i, j] : [j, i];
      const key = a * n + b;
      if (best.has(key)) continue;
      const vectors = [vectorAt(r.titles, a), vectorAt(r.bodies, a), vectorAt(r.titles, b), vectorAt(r.bodies, b)];
      best.set(key, { a: ids[a], b: ids[b], score: Math.round(r.rankScore[k] * 1000) / 1000, terms: sharedTerms(vectors, scratch, r.codes) });
    }
  }
  return [...best.values()].sort((x, y) => (x.a + x.b < y.a + y.b ? -1 : 1));
}

/** The ranking of the documents whose terms (subject-terms.ts) are `terms`, in the documents' order. */
export function rankSubjects(terms: readonly SubjectTerms[], threshold = SUBJECT_SIMILARITY): SubjectRanking {
  const n = terms.length;
  const vocab = new Vocabulary();
  // Everything held for a document is a view into one array for all documents: tens of thousands of small typed
  // arrays, each its own block of the C heap, left that heap fragmented for the rest of the build (100 MB more at
  // its peak, measured), where a few large blocks go back to the system when they are freed.
  const pack = (lengths: (t: SubjectTerms) => number) => {
    const start = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) start[i + 1] = start[i] + lengths(terms[i]);
    return start;
  };
  const titleStart = pack((t) => t.title.length);
  const bodyStart = pack((t) => t.body.length);
  // Each document's distinct bigrams as term ids, its title's first; document frequencies as they are met.
  const titleIds = new Int32Array(titleStart[n]);
  const bodyIds = new Int32Array(bodyStart[n]);
  for (let i = 0; i < n; i++) {
    vocab.termsOf(terms[i].title, i, titleIds.subarray(titleStart[i], titleStart[i + 1]));
    vocab.termsOf(terms[i].body, i, bodyIds.subarray(bodyStart[i], bodyStart[i + 1]));
  }
  vocab.close();
  const termCount = vocab.codes.length;
  const { codes, df } = vocab;
  const maxDf = Math.max(2, Math.min(MAX_DF, Math.floor(n * MAX_DF_SHARE)));
  const idf = Float64Array.from(df, (f) => Math.log((n + 1) / (f + 1)) + 1);
  const useful = (t: number) => df[t] <= maxDf;

  const titlePack: PackedVectors = { start: titleStart, terms: titleIds, weights: Float64Array.from(titleIds, (t) => idf[t]) };
  const titles: Vector[] = Array.from({ length: n }, (_, i) => vectorAt(titlePack, i));
  for (const v of titles) normalise(v.weights);
  // Each body's key terms: its KEY_TERMS heaviest informative bigrams, heaviest first, one body after another.
  const keyTerms = { start: new Int32Array(n + 1), terms: new Int32Array(n * KEY_TERMS), weights: new Float64Array(n * KEY_TERMS) };
  const candidates = new Float64Array(terms.reduce((m, t) => Math.max(m, t.body.length), 0));
  const heap = new Int32Array(KEY_TERMS);
  const bodies: Vector[] = [];
  for (let i = 0; i < n; i++) {
    const ids = bodyIds.subarray(bodyStart[i], bodyStart[i + 1]);
    const counts = terms[i].tf;
    let kept = 0;
    for (let k = 0; k < ids.length; k++) {
      const t = ids[k];
      if (!useful(t)) continue;
      ids[kept] = t;
      candidates[kept++] = (1 + Math.log(counts[k])) * idf[t];
    }
    const at = keyTerms.start[i];
    const v = bestTerms(ids, candidates, kept, heap, keyTerms.terms.subarray(at, at + KEY_TERMS), keyTerms.weights.subarray(at, at + KEY_TERMS), codes);
    keyTerms.start[i + 1] = at + v.terms.length;
    normalise(v.weights);
    bodies.push(v);
  }

  // Scores are accumulated along the inverted lists of a document's informative terms (df ≤ maxDf), so
  // the cost follows the lists' lengths, not the number of pairs. Each neighbour's score is summed
  // term by term in the document's term order, as its cosine is defined (floating-point sums depend on it).
  const titlePostings = postings(titles, termCount);
  const bodyPostings = postings(bodies, termCount);
  const acc = new Float64Array(n);
  const touched = new Int32Array(n);
  // Each document's candidates (score ≥ threshold) as runs of two flat lists, best first (score, then document order).
  const rankStart = new Int32Array(n + 1);
  const rankDoc: number[] = [];
  const rankScore: number[] = [];
  const position = new Int32Array(termCount); // in the current title, 1-based, of its common terms; else 0
  const longestTitle = titles.reduce((m, v) => Math.max(m, v.terms.length), 0);
  const matchAt = new Int32Array(longestTitle);
  const matchWeight = new Float64Array(longestTitle);
  const commonTitleShares = (i: number, reached: number) => {
    const title = titles[i];
    const { start, docs: list, weights } = titlePostings;
    let reachedTitles = 0;
    for (let r = 0; r < reached; r++) reachedTitles += titles[touched[r]].terms.length;
    let alongLists = 0;
    for (let k = 0; k < title.terms.length; k++) {
      const t = title.terms[k];
      if (!useful(t)) alongLists += Math.min(start[t + 1] - start[t], reachedTitles);
    }
    if (alongLists <= reachedTitles) {
      for (let k = 0; k < title.terms.length; k++) {
        const t = title.terms[k];
        if (useful(t)) continue;
        const share = TITLE_SHARE * title.weights[k];
        if (start[t + 1] - start[t] <= reachedTitles) {
          for (let at = start[t]; at < start[t + 1]; at++) if (acc[list[at]] !== 0) acc[list[at]] += share * weights[at];
        } else {
          for (let r = 0; r < reached; r++) {
            const w = weightIn(titles[touched[r]], t);
            if (w !== 0) acc[touched[r]] += share * w;
          }
        }
      }
      return;
    }
    // One pass: each reached title's common terms, added in this title's order (as term by term would).
    for (let k = 0; k < title.terms.length; k++) if (!useful(title.terms[k])) position[title.terms[k]] = k + 1;
    for (let r = 0; r < reached; r++) {
      const other = titles[touched[r]];
      let m = 0;
      for (let kk = 0; kk < other.terms.length; kk++) {
        const at = position[other.terms[kk]];
        if (at === 0) continue;
        let q = m++;
        for (; q > 0 && matchAt[q - 1] > at; q--) {
          matchAt[q] = matchAt[q - 1];
          matchWeight[q] = matchWeight[q - 1];
        }
        matchAt[q] = at;
        matchWeight[q] = other.weights[kk];
      }
      for (let q = 0; q < m; q++) acc[touched[r]] += TITLE_SHARE * title.weights[matchAt[q] - 1] * matchWeight[q];
    }
    for (let k = 0; k < title.terms.length; k++) position[title.terms[k]] = 0;
  };
  for (let i = 0; i < n; i++) {
    let reached = 0;
    const follow = (p: Postings, t: number, share: number) => {
      for (let at = p.start[t]; at < p.start[t + 1]; at++) {
        const j = p.docs[at];
        if (j === i) continue;
        if (acc[j] === 0) touched[reached++] = j;
        acc[j] += share * p.weights[at];
      }
    };
    const title = titles[i];
    const body = bodies[i];
    for (let k = 0; k < title.terms.length; k++) if (useful(title.terms[k])) follow(titlePostings, title.terms[k], TITLE_SHARE * title.weights[k]);
    for (let k = 0; k < body.terms.length; k++) follow(bodyPostings, body.terms[k], (1 - TITLE_SHARE) * body.weights[k]);
    // Common title words were not followed: add their share for the documents reached (acc > 0), term
    // by term along each term's list, or, when that reads more, in one pass over the reached titles.
    commonTitleShares(i, reached);
    const from = rankDoc.length;
    for (let r = 0; r < reached; r++) {
      const j = touched[r];
      const s = acc[j];
      acc[j] = 0;
      if (s < threshold) continue;
      rankDoc.push(j);
      rankScore.push(s);
    }
    const order = Array.from({ length: rankDoc.length - from }, (_, k) => from + k).sort((x, y) => rankScore[y] - rankScore[x] || rankDoc[x] - rankDoc[y]);
    const [docsInOrder, scoresInOrder] = [order.map((x) => rankDoc[x]), order.map((x) => rankScore[x])];
    for (let k = 0; k < order.length; k++) [rankDoc[from + k], rankScore[from + k]] = [docsInOrder[k], scoresInOrder[k]];
    rankStart[i + 1] = rankDoc.length;
  }

  const used = keyTerms.start[n];
  return {
    codes: Int32Array.from(codes),
    titles: titlePack,
    // Cut to what is used (a copy: the ranking is handed to another thread whole).
    bodies: { start: keyTerms.start, terms: keyTerms.terms.slice(0, used), weights: keyTerms.weights.slice(0, used) },
    rankStart,
    rankDoc: Int32Array.from(rankDoc),
    rankScore: Float64Array.from(rankScore),
  };
}

/**
 * The five bigrams that weigh most in the pair's score, a's title bigrams first, then its key terms
 * (ties keep that order). `scratch` holds, by term, the weight in each of the four vectors (0 where
 * absent); it is all zeros again on return.
 */
function sharedTerms(vectors: Vector[], scratch: Float64Array[], codes: Int32Array): string[] {
  const [ta, ba, tb, bb] = scratch;
  const fill = (clear: boolean) => {
    for (let x = 0; x < 4; x++) {
      const { terms, weights } = vectors[x];
      for (let k = 0; k < terms.length; k++) scratch[x][terms[k]] = clear ? 0 : weights[k];
    }
  };
  fill(false);
  const shared: { t: number; w: number }[] = [];
  const weigh = (t: number) => {
    const w = TITLE_SHARE * ta[t] * tb[t] + (1 - TITLE_SHARE) * ba[t] * bb[t];
    if (w > 0) shared.push({ t, w });
  };
  for (const t of vectors[0].terms) weigh(t);
  for (const t of vectors[1].terms) if (ta[t] === 0) weigh(t); // title weights are never 0: not already weighed
  fill(true);
  return shared
    .sort((x, y) => y.w - x.w)
    .slice(0, 5)
    .map((x) => gramText(codes[x.t]));
}
