/**
 * Query side. Loading parses the two artifacts and normalises unit texts
 * once; the term dictionary decodes postings lazily per term.
 *
 * A phrase is looked up by its rarest bigrams and every candidate is verified
 * against the normalised unit text (dictionary.ts), so results are exactly
 * the units whose text contains the phrase (recall 1.0, no false hit).
 * Candidates and their cheap scores come from candidates.ts, facet counts
 * and filters from facets.ts, search within results from within.ts; only the
 * top k are sorted and only they get ranges.
 */
import { collect, type CorpusView, type Field, type Scope } from './candidates.js';
import type { SearchDoc } from './corpus-units.js';
import { TermDictionary, type Occurrences } from './dictionary.js';
import { FacetFilter, type FacetCount, type FacetName, type Filters } from './facets.js';
import { decodeInts } from './codec.js';
import { SEARCH_FORMAT_VERSION, SEARCH_INDEX_FILE, SEARCH_UNITS_FILE, type SerializedIndex, type SerializedUnits } from './format.js';
import { ShardMissing, TextStore, type ShardReader } from './texts.js';
import { SearchIndexDamaged } from './shard-reader.js';
import type { PostingStore } from './posting-store.js';
import type { PositionStore } from './position-store.js';
import { makeSnippet, rangesIn, type Range, type Snippet } from './highlight.js';
import { Hits, topK } from './hits.js';
import { parseQuery, positivePhrases } from './query.js';
import type { DocRec } from './records.js';
import { UnitTable } from './unit-table.js';
import { decodeDocs } from './doc-columns.js';
import { unitId } from '../corpus/unit-id.js';
import { Scorer } from './scoring.js';
import { normalizeAll, normalizeUnitText, type NormalizedUnitText } from './tokenizer.js';
import { restrictWithin } from './within.js';
import type { SearchStep } from './run-search.js';

export { FACETS, facetValues, type FacetName, type FacetCount } from './facets.js';
export { runSearch, withShards, type SearchStep } from './run-search.js';
export type { Scope, Field } from './candidates.js';

export interface SearchOptions {
  /** 同条 (all words in one unit, default) or 同篇 (all words in one document). */
  scope?: Scope;
  /** Full text (default) or title / 文号 only. */
  field?: Field;
  limit?: number;
  offset?: number;
  /** Selected facet values: OR within a facet, AND across facets. */
  filters?: Filters;
  /** Earlier queries whose results this search is restricted to (search within results). */
  within?: string[];
  /** Compute facet counts (default true). */
  facets?: boolean;
  /** At most this many hits per document (grouped view); documents keep their best hits. */
  perDoc?: number;
  /** Only the hits of this document (expanding a group). */
  doc?: string;
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
  /** [start, end) in the unit's search text (label, heading, paragraphs joined by '\n'). */
  ranges: Range[];
  /** [start, end) in the document title. */
  titleRanges: Range[];
  /** Where the unit is: labels from the outermost ancestor down (第三章, 第十五条); empty for title hits. */
  trail: string[];
  /** Hits of this document in the whole result (before perDoc). */
  docHits: number;
}

export interface SearchResult {
  query: string;
  /** Matching hits (units plus title-only hits) after filters and within. */
  total: number;
  /** Distinct documents among them. */
  docTotal: number;
  hits: Hit[];
  /** Hits shown before the cut of `limit` (with perDoc: hits kept after the per-document cut). */
  available: number;
  facets: Record<FacetName, FacetCount[]>;
}

/** Large result sets are ranked by a prior, then the best RERANK_WINDOW are scored exactly: ranking is stable for the first 100 hits. */
const RERANK_WINDOW = 100;

export class SearchEngine {
  readonly docs: DocRec[];
  readonly units: UnitTable;
  private readonly view: CorpusView;

  /** The unit texts, by shard: read when a query needs them (`texts.ts`). */
  readonly texts: TextStore;
  /** The posting lists, by shard: read when a query looks up one of their terms (`posting-store.ts`). */
  readonly postings: PostingStore;
  /** Where each bigram starts in its units, by shard: read when a phrase of three characters or more is looked up (`position-store.ts`). */
  readonly positions: PositionStore;

