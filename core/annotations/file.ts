/**
 * The export/import file and merging. An import is validated whole before
 * anything is written: one bad entry refuses the file (all or nothing), with a
 * Chinese sentence that says what is wrong and where.
 */
import {
  ANNOTATION_CONTEXT,
  ANNOTATION_FILE_FORMAT,
  ANNOTATION_FILE_VERSION,
  type Annotation,
  type AnnotationBody,
  type AnnotationFile,
  type AnnotationTarget,
  HIGHLIGHT_COLOURS,
  type HighlightColour,
  type Motivation,
  QUOTE_CONTEXT_CHARS,
  type Selector,
  docSourceUri,
  noteOf,
  quoteOf,
  tagsOf,
} from './model.js';
import { checkUserFiles, type ListedUserFile } from './user-files.js';

/** `userFiles`: the user library's listing, written by every backup and export made in the app (absent when not given). */
export function toAnnotationFile(list: readonly Annotation[], now: Date | string, userFiles?: readonly ListedUserFile[]): AnnotationFile {
  return {
    format: ANNOTATION_FILE_FORMAT,
    formatVersion: ANNOTATION_FILE_VERSION,
    exported: typeof now === 'string' ? now : now.toISOString(),
    annotations: [...list],
    ...(userFiles ? { userFiles: [...userFiles] } : {}),
  };
}

/** The file as text (what export writes and backups hold). */
export function serializeAnnotationFile(list: readonly Annotation[], now: Date | string, userFiles?: readonly ListedUserFile[]): string {
  return JSON.stringify(toAnnotationFile(list, now, userFiles), null, 1);
}

export type AnnotationFileErrorCode = 'empty' | 'json' | 'foreign' | 'newer' | 'invalid';

export type ParseResult = { ok: true; file: AnnotationFile } | { ok: false; code: AnnotationFileErrorCode; message: string };

const MOTIVATIONS: readonly Motivation[] = ['bookmarking', 'highlighting', 'commenting'];
/** Longest note or quote, in characters. */
export const MAX_TEXT = 100_000;
/**
 * How far in the future an imported date may be: a file from a laptop whose
 * clock is a few hours off (or a local time written as UTC, up to 14 hours)
 * is still taken; a date days ahead (9999-12-31) would make that version win
 * every later merge, so it is refused.
 */
export const IMPORT_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;
/** Longer than any clause: a larger offset is not a position in this corpus. */
export const MAX_POSITION = 10_000_000;

type Check<T> = T | string;

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStr(v: unknown, max = MAX_TEXT): v is string {
  return typeof v === 'string' && v.length <= max;
}

function isDate(v: unknown): v is string {
  return isStr(v, 64) && !Number.isNaN(Date.parse(v));
}

function checkBody(v: unknown): Check<AnnotationBody> {
  if (isObj(v) && typeof v.value === 'string' && v.value.length > MAX_TEXT) {
    return `笔记（正文）过长：${v.value.length.toLocaleString('en-US')} 字，上限为 ${MAX_TEXT.toLocaleString('en-US')} 字`;
  }
  if (!isObj(v) || v.type !== 'TextualBody' || !isStr(v.value)) return '正文（body）不是文本';
  if (v.purpose === 'tagging') {
    if (!v.value.trim() || v.value.length > 200) return '标签为空或过长';
    return { type: 'TextualBody', purpose: 'tagging', value: v.value };
  }
  if (v.purpose === 'commenting' || v.purpose === undefined) {
    const body: AnnotationBody = { type: 'TextualBody', purpose: 'commenting', value: v.value, format: 'text/plain' };
    if (isStr(v.language, 35)) body.language = v.language;
    return body;
  }
  return `不支持的正文用途 ${String(v.purpose)}`;
}

function checkSelectors(v: unknown): Check<Selector[]> {
  if (!Array.isArray(v) || v.length === 0) return '选择器（selector）不是列表';
  const out: Selector[] = [];
  for (const s of v) {
    if (!isObj(s)) return '选择器格式不对';
    if (s.type === 'TextQuoteSelector') {
      if (!isStr(s.exact) || !s.exact) return '引文（exact）为空';
      const prefix = s.prefix ?? '';
      const suffix = s.suffix ?? '';
      if (!isStr(prefix, QUOTE_CONTEXT_CHARS * 4) || !isStr(suffix, QUOTE_CONTEXT_CHARS * 4)) return '引文前后文格式不对';
      out.push({ type: 'TextQuoteSelector', exact: s.exact, prefix, suffix });
    } else if (s.type === 'TextPositionSelector') {
      const { start, end } = s;
      // An empty range selects nothing: it would anchor anywhere.
      if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || (start as number) < 0 || (end as number) <= (start as number)) return '位置（start/end）不对';
      out.push({ type: 'TextPositionSelector', start: start as number, end: end as number });
    }
    // Other W3C selector types are ignored, not fatal: the quote is what anchors.
  }
  if (!out.some((s) => s.type === 'TextQuoteSelector')) return '缺少引文选择器（TextQuoteSelector）';
  return out;
}

