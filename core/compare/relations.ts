/**
 * What two measured documents are to each other: the same text, an
 * adaptation, a revision (a draft and its adoption, or one title at two dates)
 * or merely related, from their text overlap, shared clauses, titles, dates,
 * places and issuers.
 */
import type { PolicyDocument } from '../corpus/types.js';
import type { Overlap } from './shingles.js';
import { coreTitle, gramsDice, isDraftTitle, titleGrams } from './titles.js';
import type { Relation, VariantPair } from './format.js';

/** `same`: each text is (nearly) contained in the other; a copy lacking its title, one item and the signature still has > 0.85 of the other's shingles. */
export const SAME_CONTAINMENT = 0.85;
/** `adaptation`: the smaller text is largely made of the larger one; cities' plans from one template score 0.44–0.8, texts of one genre (two 政务公开要点) 0.34 and below. */
export const ADAPTATION_CONTAINMENT = 0.4;
/** `related`: some clauses shared; unrelated documents on the same subject (营商环境) share under 0.08 of their shingles. */
export const RELATED_CONTAINMENT = 0.15;
/** …or this many clauses matched one to one, even when they are a small part of both texts. */
export const RELATED_CLAUSES = 3;
/** Containment of a very short text means little: fewer shared shingles than this (≈ two sentences) is no link. */
export const RELATED_MIN_SHARED = 60;
/** Commentary (解读, news, articles) quotes a text without being a version of it: at most `related`. */
const COMMENTARY = new Set(['解读', '新闻', '文章']);
/** Titles that name the same document once wrappers, years and draft marks are removed (bigram Dice). */
export const SAME_TITLE = 0.6;
/** A revision still shares text: a draft and its adopted version rarely fall under this containment. */
export const REVISION_CONTAINMENT = 0.3;
/**
 * …unless the titles are one title: a regulation rewritten as a whole (征兵工作条例 2001 → 2023 keeps 0.24
 * of its text) is still that regulation at a later date, as long as the texts are related at all.
 */
const ONE_TITLE = 0.95;
/** …and shares at least this much of the smaller text: unrelated texts on one subject (营商环境) share under 0.08. */
export const REWRITE_CONTAINMENT = 0.08;

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * What revisions are judged by in a document's title, read once per document: detection asks for up to a few
 * hundred thousand pairs, and reading both titles again for each was about half a second at 10,000 documents.
 * (Documents are not changed once assembled; a document object read again is the same document.)
 */
interface TitleFacts {
  /** The title these were read from: a document whose title was set again is read again. */
  title: string;
  core: string;
  grams: Uint32Array;
  draft: boolean;
}
const titleFacts = new WeakMap<PolicyDocument, TitleFacts>();

function factsOf(d: PolicyDocument): TitleFacts {
  let f = titleFacts.get(d);
  if (!f || f.title !== d.title) {
    const core = coreTitle(d.title);
    f = { title: d.title, core, grams: titleGrams(core), draft: isDraftTitle(d.title) };
    titleFacts.set(d, f);
  }
  return f;
}

/** A document's core title (coreTitle), read once per document with its other title facts. */
export const coreTitleOf = (d: PolicyDocument): string => factsOf(d).core;

/** The date a version is known by: its issue date, else when it takes effect. */
const versionDate = (d: PolicyDocument) => d.date ?? d.effectiveDate ?? null;

/**
 * The dates two versions are compared by, like with like: both issue dates, else both effective dates,
 * else none (a text issued on 6-25 and a copy that only says it takes effect on 7-1 are not two dates).
 */
function comparableDates(a: PolicyDocument, b: PolicyDocument): [string, string] | null {
  if (a.date && b.date) return [a.date, b.date];
  if (a.effectiveDate && b.effectiveDate) return [a.effectiveDate, b.effectiveDate];
  return null;
}

/** The relation text overlap and titles show, or null for no family link. */
/** A relation found, with the evidence for a revision; `swap`: b is the earlier (or draft) text. */
type Found = { relation: Relation; evidence?: 'draft' | 'version'; swap: boolean };

