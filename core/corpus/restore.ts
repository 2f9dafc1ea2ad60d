/**
 * Validate and default corpus JSON before use. The renderer, the main process
 * and the CLI all read files that may be stale, truncated or from another
 * build: a bad entry is dropped or defaulted, never trusted, and what cannot
 * be read at all is a CorpusFormatError with a code the caller turns into its
 * own message.
 */
import type { BodyMissing, DocSummary, Paragraph, PolicyDocument, Region, RegionLevel, SourceRef, TitleSource, Unit, UnitLevel } from './types.js';
import { CORPUS_FORMAT_VERSION, DOC_KINDS } from './types.js';

export type CorpusFormatErrorCode = 'not-a-list' | 'bad-document' | 'id-mismatch' | 'format-version';

export class CorpusFormatError extends Error {
  constructor(
    readonly code: CorpusFormatErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CorpusFormatError';
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const strOrNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const intOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);
const pageList = (v: unknown): number[] => (Array.isArray(v) ? v.filter((n): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0) : []);

const TITLE_SOURCES: readonly TitleSource[] = ['title-line', 'running-header', 'trailing-title', 'inferred'];
const LEVELS: readonly UnitLevel[] = ['part', 'subpart', 'chapter', 'section', 'article', 'clause', 'item', 'outline1', 'outline2', 'outline3', 'outline4', 'preamble', 'para', 'note', 'imprint', 'appendix'];
// Ids end up in URLs and element ids; anything else is a corrupt entry.
const ID_RE = /^[A-Za-z0-9._~-]+$/;
const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function oneOf<T extends string>(v: unknown, allowed: readonly T[], fallback: T): T {
  return typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
}

const REGION_LEVELS: readonly RegionLevel[] = ['national', 'province', 'city', 'district', 'unknown'];

function restoreRegion(v: unknown): Region {
  const o = isObj(v) ? v : {};
  const province = strOrNull(o.province);
  const city = province ? strOrNull(o.city) : null;
  // Files written before `level` existed: derive it from what is named; no place named is unknown, not national.
  const derived: RegionLevel = city ? 'city' : province ? 'province' : 'unknown';
  const level = oneOf(o.level, REGION_LEVELS, derived);
  const region: Region = { level: province || level === 'national' ? level : 'unknown', province, city };
  // A district under a city (杭州市 余杭区) keeps its name; a district without its city is not kept.
  const district = city ? strOrNull(o.district) : null;
  if (district) region.district = district;
  return region;
}

function restoreBodyMissing(v: unknown): BodyMissing | null {
  if (!isObj(v)) return null;
  const reason = oneOf(v.reason, ['blank-pages', 'no-text'] as const, 'no-text');
  return typeof v.detail === 'string' ? { reason, detail: v.detail } : { reason };
}

function restoreSource(v: unknown): SourceRef | null {
  if (!isObj(v) || typeof v.file !== 'string') return null;
  return { file: v.file, startLine: intOrNull(v.startLine) ?? 0, endLine: intOrNull(v.endLine) ?? 0, firstPage: intOrNull(v.firstPage), lastPage: intOrNull(v.lastPage) };
}

/** A library entry, or null when it lacks an id or a title (it could not be shown or opened). */
export function restoreSummary(v: unknown): DocSummary | null {
  if (!isObj(v) || typeof v.id !== 'string' || !ID_RE.test(v.id) || typeof v.title !== 'string' || v.title === '') return null;
  const issuers = Array.isArray(v.issuers) ? v.issuers.filter((s): s is string => typeof s === 'string' && s !== '') : [];
  const date = strOrNull(v.date);
  const effective = strOrNull(v.effectiveDate);
  const adopted = strOrNull(v.adoptedDate);
  return {
    id: v.id,
    title: v.title,
    titleSource: oneOf(v.titleSource, TITLE_SOURCES, 'title-line'),
    issuer: str(v.issuer, issuers.join('、')),
    issuers,
    docNumber: strOrNull(v.docNumber),
    date: date && ISO_DATE.test(date) ? date : null,
    effectiveDate: effective && ISO_DATE.test(effective) ? effective : null,
    ...(adopted && ISO_DATE.test(adopted) ? { adoptedDate: adopted } : {}),
    authors: Array.isArray(v.authors) ? v.authors.filter((s): s is string => typeof s === 'string' && s !== '') : [],
    region: restoreRegion(v.region),
    kind: oneOf(v.kind, DOC_KINDS, '其他'),
    sources: Array.isArray(v.sources) ? v.sources.map(restoreSource).filter((s): s is SourceRef => s !== null) : [],
    unitCount: intOrNull(v.unitCount) ?? 0,
    charCount: intOrNull(v.charCount) ?? 0,
    bodyMissing: restoreBodyMissing(v.bodyMissing),
  };
}

export interface RestoredLibrary {
  docs: DocSummary[];
  /** Entries dropped as unusable; shown to the user rather than hidden. */
  dropped: number;
}

export function restoreLibrary(v: unknown): RestoredLibrary {
  if (!Array.isArray(v)) throw new CorpusFormatError('not-a-list', 'library.json is not a list of documents');
  const docs: DocSummary[] = [];
  const seen = new Set<string>();
  let dropped = 0;
  for (const item of v) {
    const d = restoreSummary(item);
    if (d && !seen.has(d.id)) {
      seen.add(d.id);
      docs.push(d);
    } else dropped++;
  }
  return { docs, dropped };
}

function restoreParagraph(v: unknown): Paragraph | null {
  if (!isObj(v) || typeof v.text !== 'string') return null;
  return { text: v.text, pages: pageList(v.pages) };
}

function restoreUnit(v: unknown, docId: string, depth: number): Unit | null {
  // Depth cap: a cyclic or absurd tree must not blow the stack.
  if (depth > 12 || !isObj(v) || typeof v.id !== 'string' || !v.id.startsWith(`${docId}~`) || !ID_RE.test(v.id)) return null;
  const children = Array.isArray(v.children) ? v.children.map((c) => restoreUnit(c, docId, depth + 1)).filter((u): u is Unit => u !== null) : [];
  return {
    id: v.id,
    path: str(v.path, v.id.slice(docId.length + 1)),
    level: oneOf(v.level, LEVELS, 'para'),
    label: str(v.label),
    ...(typeof v.printedLabel === 'string' ? { printedLabel: v.printedLabel } : {}),
    heading: strOrNull(v.heading),
    paragraphs: Array.isArray(v.paragraphs) ? v.paragraphs.map(restoreParagraph).filter((p): p is Paragraph => p !== null) : [],
    pages: pageList(v.pages),
    children,
  };
}

/** A full document; throws with a user-facing message when it cannot be read at all. */
export function restoreDocument(v: unknown, expectedId: string): PolicyDocument {
  const summary = restoreSummary(v);
  if (!summary || !isObj(v)) throw new CorpusFormatError('bad-document', 'the document file has no valid id or title');
  if (summary.id !== expectedId) throw new CorpusFormatError('id-mismatch', `expected document ${expectedId}, the file holds ${summary.id}`);
  if (v.formatVersion !== CORPUS_FORMAT_VERSION) throw new CorpusFormatError('format-version', `corpus format ${String(v.formatVersion)} is not ${CORPUS_FORMAT_VERSION}; rebuild the corpus`);
  const seen = new Set<string>();
  const dedupe = (units: Unit[]): Unit[] =>
    units.filter((u) => {
      // Unit ids are DOM ids and URL targets: duplicates would make one unreachable.
      if (seen.has(u.id)) return false;
      seen.add(u.id);
      u.children = dedupe(u.children);
      return true;
    });
  const units = Array.isArray(v.units) ? v.units.map((u) => restoreUnit(u, summary.id, 0)).filter((u): u is Unit => u !== null) : [];
  return {
    ...summary,
    formatVersion: CORPUS_FORMAT_VERSION,
    addressees: strOrNull(v.addressees),
    signature: Array.isArray(v.signature) ? v.signature.filter((s): s is string => typeof s === 'string') : [],
    units: dedupe(units),
    ...(typeof v.reprintedFrom === 'string' && v.reprintedFrom !== '' ? { reprintedFrom: v.reprintedFrom } : {}),
  };
}
