/**
 * Family detection over a corpus: which documents are copies, adaptations,
 * revisions of one another or share clauses. Candidates come from MinHash/LSH
 * (documents and units); every candidate is then measured exactly on its
 * shingle sets. `method: 'all-pairs'` measures every pair instead: the
 * benchmark's baseline and a check that LSH misses nothing that matters.
 */
import type { PolicyDocument } from '../corpus/types.js';
import { commonWithCache } from './common-counts.js';
import { STRONG, starFamilies, type Link } from './families.js';
import { bandKeys, forEachCandidate, LSH_BANDS, LSH_ROWS } from './minhash.js';
import { hashString, intersectionSize, overlapOf, SHINGLE_SIZE } from './shingles.js';
import { MIN_CLAUSE_SHINGLES } from './measures.js';
import type { ClauseMatch, LshTables, SubjectPair, VariantFamily, VariantPair, VariantsFile } from './format.js';
import { VARIANTS_FORMAT_VERSION } from './format.js';
import { comparePairs, pairWeight } from './rank.js';
import { subjectPairs } from './subject.js';
import { CLAUSE_SIMILARITY, docPairKey, docSignature, matchClauseLists, MAX_CLAUSE_MATCHES, prepare, unitDocs, unitSignatures, type ClauseGraph, type Prepared } from './clause-matches.js';
import type { ClauseHelper } from './clause-helper.js';
import { coreTitleOf, measuredPair } from './relations.js';
import type { PreparedCache } from './prepared-cache.js';
import { cachedClauseLists } from './clause-lists.js';
import { UnitSigs } from './unit-sigs.js';
import { PairCounts } from './pair-counts.js';
import { cachedSharedCounts, type ClauseChanges } from './shared-counts.js';

// Clause matching and its thresholds are in clause-matches.ts, the relation of two measured texts in relations.ts.
/** Links outside a family kept per document (the best of each document): what 相似文本 lists beyond the family. */
export const MAX_LINKS = 12;

const round = (x: number) => Math.round(x * 1000) / 1000;

export interface DetectOptions {
  method?: 'lsh' | 'all-pairs';
  /** Called after each stage with its name (scripts/profile-variants.ts samples memory there). */
  onStage?: (stage: string) => void;
  /** Per-document sets and signatures kept from an earlier build (prepared-cache.ts); the result is the same without. */
  cache?: PreparedCache;
  /**
   * Subject pairs are made by the caller (the build ranks them in a thread of its own while this runs:
   * cli/subject-thread.ts): `subject` is left empty, and `textVariants` says which pairs they must leave out.
   */
  deferSubject?: boolean;
  /** A second thread for matching clauses from scratch (clause-matches.ts); the result is the same without. */
  clauseHelper?: ClauseHelper;
}

/** The clause graph, from the earlier build's matches where they are kept (LSH); the per-unit lists (100 MB at 10,000 documents) are let go. */
function clauseGraph(p: Prepared, method: 'lsh' | 'all-pairs', sigs: UnitSigs, own: Int32Array, common: Uint32Array, options: DetectOptions): { graph: ClauseGraph; rematched: number | null; changes: ClauseChanges } {
  const none = { changedDocs: null, readSum: null, writtenSum: null };
  const { lists, mutual, rematched, ...changes } =
    method === 'lsh' ? cachedClauseLists(p, sigs, own, common, options.cache, options.clauseHelper) : { lists: matchClauseLists(p, method, sigs, own), mutual: null, rematched: null, ...none };
  return { graph: lists.graph(mutual ?? undefined), rematched, changes };
}

/** More documents than this under one title are a genre's title (…政务公开工作要点 of many years and places), not one text's versions. */
export const MAX_TITLE_GROUP = 16;

/**
 * Documents of one core title (`coreTitle`, by document index), two to MAX_TITLE_GROUP of them: a regulation rewritten as a whole keeps its title but
 * may keep too little of its text for LSH or a shared clause to pair it with the old one (商用密码管理条例 1999 → 2023:
 * 0.11 of the old text), so its versions are measured as candidates too, as placing a user's document already does
 * by title (place.ts).
 */