  /**
   * `read` gives a shard's JSON by file name (text shards, see TextStore; posting shards, see PostingStore). `background`: score with the statistics of another
   * index as well (its unit count, average length and phrase frequencies added to this one's), so a
   * small index — the user's own documents — ranks on the corpus's scale and its hits can be merged
   * with the corpus's (core/import/user-search.ts).
   */
  constructor(unitsData: SerializedUnits, indexData: SerializedIndex, read?: ShardReader, background?: SearchEngine) {
    if (unitsData.v !== SEARCH_FORMAT_VERSION || indexData.v !== SEARCH_FORMAT_VERSION) {
      throw new SearchIndexDamaged(`search index format ${indexData.v}/${unitsData.v}, expected ${SEARCH_FORMAT_VERSION}: rebuild the corpus (npm run build:corpus)`, SEARCH_INDEX_FILE);
    }
    const decoded = decodeDocs(unitsData.docs);
    this.units = new UnitTable(unitsData, decoded.length);
    // Titles and 文号 normalised all at once, and each issuer once (国务院 issues thousands): this runs before a
    // fresh tab's first search, where a call per field of 10,000 documents was 20 ms.
    const titles = normalizeAll(decoded.map((d) => d.title));
    const numbers = normalizeAll(decoded.map((d) => d.docNumber ?? ''));
    const issuers = new Map<string, string>();
    this.docs = decoded.map((d, di) => {
      let issuerN = issuers.get(d.issuer);
      if (issuerN === undefined) issuers.set(d.issuer, (issuerN = normalizeUnitText(d.issuer).norm));
      return docRecord(d, titles[di], numbers[di].norm, issuerN, this.units.start(di), this.units.start(di + 1));
    });
    const n = this.units.count;
    const shards = indexData.shards;
    if (indexData.unitCount !== n || !Array.isArray(shards) || shards[0] !== 0 || shards[shards.length - 1] !== n) throw new SearchIndexDamaged('search index does not match its unit list', SEARCH_UNITS_FILE);
    this.texts = new TextStore(shards, read);
    const texts = this.texts;
    const dict = new TermDictionary(indexData, read);
    this.postings = dict.postingStore;
    this.positions = dict.positionStore;
    const bg = background?.view;
    const scorer = bg
      ? new Scorer(n + bg.unitDoc.length, bg.scorer.avgLen, (p) => dict.estimate(p) + bg.dict.estimate(p))
      : new Scorer(n, indexData.avgLen || 1, (p) => dict.estimate(p));
    const unitDoc = this.units.doc;
    const lens = new Int32Array(n);
    decodeInts(indexData.unitLens, 0, n, lens, false);
    this.view = { docs: this.docs, dict, scorer, unitDoc, lens, norm: (u) => texts.normalized(u).norm, need: (units) => texts.require(units) };
  }

  /**
   * An engine over the serialised files: `units` and `index` JSON, and the shards (texts-<k>.json,
   * postings-<k>.json), as a reader (sync; undefined where shards arrive later, see shard-reader.ts) or
   * their JSON by file name (`shardFiles` of build.ts).
   */
  static fromJSON(units: string | SerializedUnits, index: string | SerializedIndex, shards: ShardReader | Readonly<Record<string, string>> = () => undefined, background?: SearchEngine): SearchEngine {
    const read: ShardReader = typeof shards === 'function' ? shards : (file) => (Object.hasOwn(shards, file) ? shards[file] : undefined);
    return new SearchEngine(parsedFile(units, SEARCH_UNITS_FILE), parsedFile(index, SEARCH_INDEX_FILE), read, background);
  }

  /** Add a shard fetched after a ShardMissing (by its file name: texts-<k>.json, postings-<k>.json or positions-<k>.json). */
  putShard(file: string, json: string): void {
    const text = /^texts-(\d+)\.json$/.exec(file);
    if (text) return this.texts.put(Number(text[1]), json);
    const postings = /^postings-(\d+)\.json$/.exec(file);
    if (postings) return this.postings.put(Number(postings[1]), json);
    const positions = /^positions-(\d+)\.json$/.exec(file);
    if (positions) return this.positions.put(Number(positions[1]), json);
    throw new Error(`not a search shard: ${file}`);
  }

