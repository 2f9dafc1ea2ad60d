/**
 * Validate and default corpus JSON before use (the renderer and the CLI read
 * files that may be stale, truncated or from another format version). Bad
 * entries are dropped or defaulted, never trusted; a wrong format version is
 * an error the caller reports.
 */
import type { DocKind, DocSummary, Paragraph, PolicyDocument, Region, SourceRef, TitleSource, Unit, UnitLevel } from './types.js';
import { CORPUS_FORMAT_VERSION } from './types.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, d = ''): string => (typeof v === 'string' ? v : d);
const strOrNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown, d = 0): number => (typeof v === 'number' && Number.isFinite(v) ? v : d);
const numOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const strArr = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const numArr = (v: unknown): number[] => (Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)) : []);

const KINDS: DocKind[] = ['通知', '办法', '意见', '方案', '措施', '条例', '规定', '要点', '计划', '细则', '决定', '公告', '解读', '新闻', '文章', '其他'];
const TITLE_SOURCES: TitleSource[] = ['title-line', 'running-header', 'trailing-title', 'inferred'];
const LEVELS: UnitLevel[] = ['part', 'chapter', 'section', 'article', 'clause', 'item', 'outline1', 'outline2', 'outline3', 'outline4', 'preamble', 'para', 'appendix'];
const ID = /^[A-Za-z0-9_-]+$/;
const ISO = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export class CorpusFormatError extends Error {}

function restoreRegion(v: unknown): Region {
  const o = isObj(v) ? v : {};
  return { province: strOrNull(o.province), city: strOrNull(o.city) };
}

function restoreSource(v: unknown): SourceRef | null {
  if (!isObj(v) || typeof v.file !== 'string') return null;
  return { file: v.file, startLine: num(v.startLine, 1), endLine: num(v.endLine, num(v.startLine, 1)), firstPage: numOrNull(v.firstPage), lastPage: numOrNull(v.lastPage) };
}

export function restoreSummary(v: unknown): DocSummary | null {
  if (!isObj(v) || typeof v.id !== 'string' || !ID.test(v.id) || typeof v.title !== 'string') return null;
  const date = strOrNull(v.date);
  const effectiveDate = strOrNull(v.effectiveDate);
  const issuers = strArr(v.issuers);
  return {
    id: v.id,
    title: v.title,
    titleSource: TITLE_SOURCES.includes(v.titleSource as TitleSource) ? (v.titleSource as TitleSource) : 'inferred',
    issuer: str(v.issuer, issuers.join('、')),
    issuers,
    docNumber: strOrNull(v.docNumber),
    date: date && ISO.test(date) ? date : null,
    effectiveDate: effectiveDate && ISO.test(effectiveDate) ? effectiveDate : null,
    authors: strArr(v.authors),
    region: restoreRegion(v.region),
    kind: KINDS.includes(v.kind as DocKind) ? (v.kind as DocKind) : '其他',
    sources: Array.isArray(v.sources) ? v.sources.map(restoreSource).filter((s): s is SourceRef => !!s) : [],
    unitCount: num(v.unitCount),
    charCount: num(v.charCount),
  };
}

export function restoreLibrary(v: unknown): DocSummary[] {
  if (!Array.isArray(v)) throw new CorpusFormatError('library.json is not a list of documents');
  return v.map(restoreSummary).filter((d): d is DocSummary => !!d);
}

function restoreParagraph(v: unknown): Paragraph | null {
  if (!isObj(v) || typeof v.text !== 'string') return null;
  return { text: v.text, pages: numArr(v.pages) };
}

function restoreUnit(v: unknown, depth: number): Unit | null {
  if (!isObj(v) || typeof v.id !== 'string' || typeof v.path !== 'string' || depth > 20) return null;
  return {
    id: v.id,
    path: v.path,
    level: LEVELS.includes(v.level as UnitLevel) ? (v.level as UnitLevel) : 'para',
    label: str(v.label),
    heading: strOrNull(v.heading),
    paragraphs: Array.isArray(v.paragraphs) ? v.paragraphs.map(restoreParagraph).filter((p): p is Paragraph => !!p) : [],
    pages: numArr(v.pages),
    children: Array.isArray(v.children) ? v.children.map((c) => restoreUnit(c, depth + 1)).filter((u): u is Unit => !!u) : [],
  };
}

export function restoreDocument(v: unknown): PolicyDocument {
  if (!isObj(v)) throw new CorpusFormatError('document is not an object');
  if (v.formatVersion !== CORPUS_FORMAT_VERSION) throw new CorpusFormatError(`document format ${String(v.formatVersion)} is not ${CORPUS_FORMAT_VERSION}; rebuild the corpus`);
  const summary = restoreSummary(v);
  if (!summary) throw new CorpusFormatError('document has no valid id or title');
  return {
    ...summary,
    formatVersion: CORPUS_FORMAT_VERSION,
    addressees: strOrNull(v.addressees),
    signature: strArr(v.signature),
    units: Array.isArray(v.units) ? v.units.map((u) => restoreUnit(u, 0)).filter((u): u is Unit => !!u) : [],
    ...(typeof v.reprintedFrom === 'string' ? { reprintedFrom: v.reprintedFrom } : {}),
  };
}