export function oneTitleGroups(coreTitles: string[]): number[][] {
  const byTitle = new Map<string, number[]>();
  coreTitles.forEach((core, i) => {
    if (core.length >= 4) (byTitle.get(core) ?? byTitle.set(core, []).get(core)!).push(i);
  });
  return [...byTitle.values()].filter((g) => g.length >= 2 && g.length <= MAX_TITLE_GROUP);
}

/** Stable, URL-safe family id from its members (two 32-bit FNV hashes: no crypto needed for a label). */
function familyId(members: string[]): string {
  const key = members.join(',');
  return 'f' + hashString(key).toString(16).padStart(8, '0') + hashString(key + '#').toString(16).padStart(8, '0').slice(0, 4);
}

/** Figures of a detection run (for bench:variants): how many pairs were measured at each level. */
export interface DetectStats {
  commonShingles: number;
  /** Whether the common shingles were had from the earlier build's counts (common-counts.ts). */
  commonKept: boolean;
  clausePairs: number;
  /** Document pairs whose shared clause count was the earlier build's (shared-counts.ts). */
  sharedCountsKept: number;
  docCandidates: number;
  /** Units whose clauses were matched again, the rest kept from the earlier build (clause-lists.ts); null: all matched. */
  clausesRematched: number | null;
  /** Document pairs whose shared shingles were counted; the other candidates' counts were kept from the earlier build (pair-counts.ts). */
  docPairsCounted: number;
}

export function detectVariants(docs: PolicyDocument[], options: DetectOptions = {}): VariantsFile {
  return detectVariantsWithTables(docs, options).variants;
}

/**
 * What detection found, held for writing: families, links and subject pairs as they are stored, and the clause
 * counterparts as a graph over unit indexes (`clauseCounterparts` lists one unit's), never as millions of objects.
 * The shingle sets and signatures detection measured with are not kept.
 */
export interface Detection {
  /** Document ids, sorted (document index → id). */
  docIds: string[];
  /** Per document, its units' indexes. */
  docUnits: number[][];
  /** Unit index → id, and → document index. */
  unitIds: string[];
  unitDoc: Int32Array;
  clauses: ClauseGraph;
  families: VariantFamily[];
  subject: SubjectPair[];
  links: VariantPair[];
  lsh: LshTables;
  stats: DetectStats;
  /** With `deferSubject`: the text variants as docPairKeys (by document index), ascending, for subject pairs to leave out; else null. */
  textVariants: Float64Array | null;
}

/** Variants and the LSH tables that place a new document among them (`placeDocument`). */
export function detectVariantsWithTables(docs: PolicyDocument[], options: DetectOptions = {}): { variants: VariantsFile; lsh: LshTables; stats: DetectStats } {
  const d = detect(docs, options);
  const clauses: Record<string, ClauseMatch[]> = {};
  const withMatches = d.unitIds.map((_, u) => u).filter((u) => hasCounterparts(d, u));
  for (const u of withMatches.sort((x, y) => (d.unitIds[x] < d.unitIds[y] ? -1 : 1))) clauses[d.unitIds[u]] = clauseCounterparts(d, u);
  return { variants: { formatVersion: VARIANTS_FORMAT_VERSION, families: d.families, subject: d.subject, clauses, links: d.links }, lsh: d.lsh, stats: d.stats };
}

/** Whether unit u has a counterpart to store (`clauseCounterparts` is not empty), without making them. */
export function hasCounterparts(d: Detection, u: number): boolean {
  const g = d.clauses;
  for (let k = g.start[u]; k < g.start[u + 1]; k++) if (g.sim[k] >= CLAUSE_SIMILARITY) return true;
  return false;
}