  /** An engine over the search folder's files, read on demand by relative path (the CLI, tests). */
  static fromFiles(get: (path: string) => string | undefined, background?: SearchEngine): SearchEngine {
    const units = get(SEARCH_UNITS_FILE);
    const index = get(SEARCH_INDEX_FILE);
    if (units === undefined || index === undefined) throw new Error(`search index missing (${SEARCH_INDEX_FILE}, ${SEARCH_UNITS_FILE}): rebuild the corpus (npm run build:corpus)`);
    return SearchEngine.fromJSON(units, index, get, background);
  }

  /** Upper bound of the number of units containing a phrase (0 = none). */
  estimate(phrase: string): number {
    return this.view.dict.estimate(phrase);
  }

  /** Units (sorted indexes) whose normalised text contains the normalised phrase. Exact. */
  matchPhrase(phrase: string): Int32Array {
    return this.view.dict.matchPhrase(phrase);
  }

  /** The same units with the phrase's count in each (not overlapping; null for one character), from positions alone. */
  occurrences(phrase: string): Occurrences {
    return this.view.dict.occurrences(phrase);
  }

  search(query: string, opts: SearchOptions = {}): SearchResult {
    const steps = this.searchSteps(query, opts);
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      if (r.value?.length) throw new ShardMissing([...r.value]);
    }
  }

  /**
   * The search in steps: it yields between phases (candidates, each search-within query, facets,
   * ranking), so a caller can pause there and abandon a query a newer one replaced (`runSearch`), and yields
   * the files of the shown hits' text shards that are not at hand, to go on once the caller has put them.
   */
  *searchSteps(query: string, opts: SearchOptions = {}): Generator<SearchStep, SearchResult, void> {
    const q = parseQuery(query);
    const scope = opts.scope ?? 'clause';
    const field = opts.field ?? 'all';
    let hits = collect(this.view, q, scope, field);
    yield;
    for (const w of opts.within ?? []) {
      hits = restrictWithin(hits, collect(this.view, parseQuery(w), scope, field), scope === 'doc' || field === 'title');
      yield;
    }
    if (opts.doc !== undefined) {
      const di = this.docs.findIndex((d) => d.id === opts.doc);
      const h = hits;
      hits = h.filter((i) => h.doc[i] === di);
    }
    const filter = new FacetFilter(opts.filters);
    const facets = opts.facets !== false ? filter.count(hits, this.docs) : { region: [], issuer: [], kind: [], year: [] };
    yield;
    if (filter.active.length) {
      const h = hits;
      hits = h.filter((i) => filter.passesAll(this.docs[h.doc[i]]));
    }
    // Per document index in a typed array, not a Map: a common phrase hits most documents.
    const perDocCount = new Int32Array(this.docs.length);
    let docTotal = 0;
    for (let i = 0; i < hits.n; i++) if (perDocCount[hits.doc[i]]++ === 0) docTotal++;
    const limit = Math.max(0, opts.limit ?? 50);
    const offset = Math.max(0, opts.offset ?? 0);
    const phrases = positivePhrases(q);
    const want = offset + limit;
    let kept: number[];
    let available = hits.n;
    if (opts.perDoc) {
      // Rank a few times more than needed, more only when the best hits crowd into few documents.
      const cap = opts.perDoc;
      for (let k = Math.max(want * 4, 64); ; k *= 4) {
        kept = capPerDoc(hits, this.rank(hits, q.must.flat(), k), cap, this.docs.length);
        if (kept.length >= want || k >= hits.n) break;
      }
      available = 0;
      for (const n of perDocCount) available += Math.min(n, cap);
    } else kept = this.rank(hits, q.must.flat(), want);
    yield;
    const top = kept.slice(offset, offset + limit);
    const shown = top.map((i) => hits.unit[i]).filter((u) => u >= 0);
    // Where texts arrive later (the worker), the search waits here for the shown hits' texts and goes on: failing
    // instead ran the whole query again once they came (a fresh tab's first search at 10,000 documents: 40–50 ms).
    const waitFor = this.texts.missing(shown);
    if (waitFor.length) yield waitFor;
    this.texts.require(shown);
    return {
      query,
      total: hits.n,
      docTotal,
      available,
      hits: top.map((i) => this.toHit(hits, i, phrases, perDocCount[hits.doc[i]])),
      facets,
    };
  }

  /** The best `k` hits in ranking order; prior scores of the best RERANK_WINDOW are made exact first. */
  private rank(hits: Hits, flat: string[], k: number): number[] {
    const anyPrelim = hits.prelim.subarray(0, hits.n).includes(1);
    const top = topK(hits, anyPrelim ? Math.max(RERANK_WINDOW, k) : k);
    if (!anyPrelim) return top;
    const { scorer } = this.view;
    const idf = flat.map((p) => scorer.idf(p));
    this.texts.require(top.filter((i) => hits.prelim[i] && hits.unit[i] >= 0).map((i) => hits.unit[i]));
    for (const i of top) {
      if (hits.prelim[i] && hits.unit[i] >= 0) {
        hits.score[i] = hits.tier[i] + scorer.bm25(this.view.norm(hits.unit[i]), flat, idf);
        hits.prelim[i] = 0;
      }
    }
    return top.sort((i, j) => hits.compare(i, j)).slice(0, k);
  }

  private toHit(hits: Hits, i: number, phrases: string[], docHits: number): Hit {
    const d = this.docs[hits.doc[i]];
    const unit = hits.unit[i];
    return {
      docId: d.id,
      // A document-level hit names the document's first unit, from units.json: no text shard is read for it.
      unitId: unit >= 0 ? this.unitId(unit) : d.firstUnit >= 0 ? unitId(d.id, this.units.firstPath(hits.doc[i])) : '',
      unit,
      score: Math.round(hits.score[i] * 1000) / 1000,
      field: unit >= 0 ? 'text' : 'title',
      ranges: unit >= 0 ? rangesIn(this.texts.normalized(unit), phrases) : [],
      titleRanges: rangesIn(d.titleN, phrases),
      trail: unit >= 0 ? this.texts.trail(unit) : [],
      docHits,
    };
  }

  /** A unit's id (`${docId}~${path}`): its path is in its text shard. */
  unitId(unit: number): string {
    return unitId(this.docs[this.units.doc[unit]].id, this.texts.path(unit));
  }

  /** Display text of a unit (what hit ranges index). */
  unitText(unit: number): string {
    return unit >= 0 && unit < this.units.count ? this.texts.text(unit) : '';
  }

  /**
   * A hit's snippet: the unit text around the first match; an article whose text is all in its 款 shows
   * its opening words after the label (第十条 【监督检查】市、区…), never 第一款.
   */
  snippet(hit: Pick<Hit, 'unit' | 'ranges'>, width = 90): Snippet | null {
    if (!(hit.unit >= 0 && hit.unit < this.units.count)) return null;
    const text = this.texts.text(hit.unit);
    const opening = this.texts.opening(hit.unit);
    return makeSnippet(opening ? `${text} ${opening}` : text, hit.ranges, width);
  }

  docById(id: string): SearchDoc | undefined {
    return this.docs.find((d) => d.id === id);
  }
}