function checkTarget(v: unknown): Check<AnnotationTarget> {
  if (!isObj(v)) return '缺少目标（target）';
  if (!isStr(v.source, 2000) || !v.source.startsWith('policy-reader:doc/')) return '目标地址（source）不是本应用的条款地址';
  const d = v['policyReader:document'];
  if (!isObj(d) || !isStr(d.id, 200) || !d.id || !isStr(d.title, 2000)) return '缺少文件信息（policyReader:document）';
  if (d.docNumber !== null && d.docNumber !== undefined && !isStr(d.docNumber, 500)) return '文号格式不对';
  const unitId = v['policyReader:unitId'];
  if (unitId !== null && unitId !== undefined && !isStr(unitId, 500)) return '条款 id 格式不对';
  const hash = v['policyReader:contentHash'];
  if (!isStr(hash, 200)) return '缺少语料版本（policyReader:contentHash）';
  const target: AnnotationTarget = {
    source: v.source,
    'policyReader:document': { id: d.id, title: d.title, docNumber: (d.docNumber as string | null | undefined) ?? null },
    'policyReader:unitId': (unitId as string | null | undefined) ?? null,
    'policyReader:contentHash': hash,
  };
  if (v.selector !== undefined) {
    const sel = checkSelectors(v.selector);
    if (typeof sel === 'string') return sel;
    target.selector = sel;
  }
  const approx = v['policyReader:approximate'];
  if (approx !== undefined) {
    if (!isObj(approx) || !isStr(approx.exact) || !approx.exact || typeof approx.score !== 'number' || !(approx.score >= 0 && approx.score <= 1)) return '近似位置（policyReader:approximate）格式不对';
    if (approx.confirmed !== undefined && !isDate(approx.confirmed)) return '近似位置的确认时间不是有效日期';
    target['policyReader:approximate'] = { exact: approx.exact, score: approx.score, ...(approx.confirmed !== undefined ? { confirmed: approx.confirmed as string } : {}) };
  }
  const opening = v['policyReader:opening'];
  if (opening !== undefined) {
    if (!isStr(opening, 1000)) return '书签的条款开头格式不对';
    target['policyReader:opening'] = opening;
  }
  return target;
}

/** Validates and normalises one annotation read from a file or the database; a string says what is wrong. */
export function checkAnnotation(v: unknown): Check<Annotation> {
  if (!isObj(v)) return '不是对象';
  if (v.type !== 'Annotation') return '类型（type）不是 Annotation';
  if (!isStr(v.id, 200) || !/^urn:uuid:[0-9a-f-]{36}$/i.test(v.id)) return '缺少有效的 id（urn:uuid:…）';
  if (!MOTIVATIONS.includes(v.motivation as Motivation)) return `不支持的动机（motivation）${String(v.motivation)}`;
  if (!isDate(v.created) || !isDate(v.modified)) return '创建或修改时间不是有效日期';
  const rawBody = v.body === undefined ? [] : Array.isArray(v.body) ? v.body : [v.body];
  const body: AnnotationBody[] = [];
  for (const b of rawBody) {
    const c = checkBody(b);
    if (typeof c === 'string') return c;
    body.push(c);
  }
  const target = checkTarget(v.target);
  if (typeof target === 'string') return target;
  if (v.motivation !== 'bookmarking' && !target.selector) return '高亮或笔记缺少引文';
  const a: Annotation = {
    '@context': ANNOTATION_CONTEXT,
    id: v.id,
    type: 'Annotation',
    motivation: v.motivation as Motivation,
    created: v.created,
    modified: v.modified,
    body,
    target,
  };
  const colour = v['policyReader:colour'];
  if (colour !== undefined) {
    if (!HIGHLIGHT_COLOURS.includes(colour as HighlightColour)) return `不支持的颜色 ${String(colour)}`;
    a['policyReader:colour'] = colour as HighlightColour;
  }
  if (v['policyReader:orphaned'] === true) a['policyReader:orphaned'] = true;
  return a;
}

const fail = (code: AnnotationFileErrorCode, message: string): ParseResult => ({ ok: false, code, message });

