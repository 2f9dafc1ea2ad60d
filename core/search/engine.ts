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
import type { SearchDoc } from './corpus-units.js';
import { countOccurrences, rangesIn, type Range } from './highlight.js';
import { parseQuery, positivePhrases, type ParsedQuery } from './query.js';
import { normalizeUnitText, phraseTerms, type NormalizedUnitText } from './tokenizer.js';
import { SEARCH_FORMAT_VERSION, type SerializedIndex, type SerializedUnits } from './format.js';

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

interface RawHit {
  unit: number;
  doc: number;
  score: number;
}

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
  collect(q: ParsedQuery, scope: Scope = 'clause', field: Field = 'all'): RawHit[] {
    if (!q.must.length) return [];
    const out: RawHit[] = [];
    // Documents matching every clause by title / 文号 (title scope), plus title tier scores.
    if (field === 'title') {
      for (let di = 0; di < this.docs.length; di++) {
        const d = this.docs[di];
        if (this.excludedByTitle(d, q)) continue;
        const s = this.titleScore(d, q);
        if (s) out.push({ unit: -1, doc: di, score: s });
      }
      return out;
    }
    return scope === 'doc' ? this.collectDoc(q, out) : this.collectClause(q, out);
  }

  private collectClause(q: ParsedQuery, out: RawHit[]): RawHit[] {
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
    const docMeta = new Map<number, { meta: boolean[]; tier: number; excluded: boolean }>();
    const docFacts = (di: number) => {
      let f = docMeta.get(di);
      if (!f) {
        const d = this.docs[di];
        f = { meta: clauses.map((c) => this.metaMatches(d, c)), tier: this.titleScore(d, q), excluded: this.excludedByTitle(d, q) };
        docMeta.set(di, f);
      }
      return f;
    };
    // Candidates: units whose text has the driver clause, and units of documents whose metadata has it.
    let cand: Int32Array;
    const lists = clauses[driver].map((p) => this.matchPhrase(p));
    cand = lists.length === 1 ? lists[0] : unionAll(lists);
    const driverVerified = true;
    const metaDocs: number[] = [];
    if (clauses.length > 1) {
      for (let di = 0; di < this.docs.length; di++) if (this.metaMatches(this.docs[di], clauses[driver])) metaDocs.push(di);
    }
    const check = (u: number, viaText: boolean) => {
      const unit = this.units[u];
      const norm = unit.n.norm;
      const f = docFacts(unit.doc);
      if (f.excluded) return;
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
      out.push({ unit: u, doc: unit.doc, score: f.tier + this.bm25(norm, phrases, idf) });
    };
    for (let i = 0; i < cand.length; i++) check(cand[i], driverVerified);
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
    for (const h of out) withUnits.add(h.doc);
    for (let di = 0; di < this.docs.length; di++) {
      if (withUnits.has(di)) continue;
      const d = this.docs[di];
      let all = true;
      for (const c of clauses) if (!this.metaMatches(d, c)) { all = false; break; }
      if (!all) continue;
      const f = docFacts(di);
      if (f.excluded) continue;
      out.push({ unit: -1, doc: di, score: f.tier ? f.tier + 50 : 0.5 });
    }
    return out;
  }

  private collectDoc(q: ParsedQuery, out: RawHit[]): RawHit[] {
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
    const perDoc = new Map<number, { units: number[]; scores: number[] }>();
    for (let i = 0; i < unitHits.length; i++) {
      const u = unitHits[i];
      const di = this.units[u].doc;
      if (!qual.has(di)) continue;
      let e = perDoc.get(di);
      if (!e) perDoc.set(di, (e = { units: [], scores: [] }));
      e.units.push(u);
      e.scores.push(this.bm25(this.units[u].n.norm, phrases, idf));
    }
    for (const di of qualifying) {
      const d = this.docs[di];
      const tier = this.titleScore(d, q);
      const e = perDoc.get(di);
      // Document score: title tier + best unit + a little for each further unit.
      const sc = e ? e.scores.slice().sort((a, b) => b - a) : [];
      const docScore = tier + (sc[0] ?? 0) + sc.slice(1).reduce((s, x) => s + x, 0) * 0.1;
      if (!e) out.push({ unit: -1, doc: di, score: docScore + 1 });
      if (e) e.units.forEach((u, k) => out.push({ unit: u, doc: di, score: docScore + e!.scores[k] / 1000 }));
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
      if (scope === 'doc' || field === 'title') {
        const docs = new Set(prev.map((h) => h.doc));
        hits = hits.filter((h) => docs.has(h.doc));
      } else {
        const units = new Set(prev.map((h) => h.unit));
        const docs = new Set(prev.filter((h) => h.unit < 0).map((h) => h.doc));
        hits = hits.filter((h) => (h.unit < 0 ? docs.has(h.doc) : units.has(h.unit) || docs.has(h.doc)));
      }
    }
    const filters = opts.filters ?? {};
    const active = FACETS.filter((f) => filters[f] && filters[f]!.length);
    const sets = Object.fromEntries(active.map((f) => [f, new Set(filters[f])])) as Record<FacetName, Set<string>>;
    const passes = (d: DocRec, f: FacetName) => {
      const s = sets[f];
      if (f === 'issuer') return d.issuers.some((x) => s.has(x)) || s.has(d.issuer);
      const v = f === 'year' ? d.year ?? '未知' : f === 'region' ? d.region : d.kind;
      return s.has(v);
    };
    const facets = { region: [], issuer: [], kind: [], year: [] } as Record<FacetName, FacetCount[]>;
    if (opts.facets !== false) {
      const counts = { region: new Map(), issuer: new Map(), kind: new Map(), year: new Map() } as Record<FacetName, Map<string, number>>;
      // Per document: which facets fail; count each hit under the facets whose other filters pass.
      const docFail = new Map<number, FacetName[]>();
      for (const h of hits) {
        let fails = docFail.get(h.doc);
        const d = this.docs[h.doc];
        if (!fails) docFail.set(h.doc, (fails = active.filter((f) => !passes(d, f))));
        for (const f of FACETS) {
          if (fails.length > 1 || (fails.length === 1 && fails[0] !== f)) continue;
          const values = f === 'issuer' ? (d.issuers.length ? d.issuers : [d.issuer || '未知']) : [f === 'year' ? d.year ?? '未知' : f === 'region' ? d.region : d.kind];
          const m = counts[f];
          for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
        }
      }
      for (const f of FACETS) {
        facets[f] = [...counts[f].entries()].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || cmpStr(a.value, b.value));
      }
    }
    if (active.length) hits = hits.filter((h) => active.every((f) => passes(this.docs[h.doc], f)));
    const limit = Math.max(0, opts.limit ?? 50);
    const offset = Math.max(0, opts.offset ?? 0);
    const top = topK(hits, offset + limit).slice(offset);
    const phrases = positivePhrases(q);
    const docSet = new Set<number>();
    for (const h of hits) docSet.add(h.doc);
    return {
      query,
      total: hits.length,
      docTotal: docSet.size,
      hits: top.map((h) => this.toHit(h, phrases)),
      facets,
    };
  }

  private toHit(h: RawHit, phrases: string[]): Hit {
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

export function compareHits(a: RawHit, b: RawHit): number {
  return b.score - a.score || a.doc - b.doc || a.unit - b.unit;
}

/** The k best hits in order, without sorting everything. */
export function topK(hits: RawHit[], k: number): RawHit[] {
  if (k <= 0) return [];
  if (hits.length <= k * 4 || hits.length < 256) return hits.slice().sort(compareHits).slice(0, k);
  // Bounded max-heap on "worst first" (the root is the worst kept hit).
  const heap: RawHit[] = [];
  const worse = (a: RawHit, b: RawHit) => compareHits(a, b) > 0; // a ranks after b
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!worse(heap[i], heap[p])) break;
      [heap[i], heap[p]] = [heap[p], heap[i]];
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l], heap[m])) m = l;
      if (r < heap.length && worse(heap[r], heap[m])) m = r;
      if (m === i) break;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  };
  for (const h of hits) {
    if (heap.length < k) {
      heap.push(h);
      up(heap.length - 1);
    } else if (worse(heap[0], h)) {
      heap[0] = h;
      down(0);
    }
  }
  return heap.sort(compareHits);
}

