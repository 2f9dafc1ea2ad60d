/**
 * "Related by subject": documents about the same thing that share little
 * text (a province's 2024 notice and the national 2023 notice it follows).
 * TF-IDF over character bigrams of the core title and the body's key terms,
 * cosine similarity through an inverted index (no all-pairs loop).
 */
import type { PolicyDocument } from '../corpus/types.js';
import { flattenUnits, unitOwnText } from '../corpus/structure.js';
import { provinceShort } from '../corpus/regions.js';
import { coreTitle } from './titles.js';

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

/** Place and issuer names say who wrote a text, not what it is about: two texts from one district would look alike. */
function withoutNames(d: PolicyDocument, text: string): string {
  const names = new Set<string>();
  for (const n of [d.region.province, d.region.city, ...d.issuers]) {
    if (!n) continue;
    names.add(n);
    const short = provinceShort(n).replace(/(市|区|县)$/, '');
    if (short.length >= 2) names.add(short);
  }
  let out = text;
  for (const n of [...names].sort((a, b) => b.length - a.length)) out = out.split(n).join('|');
  return out;
}

/** First and last code points of the ideographs counted in bigrams (CJK Extension A and Unified Ideographs). */
const FIRST = 0x3400;
const LAST = 0x9fff;
const SPAN = LAST + 1 - FIRST;
const isIdeograph = (c: number) => c >= FIRST && c <= LAST;
/**
 * A bigram of two ideographs as one number, c1 before c2, so numbers sort as the bigrams' texts do.
 * It stays below 2^30, a small integer to V8: map keys and arrays of them are not boxed.
 */
const gramCode = (c1: number, c2: number) => (c1 - FIRST) * SPAN + (c2 - FIRST);
const gramText = (g: number) => String.fromCharCode(FIRST + Math.floor(g / SPAN), FIRST + (g % SPAN));

/**
 * Every bigram met gets a dense id, so what is known of a term (df, idf, postings) lives in flat arrays.
 * Ids are found through an open-addressing hash table of typed arrays: a body's every character asks
 * for one, tens of millions of times at 10,000 documents, several times faster than a Map.
 */
class Vocabulary {
  /** Id → bigram code. */
  readonly codes: number[] = [];
  readonly df: number[] = [];
  /** The last document counted in `df`, so a document counts once per term. */
  private readonly lastDoc: number[] = [];
  private bits = 16;
  private keys = new Int32Array(1 << this.bits).fill(-1); // bigram codes, -1 where empty
  private ids = new Int32Array(1 << this.bits);
  /** What `terms` returns, reused: the caller is done with one text's terms before it asks for the next. */
  private buffer = new Int32Array(1 << 16);

  private slotOf(keys: Int32Array, bits: number, g: number): number {
    const mask = (1 << bits) - 1;
    let h = Math.imul(g, 0x9e3779b1) >>> (32 - bits);
    while (keys[h] !== -1 && keys[h] !== g) h = (h + 1) & mask;
    return h;
  }

  private id(g: number): number {
    const h = this.slotOf(this.keys, this.bits, g);
    if (this.keys[h] === g) return this.ids[h];
    const t = this.codes.length;
    this.keys[h] = g;
    this.ids[h] = t;
    this.codes.push(g);
    this.df.push(0);
    this.lastDoc.push(-1);
    if (2 * this.codes.length > this.keys.length) this.grow(); // at most half full, so probes stay short
    return t;
  }

  private grow(): void {
    const bits = this.bits + 1;
    const keys = new Int32Array(1 << bits).fill(-1);
    const ids = new Int32Array(1 << bits);
    this.codes.forEach((g, t) => {
      const h = this.slotOf(keys, bits, g);
      keys[h] = g;
      ids[h] = t;
    });
    [this.bits, this.keys, this.ids] = [bits, keys, ids];
  }

  /** Drops the table once every bigram has its id: it is the largest thing held. */
  close(): void {
    this.keys = new Int32Array(0);
    this.ids = new Int32Array(0);
  }