/** An ISO date (or date-time) that exists on the calendar: Date.parse turns 2024-02-30 into 1 March without a word. */
export function isCalendarDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))?)?$/.exec(v);
  if (!m) return false;
  const [y, mo, d, h = '0', mi = '0', sec = '0', zh = '0', zm = '0'] = m.slice(1).map((x) => x ?? undefined) as string[];
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (day.getUTCFullYear() !== Number(y) || day.getUTCMonth() !== Number(mo) - 1 || day.getUTCDate() !== Number(d)) return false;
  return Number(h) < 24 && Number(mi) < 60 && Number(sec) < 60 && Number(zh) < 24 && Number(zm) < 60;
}

/**
 * What an import checks beyond the format (the database and backups are read
 * without it: a restore must never refuse what the store already holds).
 * Null when the entry is acceptable.
 */
function importProblem(a: Annotation, now: Date): string | null {
  const latest = now.getTime() + IMPORT_CLOCK_SKEW_MS;
  for (const [field, name] of [
    ['created', '创建时间'],
    ['modified', '修改时间'],
  ] as const) {
    if (!isCalendarDate(a[field])) return `${name} ${a[field]} 不是存在的日期`;
    if (Date.parse(a[field]) > latest) return `${name} ${a[field]} 晚于当前时间（可能来自时钟有误的电脑）`;
  }
  const t = a.target;
  const docId = t['policyReader:document'].id;
  const unitId = t['policyReader:unitId'];
  if (unitId !== null && !unitId.startsWith(`${docId}~`)) return `条款 id（policyReader:unitId）${unitId} 属于另一份文件`;
  const base = `policy-reader:doc/${docId}`;
  if (t.source !== base && !t.source.startsWith(`${base}#`)) return `目标地址（source）指向另一份文件`;
  if (t.source !== docSourceUri(docId, unitId)) return '目标地址（source）与条款 id 不一致';
  for (const sel of t.selector ?? []) {
    if (sel.type === 'TextPositionSelector' && sel.end > MAX_POSITION) return `位置（start/end）超出范围（最大 ${MAX_POSITION}）`;
  }
  return null;
}

export interface ParseOptions {
  /**
   * Set for an import from a file: the entries must also pass the import
   * policy (no dates after now + IMPORT_CLOCK_SKEW_MS or that do not exist,
   * no ids differing only in case, no target pointing at another document,
   * positions within MAX_POSITION).
   */
  now?: Date;
}

/** Parses and validates a whole annotation file. Nothing is returned unless every entry is valid. */
export function parseAnnotationFile(text: string, options: ParseOptions = {}): ParseResult {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed) return fail('empty', '导入失败：文件是空的。未做任何更改。');
  let v: unknown;
  try {
    v = JSON.parse(trimmed);
  } catch {
    return fail('json', '导入失败：文件已损坏或不是 JSON 格式。未做任何更改。');
  }
  if (!isObj(v) || v.format !== ANNOTATION_FILE_FORMAT) {
    return fail('foreign', '导入失败：这不是政策阅读器的标注文件。未做任何更改。');
  }
  if (typeof v.formatVersion !== 'number' || !Number.isInteger(v.formatVersion) || v.formatVersion < 1) {
    return fail('invalid', '导入失败：标注文件缺少有效的格式版本（formatVersion）。未做任何更改。');
  }
  if (v.formatVersion > ANNOTATION_FILE_VERSION) {
    return fail('newer', `导入失败：该文件由较新版本的政策阅读器导出（格式版本 ${v.formatVersion}），请先升级本软件。未做任何更改。`);
  }
  if (!Array.isArray(v.annotations)) return fail('invalid', '导入失败：文件中没有标注列表。未做任何更改。');
  const annotations: Annotation[] = [];
  const seen = new Map<string, string>();
  for (let i = 0; i < v.annotations.length; i++) {
    const a = checkAnnotation(v.annotations[i]);
    if (typeof a === 'string') return fail('invalid', `导入失败：第 ${i + 1} 条标注无效（${a}）。未做任何更改。`);
    const problem = options.now ? importProblem(a, options.now) : null;
    if (problem) return fail('invalid', `导入失败：第 ${i + 1} 条标注无效（${problem}）。未做任何更改。`);
    const before = seen.get(a.id.toLowerCase());
    if (before === a.id) return fail('invalid', `导入失败：第 ${i + 1} 条标注的 id 与前面的重复。未做任何更改。`);
    // urn:uuid ids compare without case (RFC 4122): two that differ only in case are one id.
    if (before !== undefined) return fail('invalid', `导入失败：第 ${i + 1} 条标注的 id 与前面的一条只有大小写不同。未做任何更改。`);
    seen.set(a.id.toLowerCase(), a.id);
    annotations.push(a);
  }
  // Optional (files written before it have none). An import refuses a bad one like any bad entry; a
  // restore (no `now`) drops it instead: the listing only names files, it must not cost the annotations.
  let userFiles: ListedUserFile[] | undefined;
  if (v.userFiles !== undefined) {
    const checked = checkUserFiles(v.userFiles);
    if (typeof checked === 'string' && options.now) return fail('invalid', `导入失败：${checked}。未做任何更改。`);
    if (typeof checked !== 'string') userFiles = checked;
  }
  const exported = isDate(v.exported) ? v.exported : new Date(0).toISOString();
  return { ok: true, file: { format: ANNOTATION_FILE_FORMAT, formatVersion: v.formatVersion, exported, annotations, ...(userFiles ? { userFiles } : {}) } };
}

