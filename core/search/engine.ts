/**
 * Query side. Loading parses the two artifacts and normalises unit texts
 * once; postings are decoded lazily per term and cached.
 *
 * A phrase is looked up by its rarest bigrams: the shortest posting list is
 * the candidate set, intersected with the next rarest while that still
 * shrinks it, and every candidate is verified with `includes` on the
 * normalised unit text. Single characters and two-character phrases are
 * answered exactly by their posting list. So results are exactly the units
 * whose normalised text contains the phrase (recall 1.0, no false hit).
 * Ranking uses cheap per-hit numbers (title tier, BM25 over exact phrase
 * counts); only the top k are sorted and only they get ranges.
 */
import { decodeInts } from './codec.js';
import { Hits, topK } from './hits.js';
import { binarySearch, intersect, unionAll } from './postings.js';
import type { SearchDoc } from './corpus-units.js';
import { countOccurrences, rangesIn, type Range } from './highlight.js';
import { parseQuery, positivePhrases, type ParsedQuery } from './query.js';
import { normalizeUnitText, phraseTerms, type NormalizedUnitText } from './tokenizer.js';
import { SEARCH_FORMAT_VERSION, type SerializedIndex, type SerializedUnits } from './format.js';
import { NO_YEAR } from '../corpus/facts.js';

export type Scope = 'clause' | 'doc';
export type Field = 'all' | 'title';
export type FacetName = 'region' | 'issuer' | 'kind' | 'year';
export const FACETS: FacetName[] = ['region', 'issuer', 'kind', 'year'];

export interface SearchOptions {
  /** 同条 (all words in one unit, default) or 同篇 (all words in one document). */
  scope?: Scope;
  /** Full text (default) or title / 文号 only. */
  field?: Field;
  limit?: number;
  offset?: number;
  /** Selected facet values: OR within a facet, AND across facets. */
  filters?: Partial<Record<FacetName, string[]>>;
  /** Earlier queries whose results this search is restricted to (search within results). */
  within?: string[];
  /** Compute facet counts (default true). */
  facets?: boolean;
}