export function relationOf(a: PolicyDocument, b: PolicyDocument, o: Overlap, sharedClauses: number): Found | null {
  const high = Math.max(o.aInB, o.bInA);
  const low = Math.min(o.aInB, o.bInA);
  const related = (high >= RELATED_CONTAINMENT && o.shared >= RELATED_MIN_SHARED) || sharedClauses >= RELATED_CLAUSES;
  if (!related) return rewritten(a, b, o);
  if (COMMENTARY.has(a.kind) !== COMMENTARY.has(b.kind)) return { relation: 'related', swap: false };
  const rev = revisionEvidence(a, b);
  if (rev && (high >= REVISION_CONTAINMENT || rev.oneTitle)) return { relation: 'revision', evidence: rev.evidence, swap: rev.swap };
  if (low >= SAME_CONTAINMENT) {
    // One text issued at two dates in one place is a text and its reissue, not two copies of one document.
    const dates = comparableDates(a, b);
    if (dates && dates[0] !== dates[1] && sameRegion(a, b)) return { relation: 'revision', evidence: 'version', swap: dates[1] < dates[0] };
    return { relation: 'same', swap: false };
  }
  if (high >= ADAPTATION_CONTAINMENT) return { relation: 'adaptation', swap: false };
  return { relation: 'related', swap: false };
}

/**
 * One title of one authority at two dates, rewritten as a whole (商用密码管理条例 1999 → 2023 keeps 0.11 of the old
 * text, 199 shingles): a revision, though the texts share less than related texts do; two texts of one genre and
 * subject that are not one title share under REWRITE_CONTAINMENT. One title is the same core title, not a close one.
 */
function rewritten(a: PolicyDocument, b: PolicyDocument, o: Overlap): Found | null {
  if (Math.max(o.aInB, o.bInA) < REWRITE_CONTAINMENT || o.shared < RELATED_MIN_SHARED || COMMENTARY.has(a.kind) || COMMENTARY.has(b.kind)) return null;
  // The very title: …确定罪名的补充规定 and …补充规定（三） are two texts of a series, not one text twice.
  if (factsOf(a).core !== factsOf(b).core) return null;
  const rev = revisionEvidence(a, b);
  return rev?.oneTitle ? { relation: 'revision', evidence: rev.evidence, swap: rev.swap } : null;
}

const sameRegion = (a: PolicyDocument, b: PolicyDocument) =>
  a.region.level === 'unknown' || b.region.level === 'unknown' || (a.region.province === b.region.province && a.region.city === b.region.city);

/**
 * Issuers that can issue two versions of one text: the same, one unknown, one shared, or both national
 * (a law adopted by the 全国人民代表大会 is amended by its 常务委员会; a 国务院 regulation's later text may
 * carry no issuer line at all). Two cities or two departments with one template are not.
 */
function sameAuthority(a: PolicyDocument, b: PolicyDocument): boolean {
  if (!a.issuer || !b.issuer || a.issuer === b.issuer) return true;
  if (a.region.level === 'national' && b.region.level === 'national') return true;
  const ib = new Set(b.issuers);
  return a.issuers.some((x) => ib.has(x));
}

/**
 * Titles and dates that make two texts one document at two stages: one is a
 * draft and the other not (draft first), or the same title in the same place
 * at two dates (older first). `swap` is true when b is the earlier one.
 */
export function revisionEvidence(a: PolicyDocument, b: PolicyDocument): { evidence: 'draft' | 'version'; swap: boolean; oneTitle?: true } | null {
  if (!sameRegion(a, b)) return null;
  const fa = factsOf(a);
  const fb = factsOf(b);
  const da = fa.draft;
  const db = fb.draft;
  const dice = gramsDice(fa.grams, fb.grams);
  const similarTitles = dice >= SAME_TITLE;
  if (da !== db) {
    const draft = da ? a : b;
    const adopted = da ? b : a;
    // An adopted text dated before its draft is not its adoption.
    if (draft.date && adopted.date && adopted.date < draft.date) return null;
    return { evidence: 'draft', swap: db };
  }
  const dates = comparableDates(a, b);
  if (!da && similarTitles && dates && dates[0] !== dates[1] && sameAuthority(a, b)) return { evidence: 'version', swap: dates[1] < dates[0], ...(dice >= ONE_TITLE ? { oneTitle: true as const } : {}) };
  return null;
}

/** A measured pair as stored: a revision's older (or draft) text first, with both dates. Null for no link. */
export function measuredPair(A: PolicyDocument, B: PolicyDocument, o: Overlap, sharedClauses: number): VariantPair | null {
  const rel = relationOf(A, B, o, sharedClauses);
  if (!rel) return null;
  const [x, y, ox] = rel.swap ? [B, A, { ...o, aInB: o.bInA, bInA: o.aInB }] : [A, B, o];
  const dx = versionDate(x);
  const dy = versionDate(y);
  return {
    a: x.id,
    b: y.id,
    relation: rel.relation,
    jaccard: round(ox.jaccard),
    aInB: round(ox.aInB),
    bInA: round(ox.bInA),
    sharedClauses,
    ...(rel.evidence ? { evidence: rel.evidence } : {}),
    ...(rel.relation === 'revision' && dx && dy ? { dates: [dx, dy] as [string, string] } : {}),
  };
}
