/**
 * Validate and default the variants files before use, like the other corpus
 * files: a stale or hand-edited file must not break the reader. Entries with
 * bad ids or unknown relations are dropped; a missing summary is "no variants";
 * a document's shard that is missing or unreadable costs that document's
 * 相似文本 and 本条亦见于 (with a message saying so), nothing else.
 */
import type { ClauseMatch, FamilySummary, LshTables, Relation, SubjectPair, VariantFamily, VariantPair, VariantShard, VariantsFile, VariantsSummary } from './format.js';
import { RELATIONS, VARIANTS_FORMAT_VERSION, variantShardPath } from './format.js';
import { comparePairs } from './rank.js';

/** Pairs 相似文本 lists for one document at most (its family's first, then its best links). */
export const MAX_SHOWN_PAIRS = 20;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const ID_RE = /^[A-Za-z0-9._~#-]+$/;
const isId = (v: unknown): v is string => typeof v === 'string' && ID_RE.test(v);
const score = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function emptyVariants(): VariantsFile {
  return { formatVersion: VARIANTS_FORMAT_VERSION, families: [], subject: [], clauses: {}, links: [] };
}

function restorePair(v: unknown): VariantPair | null {
  if (!isObj(v) || !isId(v.a) || !isId(v.b) || v.a === v.b || !(RELATIONS as readonly unknown[]).includes(v.relation)) return null;
  return {
    a: v.a,
    b: v.b,
    relation: v.relation as Relation,
    jaccard: score(v.jaccard),
    aInB: score(v.aInB),
    bInA: score(v.bInA),
    sharedClauses: typeof v.sharedClauses === 'number' && Number.isInteger(v.sharedClauses) && v.sharedClauses >= 0 ? v.sharedClauses : 0,
    ...(v.evidence === 'draft' || v.evidence === 'version' ? { evidence: v.evidence } : {}),
    ...(Array.isArray(v.dates) && v.dates.length === 2 && v.dates.every((d) => typeof d === 'string' && ISO_DATE.test(d)) ? { dates: [v.dates[0], v.dates[1]] as [string, string] } : {}),
  };
}

function restoreFamily(v: unknown): VariantFamily | null {
  if (!isObj(v)) return null;
  const members = [...new Set(list(v.members).filter(isId))].sort();
  if (members.length < 2) return null;
  const set = new Set(members);
  const pairs = list(v.pairs)
    .map(restorePair)
    .filter((p): p is VariantPair => p !== null && set.has(p.a) && set.has(p.b));
  // A file from before families had centres: the member in the most pairs stands for it.
  const inPairs = (id: string) => pairs.filter((p) => p.a === id || p.b === id).length;
  const center = isId(v.center) && set.has(v.center) ? v.center : members.reduce((best, id) => (inPairs(id) > inPairs(best) ? id : best), members[0]);
  return { id: isId(v.id) ? v.id : `f-${members[0]}`, center, members, pairs };
}

/** A family of the summary: its pairs are in the shards, so a centre that is not a member falls back to the first member. */
function restoreFamilySummary(v: unknown): FamilySummary | null {
  const f = restoreFamily(isObj(v) ? { ...v, pairs: [] } : v);
  return f && { id: f.id, center: f.center, members: f.members };
}

function restoreSubject(v: unknown): SubjectPair | null {
  if (!isObj(v) || !isId(v.a) || !isId(v.b) || v.a === v.b) return null;
  return { a: v.a, b: v.b, score: score(v.score), terms: list(v.terms).filter((t): t is string => typeof t === 'string').slice(0, 10) };
}

function restoreClause(v: unknown): ClauseMatch | null {
  if (!isObj(v) || !isId(v.unit) || !isId(v.doc) || !v.unit.startsWith(`${v.doc}~`)) return null;
  return { unit: v.unit, doc: v.doc, similarity: score(v.similarity) };
}

/** unit id → counterparts, keeping only units `keep` accepts and counterparts in other documents. */
function restoreClauses(v: unknown, keep: (id: string) => boolean): Record<string, ClauseMatch[]> {
  const clauses: Record<string, ClauseMatch[]> = {};
  if (isObj(v))
    for (const [id, matches] of Object.entries(v)) {
      if (!isId(id) || !keep(id)) continue;
      const ok = list(matches)
        .map(restoreClause)
        .filter((m): m is ClauseMatch => m !== null && !id.startsWith(`${m.doc}~`));
      if (ok.length) clauses[id] = ok;
    }
  return clauses;
}

export function emptySummary(): VariantsSummary {
  return { formatVersion: VARIANTS_FORMAT_VERSION, families: [], subject: [], shards: [] };
}

/**
 * `variants.json` read back: null when it is not a summary of this format (a corpus built by an older
 * version, a damaged file) — the caller then says so and goes on without variants.
 */
export function restoreVariantsSummary(v: unknown): VariantsSummary | null {
  if (!isObj(v) || v.formatVersion !== VARIANTS_FORMAT_VERSION) return null;
  return {
    formatVersion: VARIANTS_FORMAT_VERSION,
    families: list(v.families)
      .map(restoreFamilySummary)
      .filter((f): f is FamilySummary => f !== null),
    subject: list(v.subject)
      .map(restoreSubject)
      .filter((s): s is SubjectPair => s !== null),
    shards: [...new Set(list(v.shards).filter(isId))].sort(),
  };
}

/** Said when `variants.json` exists but cannot be used. */
export const SUMMARY_UNREADABLE = '相似文本数据（variants.json）已损坏或来自其他版本的程序，暂不显示相似文本和“本条亦见于”；阅读、搜索和比较不受影响。请重新构建语料库（npm run build:corpus）。';

/** Said when a document's shard is missing or unreadable: what is lost, that the rest works, how to repair. */
export function shardUnreadable(docId: string): string {
  return `相似文本数据（${variantShardPath(docId)}）缺失或已损坏，本篇暂不显示相似文本和“本条亦见于”；其他文件和阅读、搜索不受影响。请重新构建语料库（npm run build:corpus）。`;
}

/**
 * `variants/<docId>.json` read back: null when it is not this document's shard of this format. Its
 * clauses must be units of the document and its pairs must involve it (anything else is dropped).
 */
export function restoreVariantShard(v: unknown, docId: string): VariantShard | null {
  if (!isObj(v) || v.formatVersion !== VARIANTS_FORMAT_VERSION || v.doc !== docId) return null;
  return {
    formatVersion: VARIANTS_FORMAT_VERSION,
    doc: docId,
    clauses: restoreClauses(v.clauses, (id) => id.startsWith(`${docId}~`)),
    pairs: list(v.pairs)
      .map(restorePair)
      .filter((p): p is VariantPair => p !== null && (p.a === docId || p.b === docId)),
  };
}

/** Restored variants; anything unreadable gives the empty file (the reader works without variants). */
export function restoreVariants(v: unknown): VariantsFile {
  if (!isObj(v) || v.formatVersion !== VARIANTS_FORMAT_VERSION) return emptyVariants();
  const families = list(v.families)
    .map(restoreFamily)
    .filter((f): f is VariantFamily => f !== null);
  const subject = list(v.subject)
    .map(restoreSubject)
    .filter((s): s is SubjectPair => s !== null);
  const clauses = restoreClauses(v.clauses, () => true);
  const links = list(v.links)
    .map(restorePair)
    .filter((p): p is VariantPair => p !== null);
  return { formatVersion: VARIANTS_FORMAT_VERSION, families, subject, clauses, links };
}

/**
 * The family a document belongs to, its pairs (inside the family, then links to documents outside it),
 * ranked and at most MAX_SHOWN_PAIRS, and its subject neighbours.
 */
export function variantsOf(v: VariantsFile, docId: string): { family: VariantFamily | null; pairs: VariantPair[]; subject: SubjectPair[] } {
  const family = v.families.find((f) => f.members.includes(docId)) ?? null;
  return { family, pairs: shownPairs(docId, family, [...(family?.pairs ?? []), ...v.links]), subject: subjectOf(v.subject, docId) };
}

/** The same for a document as the app reads it: the summary, and its shard (null while it loads or when it is unreadable: no pairs). */
export function docVariants(summary: VariantsSummary, shard: VariantShard | null, docId: string): { family: FamilySummary | null; pairs: VariantPair[]; subject: SubjectPair[] } {
  const family = summary.families.find((f) => f.members.includes(docId)) ?? null;
  return { family, pairs: shownPairs(docId, family, shard?.pairs ?? []), subject: subjectOf(summary.subject, docId) };
}

/** `docId`'s pairs inside its family first, then its links outside it, each ranked; at most MAX_SHOWN_PAIRS. */
function shownPairs(docId: string, family: FamilySummary | null, pairs: readonly VariantPair[]): VariantPair[] {
  const members = new Set(family?.members);
  const mine = pairs.filter((p) => p.a === docId || p.b === docId);
  const inFamily = (p: VariantPair) => members.has(p.a) && members.has(p.b);
  return [...mine.filter(inFamily).sort(comparePairs), ...mine.filter((p) => !inFamily(p)).sort(comparePairs)].slice(0, MAX_SHOWN_PAIRS);
}

const subjectOf = (subject: readonly SubjectPair[], docId: string) => subject.filter((s) => s.a === docId || s.b === docId).sort((x, y) => y.score - x.score);

/** `variants-lsh.json` read back: null when it is missing, of another format, or inconsistent (placement then finds nothing, the reader works on). */
export function restoreLshTables(v: unknown): LshTables | null {
  if (!isObj(v) || v.formatVersion !== VARIANTS_FORMAT_VERSION) return null;
  const posInt = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x > 0;
  if (!posInt(v.bands) || !posInt(v.rows) || !posInt(v.shingle)) return null;
  const u32 = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 0xffffffff;
  const docs = list(v.docs);
  const titles = list(v.titles);
  const keys = list(v.keys);
  const common = list(v.common);
  if (!docs.every(isId) || titles.length !== docs.length || keys.length !== docs.length || !titles.every((t) => typeof t === 'string')) return null;
  if (!common.every(u32) || !keys.every((k) => Array.isArray(k) && (k.length === 0 || k.length === v.bands) && k.every(u32))) return null;
  return {
    formatVersion: VARIANTS_FORMAT_VERSION,
    bands: v.bands as number,
    rows: v.rows as number,
    shingle: v.shingle as number,
    common: (common as number[]).slice().sort((a, b) => a - b),
    docs: docs as string[],
    titles: titles as string[],
    keys: keys as number[][],
  };
}