export interface Hit {
  docId: string;
  /** Unit to open; for a title hit the document's first unit ('' if it has none). */
  unitId: string;
  /** Unit index in the engine, -1 for a title-only hit. */
  unit: number;
  score: number;
  /** 'text': ranges are in the unit's search text; 'title': the document matched by title/文号/issuer. */
  field: 'text' | 'title';
  /** [start, end) in the unit's search text (heading line, paragraphs joined by '\n'). */
  ranges: Range[];
  /** [start, end) in the document title. */
  titleRanges: Range[];
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchResult {
  query: string;
  /** Matching hits (units plus title-only hits) after filters and within. */
  total: number;
  /** Distinct documents among them. */
  docTotal: number;
  hits: Hit[];
  facets: Record<FacetName, FacetCount[]>;
}

interface DocRec extends SearchDoc {
  titleN: NormalizedUnitText;
  /** Normalised title + 文号: what title scope searches. */
  titleKey: string;
  /** Normalised title + 文号 + issuer: what a unit "carries" from its document. */
  metaKey: string;
  firstUnit: number;
  endUnit: number;
}

interface UnitRec {
  doc: number;
  id: string;
  text: string;
  n: NormalizedUnitText;
}


/**
 * Result sets up to this size are scored exactly (BM25 over exact phrase
 * counts). Larger ones are ranked in two stages: a prior for every hit
 * (title tier + BM25 with tf = 1, i.e. unit length only, no string scan),
 * then exact scores for the best RERANK_WINDOW (100) of them, which covers what is shown; ranking is stable for the first 100 hits.
 */
const EXACT_LIMIT = 400;
const RERANK_WINDOW = 100;

const K1 = 1.2;
const B = 0.75;
const TITLE_TIER = 1000;

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class SearchEngine {
  readonly docs: DocRec[];
  readonly units: UnitRec[];
  private readonly uni: string;
  private readonly bi: string;
  private readonly df: Int32Array;
  private readonly offsets: Int32Array;
  private readonly postingsStr: string;
  private readonly cache = new Map<number, Int32Array>();
  private readonly avgLen: number;
  /** Per unit: its document, and the BM25 length term 1 + k1·(1 − b + b·len/avgLen). */
  private readonly unitDoc: Int32Array;
  private readonly denom: Float64Array;

  constructor(unitsData: SerializedUnits, indexData: SerializedIndex) {
    if (unitsData.v !== SEARCH_FORMAT_VERSION || indexData.v !== SEARCH_FORMAT_VERSION) {
      throw new Error(`search index format ${indexData.v}/${unitsData.v}, expected ${SEARCH_FORMAT_VERSION}: rebuild the corpus (npm run build:corpus)`);
    }
    this.docs = unitsData.docs.map((d) => {
      const titleN = normalizeUnitText(d.title);
      const titleKey = titleN.norm + '\n' + normalizeUnitText(d.docNumber ?? '').norm;
      return { ...d, titleN, titleKey, metaKey: titleKey + '\n' + normalizeUnitText(d.issuer).norm, firstUnit: -1, endUnit: -1 };
    });
    this.units = unitsData.units.map(([doc, path, text], i) => {
      const d = this.docs[doc];
      if (d.firstUnit < 0) d.firstUnit = i;
      d.endUnit = i + 1;
      const n = normalizeUnitText(text);
      return { doc, id: `${d.id}~${path}`, text, n };
    });
    this.avgLen = indexData.avgLen || 1;
    this.unitDoc = new Int32Array(this.units.length);
    this.denom = new Float64Array(this.units.length);
    this.units.forEach((u, i) => {
      this.unitDoc[i] = u.doc;
      this.denom[i] = 1 + K1 * (1 - B + (B * u.n.norm.length) / this.avgLen);
    });
    if (indexData.unitCount !== this.units.length) throw new Error('search index does not match its unit list');
    this.uni = indexData.uni;
    this.bi = indexData.bi;
    const nt = this.uni.length + this.bi.length / 2;
    this.df = new Int32Array(nt);
    decodeInts(indexData.df, 0, nt, this.df, false);
    const lens = new Int32Array(nt);
    decodeInts(indexData.lens, 0, nt, lens, false);
    this.offsets = new Int32Array(nt + 1);
    for (let i = 0; i < nt; i++) this.offsets[i + 1] = this.offsets[i] + lens[i];
    this.postingsStr = indexData.postings;
  }

  static fromJSON(units: string | SerializedUnits, index: string | SerializedIndex): SearchEngine {
    return new SearchEngine(typeof units === 'string' ? JSON.parse(units) : units, typeof index === 'string' ? JSON.parse(index) : index);
  }

  // ---- term lookup -------------------------------------------------------

  /** Term id by binary search in the concatenated term strings (nothing to build at load). */
  private termId(term: string): number {
    if (term.length === 1) {
      const c = term.charCodeAt(0);
      const s = this.uni;
      let lo = 0;
      let hi = s.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const m = s.charCodeAt(mid);
        if (m === c) return mid;
        if (m < c) lo = mid + 1;
        else hi = mid - 1;
      }
      return -1;
    }
    const key = term.charCodeAt(0) * 65536 + term.charCodeAt(1);
    const s = this.bi;
    let lo = 0;
    let hi = s.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const m = s.charCodeAt(2 * mid) * 65536 + s.charCodeAt(2 * mid + 1);
      if (m === key) return this.uni.length + mid;
      if (m < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private postings(id: number): Int32Array {
    let p = this.cache.get(id);
    if (!p) {
      p = new Int32Array(this.df[id]);
      decodeInts(this.postingsStr, this.offsets[id], p.length, p, true);
      this.cache.set(id, p);
    }
    return p;
  }

  /** Upper bound of the number of units containing a phrase (0 = none). */
  estimate(phrase: string): number {
    let min = Infinity;
    for (const t of phraseTerms(phrase)) {
      const id = this.termId(t);
      if (id < 0) return 0;
      if (this.df[id] < min) min = this.df[id];
    }
    return min === Infinity ? 0 : min;
  }

  /** Units (sorted indexes) whose normalised text contains the normalised phrase. Exact. */
  matchPhrase(phrase: string): Int32Array {
    if (!phrase || phrase.includes('\n')) return new Int32Array(0);
    const ids: number[] = [];
    for (const t of phraseTerms(phrase)) {
      const id = this.termId(t);
      if (id < 0) return new Int32Array(0);
      ids.push(id);
    }
    ids.sort((a, b) => this.df[a] - this.df[b]);
    let cand = this.postings(ids[0]);
    if (phrase.length <= 2) return cand;
    // Intersect with further rare lists while it pays (each list at most ~8× the candidates).
    for (let k = 1; k < ids.length && k < 4 && cand.length > 16; k++) {
      const next = this.postings(ids[k]);
      if (next.length > cand.length * 8 && k > 1) break;
      cand = intersect(cand, next);
    }
    const out = new Int32Array(cand.length);
    let n = 0;
    for (let i = 0; i < cand.length; i++) {
      const u = cand[i];
      if (this.units[u].n.norm.includes(phrase)) out[n++] = u;
    }
    return out.subarray(0, n);
  }

  private idf(phrase: string): number {
    const df = this.estimate(phrase);
    const N = this.units.length;
    return Math.log(1 + (N - df + 0.5) / (df + 0.5));
  }

  private bm25(norm: string, phrases: string[], idf: number[]): number {
    let s = 0;
    const norml = 1 - B + (B * norm.length) / this.avgLen;
    for (let i = 0; i < phrases.length; i++) {
      const tf = countOccurrences(norm, phrases[i]);
      if (tf) s += (idf[i] * (tf * (K1 + 1))) / (tf + K1 * norml) * Math.sqrt(phrases[i].length);
    }
    return s;
  }

  /** BM25 numerator with tf = 1 summed over the phrases (the prior divides it by the length term). */
  private priorFactor(phrases: string[], idf: number[]): number {
    let s = 0;
    for (let i = 0; i < phrases.length; i++) s += idf[i] * (K1 + 1) * Math.sqrt(phrases[i].length);
    return s / Math.max(1, phrases.length);
  }

  private titleScore(d: DocRec, q: ParsedQuery): number {
    let covered = 0;
    for (const clause of q.must) {
      let best = 0;
      for (const p of clause) if (d.titleKey.includes(p)) best = Math.max(best, p.length);
      if (!best) return 0;
      covered += best;
    }
    // Title tier; a tighter title (query covers more of it) first.
    return TITLE_TIER + (100 * covered) / Math.max(1, d.titleN.norm.length);
  }

  private metaMatches(d: DocRec, clause: string[]): boolean {
    for (const p of clause) if (d.metaKey.includes(p)) return true;
    return false;
  }

  private excludedByTitle(d: DocRec, q: ParsedQuery): boolean {
    for (const p of q.not) if (d.titleKey.includes(p)) return true;
    return false;
  }

  // ---- collection ---------------------------------------------------------

  /** All hits of a parsed query with scores (no ranges), unsorted. */
  collect(q: ParsedQuery, scope: Scope = 'clause', field: Field = 'all'): Hits {
    const out = new Hits();
    if (!q.must.length) return out;
    // Documents matching every clause by title / 文号 (title scope), plus title tier scores.
    if (field === 'title') {
      for (let di = 0; di < this.docs.length; di++) {
        const d = this.docs[di];
        if (this.excludedByTitle(d, q)) continue;
        const s = this.titleScore(d, q);
        if (s) out.push(-1, di, s, s, 0);
      }
      return out;
    }
    return scope === 'doc' ? this.collectDoc(q, out) : this.collectClause(q, out);
  }

  private collectClause(q: ParsedQuery, out: Hits): Hits {
    const clauses = q.must;
    // Driver: the clause with the smallest estimated text match count.
    let driver = 0;
    let best = Infinity;
    const est = clauses.map((c) => c.reduce((s, p) => s + this.estimate(p), 0));
    est.forEach((e, i) => {
      if (e < best) {
        best = e;
        driver = i;
      }
    });
    const phrases = clauses.flat();
    const idf = phrases.map((p) => this.idf(p));
    // Per-document facts, computed once per query.
    const docMeta: ({ meta: boolean[]; tier: number; excluded: boolean } | undefined)[] = new Array(this.docs.length);
    const docFacts = (di: number) => {
      let f = docMeta[di];
      if (!f) {
        const d = this.docs[di];
        f = { meta: clauses.map((c) => this.metaMatches(d, c)), tier: this.titleScore(d, q), excluded: this.excludedByTitle(d, q) };
        docMeta[di] = f;
      }
      return f;
    };
    // Candidates: units whose text has the driver clause, and units of documents whose metadata has it.
    const lists = clauses[driver].map((p) => this.matchPhrase(p));
    const cand = lists.length === 1 ? lists[0] : unionAll(lists);
    const metaDocs: number[] = [];
    if (clauses.length > 1) {
      for (let di = 0; di < this.docs.length; di++) if (this.metaMatches(this.docs[di], clauses[driver])) metaDocs.push(di);
    }
    const exact = cand.length <= EXACT_LIMIT;
    const prior = this.priorFactor(phrases, idf);
    // Only multi-word, negated or exactly scored queries need the unit text here.
    const needText = exact || q.not.length > 0 || clauses.length > 1;
    const unitDoc = this.unitDoc;
    const denom = this.denom;
    const check = (u: number, viaText: boolean) => {
      const di = unitDoc[u];
      const f = docFacts(di);
      if (f.excluded) return;
      if (!needText) {
        out.push(u, di, f.tier + prior / denom[u], f.tier, 1);
        return;
      }
      const norm = this.units[u].n.norm;
      for (const p of q.not) if (norm.includes(p)) return;
      let anyText = viaText;
      for (let c = 0; c < clauses.length; c++) {
        if (c === driver) continue;
        let ok = false;
        for (const p of clauses[c]) {
          if (norm.includes(p)) {
            ok = true;
            anyText = true;
            break;
          }
        }
        if (!ok && !f.meta[c]) return;
      }
      if (!anyText) return;
      if (exact) out.push(u, di, f.tier + this.bm25(norm, phrases, idf), f.tier, 0);
      else out.push(u, di, f.tier + prior / denom[u], f.tier, 1);
    };
    out.reserve(cand.length + 16);
    if (!needText) {
      // Hot path (one word, many hits): prior scores straight from typed arrays.
      for (let i = 0; i < cand.length; i++) {
        const u = cand[i];
        const di = unitDoc[u];
        const f = docMeta[di] ?? docFacts(di);
        if (!f.excluded) out.push(u, di, f.tier + prior / denom[u], f.tier, 1);
      }
    } else {
      for (let i = 0; i < cand.length; i++) check(cand[i], true);
    }
    if (metaDocs.length) {
      for (const di of metaDocs) {
        const d = this.docs[di];
        if (d.firstUnit < 0) continue;
        for (let u = d.firstUnit; u < d.endUnit; u++) {
          if (binarySearch(cand, u)) continue; // already checked via text
          check(u, false);
        }
      }
    }
    // Documents matching by title/文号/issuer without any unit hit get one document-level hit.
    const withUnits = new Set<number>();
    for (let i = 0; i < out.n; i++) withUnits.add(out.doc[i]);
    for (let di = 0; di < this.docs.length; di++) {
      if (withUnits.has(di)) continue;
      const d = this.docs[di];
      let all = true;
      for (const c of clauses) if (!this.metaMatches(d, c)) { all = false; break; }
      if (!all) continue;
      const f = docFacts(di);
      if (f.excluded) continue;
      out.push(-1, di, f.tier ? f.tier + 50 : 0.5, f.tier, 0);
    }
    return out;
  }

  private collectDoc(q: ParsedQuery, out: Hits): Hits {
    const clauses = q.must;
    const phrases = clauses.flat();
    const idf = phrases.map((p) => this.idf(p));
    const clauseSets = clauses.map((c) => unionAll(c.map((p) => this.matchPhrase(p))));
    // Documents with each clause in some unit or in metadata.
    const docHas = clauses.map(() => new Set<number>());
    clauseSets.forEach((set, c) => {
      for (let i = 0; i < set.length; i++) docHas[c].add(this.units[set[i]].doc);
    });
    const excluded = new Set<number>();
    for (const p of q.not) {
      const m = this.matchPhrase(p);
      for (let i = 0; i < m.length; i++) excluded.add(this.units[m[i]].doc);
    }
    const qualifying: number[] = [];
    for (let di = 0; di < this.docs.length; di++) {
      const d = this.docs[di];
      if (excluded.has(di) || this.excludedByTitle(d, q)) continue;
      let ok = true;
      for (let c = 0; c < clauses.length && ok; c++) ok = docHas[c].has(di) || this.metaMatches(d, clauses[c]);
      if (ok) qualifying.push(di);
    }
    const qual = new Set(qualifying);
    const unitHits = unionAll(clauseSets);
    const exact = unitHits.length <= EXACT_LIMIT;
    const prior = this.priorFactor(phrases, idf);
    const perDoc = new Map<number, { units: number[]; scores: number[] }>();
    for (let i = 0; i < unitHits.length; i++) {
      const u = unitHits[i];
      const di = this.units[u].doc;
      if (!qual.has(di)) continue;
      let e = perDoc.get(di);
      if (!e) perDoc.set(di, (e = { units: [], scores: [] }));
      e.units.push(u);
      const norm = this.units[u].n.norm;
      e.scores.push(exact ? this.bm25(norm, phrases, idf) : prior / (1 + K1 * (1 - B + (B * norm.length) / this.avgLen)));
    }
    for (const di of qualifying) {
      const d = this.docs[di];
      const tier = this.titleScore(d, q);
      const e = perDoc.get(di);
      // Document score: title tier + best unit + a little for each further unit.
      const sc = e ? e.scores.slice().sort((a, b) => b - a) : [];
      const docScore = tier + (sc[0] ?? 0) + sc.slice(1).reduce((s, x) => s + x, 0) * 0.1;
      if (!e) out.push(-1, di, docScore + 1, tier, 0);
      if (e) e.units.forEach((u, k) => out.push(u, di, docScore + e!.scores[k] / 1000, tier, 0));
    }
    return out;
  }

  // ---- public search ------------------------------------------------------

  search(query: string, opts: SearchOptions = {}): SearchResult {
    const q = parseQuery(query);
    const scope = opts.scope ?? 'clause';
    const field = opts.field ?? 'all';
    let hits = this.collect(q, scope, field);
    for (const w of opts.within ?? []) {
      const prev = this.collect(parseQuery(w), scope, field);
      const docs = new Set<number>();
      const units = new Set<number>();
      for (let i = 0; i < prev.n; i++) {
        if (prev.unit[i] < 0 || scope === 'doc' || field === 'title') docs.add(prev.doc[i]);
        else units.add(prev.unit[i]);
      }
      const h = hits;
      hits = h.filter((i) => docs.has(h.doc[i]) || (h.unit[i] >= 0 && units.has(h.unit[i])));
    }
    const filters = opts.filters ?? {};
    const active = FACETS.filter((f) => filters[f] && filters[f]!.length);
    const sets = Object.fromEntries(active.map((f) => [f, new Set(filters[f])])) as Record<FacetName, Set<string>>;
    const passes = (d: DocRec, f: FacetName) => facetValues(d, f).some((v) => sets[f].has(v));
    const facets = { region: [], issuer: [], kind: [], year: [] } as Record<FacetName, FacetCount[]>;
    if (opts.facets !== false) {
      const counts = { region: new Map(), issuer: new Map(), kind: new Map(), year: new Map() } as Record<FacetName, Map<string, number>>;
      // Hits per document first (few documents, many hits), then each document's
      // count goes to the facets whose *other* filters it passes.
      const perDoc = new Map<number, number>();
      for (let i = 0; i < hits.n; i++) perDoc.set(hits.doc[i], (perDoc.get(hits.doc[i]) ?? 0) + 1);
      for (const [di, n] of perDoc) {
        const d = this.docs[di];
        const fails = active.filter((f) => !passes(d, f));
        for (const f of FACETS) {
          if (fails.length > 1 || (fails.length === 1 && fails[0] !== f)) continue;
          const m = counts[f];
          for (const v of facetValues(d, f)) m.set(v, (m.get(v) ?? 0) + n);
        }
      }
      for (const f of FACETS) {
        facets[f] = [...counts[f].entries()].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || cmpStr(a.value, b.value));
      }
    }
    if (active.length) {
      const h = hits;
      hits = h.filter((i) => active.every((f) => passes(this.docs[h.doc[i]], f)));
    }
    const limit = Math.max(0, opts.limit ?? 50);
    const offset = Math.max(0, opts.offset ?? 0);
    const phrases = positivePhrases(q);
    const anyPrelim = hits.prelim.subarray(0, hits.n).includes(1);
    let top = topK(hits, anyPrelim ? Math.max(RERANK_WINDOW, offset + limit) : offset + limit);
    if (anyPrelim) {
      // Two-stage: exact scores for the best RERANK_WINDOW by prior, then the shown page.
      const flat = q.must.flat();
      const idf = flat.map((p) => this.idf(p));
      for (const i of top) {
        if (hits.prelim[i] && hits.unit[i] >= 0) {
          hits.score[i] = hits.tier[i] + this.bm25(this.units[hits.unit[i]].n.norm, flat, idf);
          hits.prelim[i] = 0;
        }
      }
      top.sort((i, j) => hits.compare(i, j));
    }
    top = top.slice(offset, offset + limit);
    const seen = new Uint8Array(this.docs.length);
    let docTotal = 0;
    for (let i = 0; i < hits.n; i++) {
      const di = hits.doc[i];
      if (!seen[di]) {
        seen[di] = 1;
        docTotal++;
      }
    }
    return {
      query,
      total: hits.n,
      docTotal,
      hits: top.map((i) => this.toHit(hits, i, phrases)),
      facets,
    };
  }

  private toHit(hits: Hits, i: number, phrases: string[]): Hit {
    const h = { unit: hits.unit[i], doc: hits.doc[i], score: hits.score[i] };
    const d = this.docs[h.doc];
    const unit = h.unit >= 0 ? this.units[h.unit] : null;
    return {
      docId: d.id,
      unitId: unit ? unit.id : d.firstUnit >= 0 ? this.units[d.firstUnit].id : '',
      unit: h.unit,
      score: Math.round(h.score * 1000) / 1000,
      field: unit ? 'text' : 'title',
      ranges: unit ? rangesIn(unit.n, phrases) : [],
      titleRanges: rangesIn(d.titleN, phrases),
    };
  }

  /** Display text of a unit (for snippets). */
  unitText(unit: number): string {
    return this.units[unit]?.text ?? '';
  }

  docById(id: string): SearchDoc | undefined {
    return this.docs.find((d) => d.id === id);
  }
}

/** A document's values for a facet (several for issuer); 未知 where unknown. */
export function facetValues(d: SearchDoc, f: FacetName): string[] {
  switch (f) {
    case 'issuer':
      return d.issuers.length ? d.issuers : [d.issuer || '未知'];
    case 'year':
      return [d.year ?? NO_YEAR];
    case 'region':
      return d.regions;
    case 'kind':
      return [d.kind];
  }
}