function binarySearch(a: Int32Array, x: number): boolean {
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] === x) return true;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Intersection of two sorted lists (galloping when sizes differ a lot). */
export function intersect(a: Int32Array, b: Int32Array): Int32Array {
  if (a.length > b.length) [a, b] = [b, a];
  const out = new Int32Array(a.length);
  let n = 0;
  if (b.length > a.length * 16) {
    let lo = 0;
    for (let i = 0; i < a.length; i++) {
      const x = a[i];
      let hi = b.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        if (b[mid] < x) lo = mid + 1;
        else hi = mid - 1;
      }
      if (lo < b.length && b[lo] === x) out[n++] = x;
    }
  } else {
    let j = 0;
    for (let i = 0; i < a.length && j < b.length; i++) {
      const x = a[i];
      while (j < b.length && b[j] < x) j++;
      if (j < b.length && b[j] === x) out[n++] = x;
    }
  }
  return out.subarray(0, n);
}

/** Union of sorted lists. */
export function unionAll(lists: Int32Array[]): Int32Array {
  if (lists.length === 0) return new Int32Array(0);
  if (lists.length === 1) return lists[0];
  const s = new Set<number>();
  for (const l of lists) for (let i = 0; i < l.length; i++) s.add(l[i]);
  return Int32Array.from([...s].sort((a, b) => a - b));
}
