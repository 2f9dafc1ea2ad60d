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
} from './model.js';

export function toAnnotationFile(list: readonly Annotation[], now: Date | string): AnnotationFile {
  return {
    format: ANNOTATION_FILE_FORMAT,
    formatVersion: ANNOTATION_FILE_VERSION,
    exported: typeof now === 'string' ? now : now.toISOString(),
    annotations: [...list],
  };
}

/** The file as text (what export writes and backups hold). */
export function serializeAnnotationFile(list: readonly Annotation[], now: Date | string): string {
  return JSON.stringify(toAnnotationFile(list, now), null, 1);
}

export type AnnotationFileErrorCode = 'empty' | 'json' | 'foreign' | 'newer' | 'invalid';

export type ParseResult = { ok: true; file: AnnotationFile } | { ok: false; code: AnnotationFileErrorCode; message: string };

const MOTIVATIONS: readonly Motivation[] = ['bookmarking', 'highlighting', 'commenting'];
const MAX_TEXT = 100_000;

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
      if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (end as number) <= (start as number)) return '位置（start/end）不对';
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

/** Parses and validates a whole annotation file. Nothing is returned unless every entry is valid. */
export function parseAnnotationFile(text: string): ParseResult {
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
  const seen = new Set<string>();
  for (let i = 0; i < v.annotations.length; i++) {
    const a = checkAnnotation(v.annotations[i]);
    if (typeof a === 'string') return fail('invalid', `导入失败：第 ${i + 1} 条标注无效（${a}）。未做任何更改。`);
    if (seen.has(a.id)) return fail('invalid', `导入失败：第 ${i + 1} 条标注的 id 与前面的重复。未做任何更改。`);
    seen.add(a.id);
    annotations.push(a);
  }
  const exported = isDate(v.exported) ? v.exported : new Date(0).toISOString();
  return { ok: true, file: { format: ANNOTATION_FILE_FORMAT, formatVersion: v.formatVersion, exported, annotations } };
}

export interface MergeResult {
  /** What must be written: new annotations and those the incoming copy replaces. */
  toWrite: Annotation[];
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * Merges by id: unknown ids are added; a known id is replaced only when the
 * incoming `modified` is later. Importing the same file twice adds nothing.
 */
export function mergeAnnotations(existing: readonly Annotation[], incoming: readonly Annotation[]): MergeResult {
  const have = new Map(existing.map((a) => [a.id, a]));
  const toWrite: Annotation[] = [];
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const a of incoming) {
    const old = have.get(a.id);
    if (!old) {
      added++;
      toWrite.push(a);
      have.set(a.id, a);
    } else if (Date.parse(a.modified) > Date.parse(old.modified)) {
      updated++;
      toWrite.push(a);
      have.set(a.id, a);
    } else {
      unchanged++;
    }
  }
  return { toWrite, added, updated, unchanged };
}