/** The tag an imported version gets when it is kept beside a different local one (我的标注 filters by it). */
export const CONFLICT_TAG = '导入的不同版本';

export interface MergeConflict {
  local: Annotation;
  incoming: Annotation;
  /** The incoming version as stored beside the local one. */
  copy: Annotation;
}

export interface MergeResult {
  /** What must be written: new annotations, those the incoming copy replaces, and copies kept beside a different local version. */
  toWrite: Annotation[];
  added: number;
  updated: number;
  unchanged: number;
  /** Both sides changed what the user wrote or marked: the local version stays, the incoming one is kept as a copy. */
  conflicts: MergeConflict[];
}

/** What the user made of an annotation (not where re-anchoring placed it, nor when). */
function userContent(a: Annotation): string {
  return JSON.stringify([a.motivation, noteOf(a), tagsOf(a), a['policyReader:colour'] ?? null, quoteOf(a)?.exact ?? a.target['policyReader:opening'] ?? null]);
}

/** 32-bit FNV-1a of `text`, starting from `seed`. */
function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** A urn:uuid derived from `seed` (the same seed, the same id): importing the same file twice adds one copy, not two. */
export function derivedId(seed: string): string {
  const hex = [0x811c9dc5, 0x01234567, 0x89abcdef, 0x5bd1e995].map((s) => fnv1a(seed, s).toString(16).padStart(8, '0')).join('');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function conflictCopy(incoming: Annotation): Annotation {
  const tags = tagsOf(incoming).includes(CONFLICT_TAG) ? [] : [{ type: 'TextualBody' as const, purpose: 'tagging' as const, value: CONFLICT_TAG }];
  return { ...incoming, id: derivedId(`${incoming.id} ${incoming.modified} ${userContent(incoming)}`), body: [...incoming.body, ...tags] };
}

/**
 * Merges by id (ids compare without case):
 * - an unknown id is added;
 * - a known id whose incoming `modified` is not later is left as it is;
 * - a later incoming version replaces the local one only when the user's own
 *   content (note, tags, colour, quote) is the same, i.e. only re-anchoring
 *   differs. When that content differs, the local version is kept and the
 *   incoming one is stored beside it as a copy tagged CONFLICT_TAG: a wrong
 *   clock on either machine cannot make an import overwrite a local edit.
 * Importing the same file twice adds nothing.
 */
export function mergeAnnotations(
  existing: readonly Annotation[],
  incoming: readonly Annotation[],
  /** Ids stored but not passed in `existing` (the database reads only the rows an import names). */
  isStored: (id: string) => boolean = () => false,
): MergeResult {
  const have = new Map<string, Annotation>(existing.map((a) => [a.id.toLowerCase(), a]));
  const out: MergeResult = { toWrite: [], added: 0, updated: 0, unchanged: 0, conflicts: [] };
  for (const a of incoming) {
    const old = have.get(a.id.toLowerCase());
    if (!old) {
      out.added++;
      out.toWrite.push(a);
      have.set(a.id.toLowerCase(), a);
    } else if (Date.parse(a.modified) <= Date.parse(old.modified)) {
      out.unchanged++;
    } else if (userContent(a) === userContent(old)) {
      out.updated++;
      const replaced = old.id === a.id ? a : { ...a, id: old.id };
      out.toWrite.push(replaced);
      have.set(a.id.toLowerCase(), replaced);
    } else {
      const copy = conflictCopy(a);
      if (have.has(copy.id) || isStored(copy.id)) {
        out.unchanged++;
        continue;
      }
      out.conflicts.push({ local: old, incoming: a, copy });
      out.toWrite.push(copy);
      have.set(copy.id, copy);
    }
  }
  return out;
}

/**
 * An imported annotation with its corpus stamp cleared, so the next
 * re-anchoring pass checks its quote against the clause before anything
 * shows or exports it as a quotation of that clause.
 */
export function forReanchoring(a: Annotation): Annotation {
  return { ...a, target: { ...a.target, 'policyReader:contentHash': '' } };
}
