/**
 * The user's own files as listed in an annotation backup or export (the
 * optional `userFiles` field). The bytes stay in the user library; the listing
 * says which files the annotations on user documents (`u…` ids) belong to, so
 * a backup restored on another computer can name the files to re-import.
 */
import type { Annotation } from './model.js';

export interface ListedUserFile {
  /** The original file name, as the user imported it. */
  name: string;
  /** SHA-256 of the original bytes, lowercase hex: the user library's key. */
  sha256: string;
  size: number;
  /** ISO date-time of the import. */
  importedAt: string;
  /** The documents built from the file (titles as the user corrected them). */
  documents: { id: string; title: string }[];
}

/** More would not be a user's library but a malformed file. */
export const MAX_LISTED_FILES = 100_000;
const MAX_DOCS_PER_FILE = 10_000;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

function checkOne(v: unknown): ListedUserFile | string {
  if (!isObj(v)) return '不是对象';
  if (!isStr(v.name, 1000) || !v.name) return '缺少文件名（name）';
  if (typeof v.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(v.sha256)) return '校验值（sha256）不是 64 位十六进制';
  if (!Number.isSafeInteger(v.size) || (v.size as number) < 0) return '大小（size）不是非负整数';
  if (!isStr(v.importedAt, 64) || Number.isNaN(Date.parse(v.importedAt))) return '导入时间（importedAt）不是有效日期';
  if (!Array.isArray(v.documents) || v.documents.length > MAX_DOCS_PER_FILE) return '文档列表（documents）不是列表';
  const documents: ListedUserFile['documents'] = [];
  for (const d of v.documents) {
    if (!isObj(d) || !isStr(d.id, 200) || !d.id || !isStr(d.title, 2000)) return '文档的 id 或标题格式不对';
    documents.push({ id: d.id, title: d.title });
  }
  return { name: v.name, sha256: v.sha256, size: v.size as number, importedAt: v.importedAt, documents };
}

/** Validates the whole listing; a string says what is wrong and where (in Chinese). */
export function checkUserFiles(v: unknown): ListedUserFile[] | string {
  if (!Array.isArray(v) || v.length > MAX_LISTED_FILES) return '“我的文件”列表（userFiles）不是列表';
  const out: ListedUserFile[] = [];
  for (let i = 0; i < v.length; i++) {
    const f = checkOne(v[i]);
    if (typeof f === 'string') return `“我的文件”列表第 ${i + 1} 项无效（${f}）`;
    out.push(f);
  }
  return out;
}

/**
 * The listed files that some of `annotations` are on and that the current
 * user library does not hold (by SHA-256): the files to re-import. Their
 * annotations stay under 未能定位 until then.
 */
export function missingAnnotatedFiles(listed: readonly ListedUserFile[], annotations: readonly Annotation[], presentHashes: Iterable<string>): ListedUserFile[] {
  const present = new Set(presentHashes);
  const annotatedDocs = new Set(annotations.map((a) => a.target['policyReader:document'].id));
  return listed.filter((f) => !present.has(f.sha256) && f.documents.some((d) => annotatedDocs.has(d.id)));
}

/** The sentence the restore offer and the import result add; null when nothing is missing. */
export function missingFilesMessage(missing: readonly ListedUserFile[]): string | null {
  if (!missing.length) return null;
  const names = missing.map((f) => {
    const titles = f.documents.map((d) => `《${d.title || '（无标题）'}》`).join('');
    return titles ? `${titles}（${f.name}）` : f.name;
  });
  return `备份中有 ${missing.length} 个我的文件的标注：${names.join('、')}；请重新导入这些文件，在此之前其标注列于“未能定位”。`;
}