/** Unit u's counterparts as stored: similarity ≥ CLAUSE_SIMILARITY, best first (then by unit id), at most MAX_CLAUSE_MATCHES. */
export function clauseCounterparts(d: Detection, u: number): ClauseMatch[] {
  const g = d.clauses;
  const out: ClauseMatch[] = [];
  for (let k = g.start[u]; k < g.start[u + 1]; k++) {
    if (g.sim[k] < CLAUSE_SIMILARITY) continue;
    const v = g.other[k];
    out.push({ unit: d.unitIds[v], doc: d.docIds[d.unitDoc[v]], similarity: round(g.sim[k]) });
  }
  return out.sort((x, y) => y.similarity - x.similarity || (x.unit < y.unit ? -1 : 1)).slice(0, MAX_CLAUSE_MATCHES);
}

/**
 * Document pairs (docPairKey, a < b) in the order of their keys written as text, "a,b" (a comma sorts before
 * every digit, so that is by a's decimal text, then b's), without making the text: a million strings, sorted
 * and split again, were 2 s of a 10,000-document build. Each pair is one double, rank·n + rank: exact while
 * n² < 2^53 (94 million documents).
 */
export function inTextOrder(pairs: Iterable<number>, nDocs: number): number[] {
  const text = Array.from({ length: nDocs }, (_, i) => String(i));
  const byText = Array.from({ length: nDocs }, (_, i) => i).sort((x, y) => (text[x] < text[y] ? -1 : 1));
  const rank = new Float64Array(nDocs);
  byText.forEach((d, r) => (rank[d] = r));
  const keyed = new Float64Array(Array.from(pairs, (k) => rank[Math.floor(k / nDocs)] * nDocs + rank[k % nDocs]));
  keyed.sort();
  return Array.from(keyed, (x) => byText[Math.floor(x / nDocs)] * nDocs + byText[x % nDocs]);
}