  /** The ids of the text's bigrams of two ideographs, in order, repeats included: a view of a buffer the next call reuses. */
  terms(s: string): Int32Array {
    if (this.buffer.length < s.length) this.buffer = new Int32Array(2 * s.length);
    const out = this.buffer;
    let k = 0;
    let c1 = s.charCodeAt(0);
    for (let i = 1; i < s.length; i++) {
      const c2 = s.charCodeAt(i);
      if (isIdeograph(c1) && isIdeograph(c2)) out[k++] = this.id(gramCode(c1, c2));
      c1 = c2;
    }
    return out.subarray(0, k);
  }

  /** Counts term t in document `doc`'s df; true the first time the document has it. */
  count(t: number, doc: number): boolean {
    if (this.lastDoc[t] === doc) return false;
    this.lastDoc[t] = doc;
    this.df[t]++;
    return true;
  }
}

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
 * The k best of `count` (term, weight) candidates, best first (heavier, then the smaller bigram): a heap of the k kept, its root the
 * worst kept, so most candidates cost one comparison (a body has thousands of bigrams, 150 are kept).
 */
function bestTerms(terms: Int32Array, weights: Float64Array, count: number, k: number, codes: number[]): Vector {
  const heap = new Int32Array(Math.min(k, count)); // candidate indexes
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
  for (; size < heap.length; size++) {
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
  const out: Vector = { terms: new Int32Array(size), weights: new Float64Array(size) };
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

const EMPTY = new Int32Array(0);

export function subjectPairs(
  docs: PolicyDocument[],
  /** Whether docs[i] and docs[j] are text variants, by their indexes (asked hundreds of thousands of times at 10,000 documents). */
  isTextVariant: (i: number, j: number) => boolean,
  threshold = SUBJECT_SIMILARITY,
): { a: string; b: string; score: number; terms: string[] }[] {
  const n = docs.length;
  const vocab = new Vocabulary();
  const bodyText = (d: PolicyDocument) => withoutNames(d, flattenUnits(d.units).map(unitOwnText).join('|'));
  // One reading of the texts: document frequencies, each title's distinct bigrams in the order they
  // first appear, and each body's distinct bigrams with their counts (tf), held compactly until the
  // key terms can be chosen (about 6 bytes a distinct bigram: 70 MB at 10,000 documents).
  const titleTerms: Int32Array[] = [];
  const bodyTerms: Int32Array[] = [];
  const bodyTf: (Uint16Array | Int32Array)[] = [];
  const tf: number[] = [];
  for (let i = 0; i < n; i++) {
    const inTitle = vocab.terms(withoutNames(docs[i], coreTitle(docs[i].title)));
    let k = 0;
    for (let at = 0; at < inTitle.length; at++) if (vocab.count(inTitle[at], i)) inTitle[k++] = inTitle[at];
    titleTerms.push(inTitle.slice(0, k));
    const inBody = vocab.terms(bodyText(docs[i]));
    let count = 0;
    for (let at = 0; at < inBody.length; at++) {
      const t = inBody[at];
      vocab.count(t, i);
      while (tf.length <= t) tf.push(0);
      if (tf[t]++ === 0) inBody[count++] = t; // the occurrences already read are not needed again
    }
    const terms = inBody.slice(0, count);
    let most = 0;
    for (let at = 0; at < count; at++) most = Math.max(most, tf[terms[at]]);
    const counts = most <= 0xffff ? new Uint16Array(count) : new Int32Array(count);
    for (let at = 0; at < count; at++) {
      counts[at] = tf[terms[at]];
      tf[terms[at]] = 0;
    }
    bodyTerms.push(terms);
    bodyTf.push(counts);
  }
  vocab.close();
  const termCount = vocab.codes.length;
  const { codes, df } = vocab;
  const maxDf = Math.max(2, Math.min(MAX_DF, Math.floor(n * MAX_DF_SHARE)));
  const idf = Float64Array.from(df, (f) => Math.log((n + 1) / (f + 1)) + 1);
  const useful = (t: number) => df[t] <= maxDf;

  const titles: Vector[] = titleTerms.map((terms) => {
    const weights = Float64Array.from(terms, (t) => idf[t]);
    normalise(weights);
    return { terms, weights };
  });
  // Each body's key terms: its KEY_TERMS heaviest informative bigrams, heaviest first.
  const bodies: Vector[] = [];
  for (let i = 0; i < n; i++) {
    const terms = bodyTerms[i];
    const counts = bodyTf[i];
    const weights = new Float64Array(terms.length);
    let kept = 0;
    for (let k = 0; k < terms.length; k++) {
      const t = terms[k];
      if (!useful(t)) continue;
      terms[kept] = t;
      weights[kept++] = (1 + Math.log(counts[k])) * idf[t];
    }
    const v = bestTerms(terms, weights, kept, KEY_TERMS, codes);
    normalise(v.weights);
    bodies.push(v);
    bodyTerms[i] = bodyTf[i] = EMPTY; // freed as the key terms replace them
  }

  // Scores are accumulated along the inverted lists of a document's informative terms (df ≤ maxDf), so
  // the cost follows the lists' lengths, not the number of pairs. Each neighbour's score is summed
  // term by term in the document's term order, as its cosine is defined (floating-point sums depend on it).
  const titlePostings = postings(titles, termCount);
  const bodyPostings = postings(bodies, termCount);
  const acc = new Float64Array(n);
  const touched = new Int32Array(n);
  const scratch = [0, 1, 2, 3].map(() => new Float64Array(termCount)); // for sharedTerms
  const best = new Map<number, { a: string; b: string; score: number; terms: string[] }>();
  const topDoc = new Int32Array(SUBJECT_NEIGHBOURS);
  const topScore = new Float64Array(SUBJECT_NEIGHBOURS);
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
    // The SUBJECT_NEIGHBOURS best (score, then document order) that are not text variants; the
    // predicate is asked only of a document that would enter them.
    let kept = 0;
    for (let r = 0; r < reached; r++) {
      const j = touched[r];
      const s = acc[j];
      acc[j] = 0;
      if (s < threshold) continue;
      if (kept === SUBJECT_NEIGHBOURS && !(s > topScore[kept - 1] || (s === topScore[kept - 1] && j < topDoc[kept - 1]))) continue;
      if (isTextVariant(i, j)) continue;
      let at = Math.min(kept, SUBJECT_NEIGHBOURS - 1);
      for (; at > 0 && (s > topScore[at - 1] || (s === topScore[at - 1] && j < topDoc[at - 1])); at--) {
        topScore[at] = topScore[at - 1];
        topDoc[at] = topDoc[at - 1];
      }
      topScore[at] = s;
      topDoc[at] = j;
      if (kept < SUBJECT_NEIGHBOURS) kept++;
    }
    for (let r = 0; r < kept; r++) {
      const j = topDoc[r];
      const [a, b] = docs[i].id < docs[j].id ? [i, j] : [j, i];
      const key = a * n + b;
      if (best.has(key)) continue;
      best.set(key, { a: docs[a].id, b: docs[b].id, score: Math.round(topScore[r] * 1000) / 1000, terms: sharedTerms(titles, bodies, a, b, scratch, codes) });
    }
  }
  return [...best.values()].sort((x, y) => (x.a + x.b < y.a + y.b ? -1 : 1));
}

/**
 * The five bigrams that weigh most in the pair's score, a's title bigrams first, then its key terms
 * (ties keep that order). `scratch` holds, by term, the weight in each of the four vectors (0 where
 * absent); it is all zeros again on return.
 */
function sharedTerms(titles: Vector[], bodies: Vector[], a: number, b: number, scratch: Float64Array[], codes: number[]): string[] {
  const [ta, ba, tb, bb] = scratch;
  const vectors = [titles[a], bodies[a], titles[b], bodies[b]];
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
  for (const t of titles[a].terms) weigh(t);
  for (const t of bodies[a].terms) if (ta[t] === 0) weigh(t); // title weights are never 0: not already weighed
  fill(true);
  return shared
    .sort((x, y) => y.w - x.w)
    .slice(0, 5)
    .map((x) => gramText(codes[x.t]));
}