/**
 * What the engine keeps of a document. Written out as one literal, not `{ ...d, titleN, … }` nor
 * `Object.assign({}, d, …)`: every record then has one shape from the start. At 10,000 documents, in Node 20,
 * a spread took about 17 µs a record, Object.assign 2–3 µs and the literal about 1 µs, on the index's load
 * before a first search. A field added to SearchDoc must be added here (TypeScript names a required one).
 */
function docRecord(d: SearchDoc, titleN: NormalizedUnitText, numberN: string, issuerN: string, first: number, end: number): DocRec {
  const { id, title, issuer, issuers, docNumber, year, region, regions, kind } = d;
  const some = end > first;
  return { id, title, issuer, issuers, docNumber, year, region, regions, kind, titleN, numberN, issuerN, firstUnit: some ? first : -1, endUnit: some ? end : -1 };
}

/** Ranked hit indexes keeping at most `n` per document (in rank order). */
function capPerDoc(hits: Hits, ranked: number[], n: number, docCount: number): number[] {
  const seen = new Int32Array(docCount);
  const out: number[] = [];
  for (const i of ranked) if (seen[hits.doc[i]]++ < n) out.push(i);
  return out;
}

/** A file of the index as JSON, or SearchIndexDamaged naming it (a copy cut short is not JSON: JSON.parse's message is not for an official). */
function parsedFile<T>(data: string | T, file: string): T {
  if (typeof data !== 'string') return data;
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value === 'object' && value !== null) return value as T;
  } catch {
    // refused below
  }
  throw new SearchIndexDamaged(`${file} is not a JSON object`, file);
}