export function detect(docs: PolicyDocument[], options: DetectOptions = {}): Detection {
  const method = options.method ?? 'lsh';
  const stage = options.onStage ?? (() => undefined);
  const p = prepare(docs, options.cache);
  stage('prepare');
  const cache = options.cache;
  const { common, kept: commonKept } = cache?.common
    ? { common: cache.common, kept: cache.commonKept ?? false }
    : commonWithCache(
        p.docs.map((d) => d.set),
        p.docs.map((d) => d.doc),
        cache,
      );
  stage('common');
  let { sigs: unitSigs, own } = method === 'lsh' ? unitSignatures(p, common, options.cache) : { sigs: new UnitSigs(0), own: new Int32Array(p.units.length).fill(MIN_CLAUSE_SHINGLES) };
  stage('signatures');
  const { graph, rematched, changes } = clauseGraph(p, method, unitSigs, own, common, options);
  stage('matchClauses');
  const unitDoc = unitDocs(p);
  // Each document's content key, when the cache names documents: the counts kept between builds name them by it.
  const keyOf = cache?.key;
  const keys = keyOf ? p.docs.map((d) => keyOf(d.doc)) : null;
  const { shared, kept: sharedKept } = cachedSharedCounts(p, graph, unitDoc, keys, changes, cache?.sharedState);
  stage('sharedClauses');

  // Document candidates: LSH on whole texts, plus every pair sharing a clause (containment LSH alone would miss).
  // Pairs of document indexes as one number (docPairKey): millions of clause pairs would make millions of strings.
  const nDocs = p.docs.length;
  const candidates = new Set<number>(shared.keys());
  const addCandidate = (da: number, db: number) => candidates.add(docPairKey(da, db, nDocs));
  for (let u = 0; u < p.units.length; u++) for (let k = graph.start[u]; k < graph.start[u + 1]; k++) if (graph.other[k] > u) addCandidate(unitDoc[u], unitDoc[graph.other[k]]);
  // Versions of one title (oneTitleGroups) are measured whatever LSH and the clauses say.
  // (The core titles are the LSH tables' too.)
  const coreTitles = p.docs.map((d) => coreTitleOf(d.doc));
  if (method === 'lsh') for (const group of oneTitleGroups(coreTitles)) for (let x = 0; x < group.length; x++) for (let y = x + 1; y < group.length; y++) addCandidate(group[x], group[y]);
  const docSigs = method === 'lsh' ? p.docs.map((d) => (d.set.length ? docSignature(d.units, unitSigs) : null)) : [];
  // The units' signatures are 350 MB at 10,000 documents: gone before the documents are measured.
  unitSigs = new UnitSigs(0);
  own = new Int32Array(0);
  if (method === 'lsh') {
    const withText = docSigs.map((s, i) => (s ? i : -1)).filter((i) => i >= 0);
    forEachCandidate(
      withText.map((i) => docSigs[i]!),
      (x, y) => addCandidate(withText[x], withText[y]),
    );
  } else {
    for (let i = 0; i < p.docs.length; i++) for (let j = i + 1; j < p.docs.length; j++) addCandidate(i, j);
  }

  stage('candidates');
  const pairs: VariantPair[] = [];
  const links: Link[] = [];
  const index = new Map(p.docs.map((d, i) => [d.doc.id, i]));
  // Measured in the order of their "a,b" keys as text, as they always were (the order links reach the families in).
  const ordered = inTextOrder(candidates, nDocs);
  candidates.clear();
  const counts = cache?.pairState && keys ? new PairCounts(keys, cache.pairState.read()) : null;
  let counted = 0;
  for (const k of ordered) {
    const i = Math.floor(k / nDocs);
    const j = k % nDocs;
    const A = p.docs[i];
    const B = p.docs[j];
    if (!A.set.length || !B.set.length) continue;
    let common = counts ? counts.known(i, j) : -1;
    if (common < 0) {
      common = intersectionSize(A.set, B.set);
      counted++;
    }
    counts?.record(i, j, common);
    const pair = measuredPair(A.doc, B.doc, overlapOf(A.set.length, B.set.length, common), shared.get(docPairKey(i, j, nDocs)) ?? 0);
    if (!pair) continue;
    pairs.push(pair);
    links.push({ a: i, b: j, relation: pair.relation, weight: pairWeight(pair) });
  }
  if (counts) cache!.pairState!.write(counts.encode());

  stage('docPairs');
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

  stage('families+links');
  const docList = p.docs.map((d) => d.doc);
  const docUnits = p.docs.map((d) => d.units);
  const unitIds = p.units.map((u) => u.id);
  // The shingle sets (hundreds of MB at 10,000 documents) are not needed by subject pairs: let them go first.
  p.units.length = 0;
  p.docs.length = 0;
  // The measured pairs by their documents' numbers: subject pairs ask about a pair up to a million times at 10,000
  // documents, and making and hashing two "a,b" strings for each question was a second of every build.
  let subject: SubjectPair[] = [];
  let textVariants: Float64Array | null = null;
  if (options.deferSubject) textVariants = Float64Array.from(links, (l) => docPairKey(l.a, l.b, nDocs)).sort();
  else {
    const linked = new Set(links.map((l) => docPairKey(l.a, l.b, nDocs)));
    subject = subjectPairs(docList, (i, j) => linked.has(docPairKey(i, j, nDocs)));
    linked.clear();
  }
  stage('subject');
  const lsh: LshTables = {
    formatVersion: VARIANTS_FORMAT_VERSION,
    bands: LSH_BANDS,
    rows: LSH_ROWS,
    shingle: SHINGLE_SIZE,
    common: Array.from(common),
    docs: docList.map((d) => d.id),
    titles: coreTitles,
    keys: docList.map((_, i) => (docSigs[i] ? Array.from(bandKeys(docSigs[i]!)) : [])),
  };
  return {
    docIds: docList.map((d) => d.id),
    docUnits,
    unitIds,
    unitDoc,
    clauses: graph,
    families,
    subject,
    links: linkList,
    lsh,
    textVariants,
    stats: { commonShingles: common.length, commonKept, clausePairs: graph.pairs, sharedCountsKept: sharedKept, docCandidates: ordered.length, clausesRematched: rematched, docPairsCounted: counted },
  };
}

export { STRONG };
