/**
 * The "related by subject" implementation before typed-array postings (kept verbatim, only renamed): the
 * baseline npm run bench:subject measures subjectPairs against, and whose output it must reproduce exactly.
 *
 * "Related by subject": documents about the same thing that share little
 * text (a province's 2024 notice and the national 2023 notice it follows).
 * TF-IDF over character bigrams of the core title and the body's key terms,
 * cosine similarity through an inverted index (no all-pairs loop).
 */
import type { PolicyDocument } from '../core/corpus/types.js';
import { flattenUnits, unitOwnText } from '../core/corpus/structure.js';
import { provinceShort } from '../core/corpus/regions.js';
import { coreTitle } from '../core/compare/titles.js';

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

const isIdeograph = (c: number) => c >= 0x3400 && c <= 0x9fff;

/** Bigrams of two ideographs, each coded as one number (c1 · 65536 + c2): maps with number keys are several times faster than with strings. */
function bigrams(s: string): Map<number, number> {
  const m = new Map<number, number>();
  for (let i = 0; i + 1 < s.length; i++) {
    const c1 = s.charCodeAt(i);
    const c2 = s.charCodeAt(i + 1);
    if (!isIdeograph(c1) || !isIdeograph(c2)) continue;
    const g = c1 * 65536 + c2;
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

const gramText = (g: number) => String.fromCharCode(Math.floor(g / 65536), g % 65536);

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

function normalised(v: Map<number, number>): Map<number, number> {
  let norm = 0;
  for (const w of v.values()) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  for (const [g, w] of v) v.set(g, w / norm);
  return v;
}

export function subjectPairsBefore(
  docs: PolicyDocument[],
  isTextVariant: (a: string, b: string) => boolean,
  threshold = SUBJECT_SIMILARITY,
): { a: string; b: string; score: number; terms: string[] }[] {
  const n = docs.length;
  const titleGrams = docs.map((d) => bigrams(withoutNames(d, coreTitle(d.title))));
  const bodyText = (d: PolicyDocument) => withoutNames(d, flattenUnits(d.units).map(unitOwnText).join('|'));
  // Two passes over the bodies (document frequencies, then each body's key terms) so only one body's bigrams are held at a time.
  const df = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const seen = new Set(titleGrams[i].keys());
    for (const g of bigrams(bodyText(docs[i])).keys()) seen.add(g);
    for (const g of seen) df.set(g, (df.get(g) ?? 0) + 1);
  }
  const maxDf = Math.max(2, Math.min(MAX_DF, Math.floor(n * MAX_DF_SHARE)));
  const idf = (g: number) => Math.log((n + 1) / ((df.get(g) ?? 0) + 1)) + 1;
  const useful = (g: number) => (df.get(g) ?? 0) <= maxDf;

  const titles = titleGrams.map((t) => normalised(new Map([...t.keys()].map((g) => [g, idf(g)]))));
  const bodies = docs.map((d) =>
    normalised(
      new Map(
        [...bigrams(bodyText(d))]
          .filter(([g]) => useful(g))
          .map(([g, tf]) => [g, (1 + Math.log(tf)) * idf(g)] as [number, number])
          .sort((x, y) => y[1] - x[1] || x[0] - y[0])
          .slice(0, KEY_TERMS),
      ),
    ),
  );

  // Inverted lists of (document, weight) per term; scores are accumulated along the lists of a document's
  // informative terms (df ≤ maxDf), so the cost follows the lists' lengths, not the number of pairs.
  const titlePostings = new Map<number, [number, number][]>();
  const bodyPostings = new Map<number, [number, number][]>();
  const post = (into: Map<number, [number, number][]>, v: Map<number, number>, i: number) => {
    for (const [g, w] of v) {
      const p = into.get(g);
      if (p) p.push([i, w]);
      else into.set(g, [[i, w]]);
    }
  };
  for (let i = 0; i < n; i++) {
    post(titlePostings, titles[i], i);
    post(bodyPostings, bodies[i], i);
  }
  const acc = new Float64Array(n);
  const touched: number[] = [];
  const best = new Map<string, { a: string; b: string; score: number; terms: string[] }>();
  for (let i = 0; i < n; i++) {
    touched.length = 0;
    const add = (j: number, x: number) => {
      if (j === i) return;
      if (acc[j] === 0) touched.push(j);
      acc[j] += x;
    };
    for (const [g, w] of titles[i]) if (useful(g)) for (const [j, wj] of titlePostings.get(g)!) add(j, TITLE_SHARE * w * wj);
    for (const [g, w] of bodies[i]) for (const [j, wj] of bodyPostings.get(g)!) add(j, (1 - TITLE_SHARE) * w * wj);
    // Common title words were not followed: add their share for the documents reached.
    for (const [g, w] of titles[i]) if (!useful(g)) for (const j of touched) acc[j] += TITLE_SHARE * w * (titles[j].get(g) ?? 0);
    const top = touched
      .map((j) => [j, acc[j]] as const)
      .filter(([j, s]) => s >= threshold && !isTextVariant(docs[i].id, docs[j].id))
      .sort((x, y) => y[1] - x[1] || x[0] - y[0])
      .slice(0, SUBJECT_NEIGHBOURS);
    for (const j of touched) acc[j] = 0;
    for (const [j, s] of top) {
      const [a, b] = docs[i].id < docs[j].id ? [i, j] : [j, i];
      const key = `${a},${b}`;
      if (best.has(key)) continue;
      const weight = (g: number) => TITLE_SHARE * (titles[a].get(g) ?? 0) * (titles[b].get(g) ?? 0) + (1 - TITLE_SHARE) * (bodies[a].get(g) ?? 0) * (bodies[b].get(g) ?? 0);
      const terms = [...new Set([...titles[a].keys(), ...bodies[a].keys()])]
        .map((g) => [g, weight(g)] as const)
        .filter(([, w]) => w > 0)
        .sort((x, y) => y[1] - x[1])
        .slice(0, 5)
        .map(([g]) => gramText(g));
      best.set(key, { a: docs[a].id, b: docs[b].id, score: Math.round(s * 1000) / 1000, terms });
    }
  }
  return [...best.values()].sort((x, y) => (x.a + x.b < y.a + y.b ? -1 : 1));
}
