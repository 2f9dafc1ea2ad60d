/**
 * The fields a legal database prints above a text it holds, copied or printed with it:
 *
 *   【法规标题】关于印发《会计师事务所财务管理暂行办法》的通知
 *   【发布日期】2010-06-13      【发文机关】财政部
 *   【文号】财会[2010]14号      【行业分类】
 *   【效力状态】现行有效         【效力级别】
 *   【全文】
 *
 * The title and the 文号 are the document's own (it often prints neither again): their lines become the
 * title's and the 文号's, as the document would print them. The other fields are the database's (its dates
 * and statuses, not the document's), dropped as its provenance. Printed in a narrow column a label breaks
 * (【法规标 | 题】): its second half is put back. Only at the head of a file, and only where two fields or more
 * are printed: one bracketed word inside a text is the text's.
 *
 * A government site's information table (gov.cn's 索引号, 主题分类, 发文机关, 成文日期, 标题, 发文字号, 发布日期,
 * 主题词), above a document that prints its own title and 文号, is the site's: dropped whole (pageTable).
 */
import { DATABASE_FIELDS, DATABASE_NUMBER_FIELDS, DATABASE_TITLE_FIELDS } from './patterns.js';
import { type Line, isBlank } from './lines.js';

/** How far into a file its fields may be printed (lines, blank ones counted). */
const HEAD_LINES = 40;

const FIELD = new RegExp(`【(${DATABASE_FIELDS.join('|')})】`, 'g');
const LEADING_FIELD = new RegExp(`^\\s*${FIELD.source}`);
/** A label broken by a narrow column: its first half on the line (【法规标 …), the rest alone on a line below (题】). */
const LABEL_START = /【([\u4e00-\u9fa5]{1,5})(?=\s|$)/;
const LABEL_END = /^\s*([\u4e00-\u9fa5]{1,5})】\s*$/;

export interface DatabaseFields {
  /** The lines, the title's and the 文号's with their text only. */
  lines: Line[];
  /** Indexes of the lines that were the database's (its other fields, a broken label's second half). */
  dropped: number[];
}

export function readDatabaseFields(input: Line[]): DatabaseFields {
  const table = pageTable(input);
  if (table.length) return { lines: input, dropped: table };
  const head = Math.min(input.length, HEAD_LINES);
  const text = input.slice(0, head).map((l) => l.text);
  const dropped = new Set<number>();
  // A broken label made whole again, its second half dropped.
  for (let i = 0; i < head; i++) {
    const start = LABEL_START.exec(text[i]);
    if (!start) continue;
    for (let k = i + 1; k <= i + 3 && k < head; k++) {
      const end = LABEL_END.exec(text[k]);
      if (!end || dropped.has(k) || !DATABASE_FIELDS.includes(start[1] + end[1])) continue;
      text[i] = text[i].replace(LABEL_START, `【${start[1]}${end[1]}】`);
      dropped.add(k);
      break;
    }
  }
  const fieldLines = text.map((t, i) => (!dropped.has(i) && LEADING_FIELD.test(t) ? i : -1)).filter((i) => i >= 0);
  const labels = new Set(fieldLines.flatMap((i) => [...text[i].matchAll(FIELD)].map((m) => m[1])));
  if (labels.size < 2) return { lines: input, dropped: [] };

  const lines = input.slice();
  for (const i of fieldLines) {
    const fields = [...text[i].matchAll(FIELD)].map((m, k, all) => ({
      label: m[1],
      value: text[i].slice(m.index! + m[0].length, k + 1 < all.length ? all[k + 1].index : undefined).replace(/[\s\u00a0]+/g, ' ').trim(),
    }));
    const own = fields.find((f) => f.value && DATABASE_TITLE_FIELDS.includes(f.label)) ?? fields.find((f) => f.value && DATABASE_NUMBER_FIELDS.includes(f.label));
    if (own) lines[i] = { ...input[i], text: own.value };
    else dropped.add(i);
  }
  return { lines, dropped: [...dropped].sort((a, b) => a - b) };
}

/** The information table's labels (gov.cn's, and the names other sites give the same fields). */
const TABLE_LABELS = ['索引号', '信息索引号', '主题分类', '发文机关', '发布机构', '成文日期', '生成日期', '标题', '发文字号', '发布日期', '主题词', '公开方式'];
/** The labels' ends that a narrow column left on lines of their own (号：, 关： 期：). */
const LABEL_TAILS = /^(?:[\u4e00-\u9fa5]{1,3}[：:])+$/;

/**
 * The lines of a government site's information table at the head of a file: from a line that opens with 索引号 (or
 * the start of it, 索 引 | 号：, as a printed cell breaks it), as long as each line opens with one of the table's
 * labels, or the start of one, or is only the ends of labels. Three labels at least, or it is not the table.
 * Printed, the table's second column may come out after the document's title (pdftotext reads it later): a run of
 * rows in the next few lines that opens two labels the table has not, is the rest of it.
 */
export function pageTable(input: Line[]): number[] {
  const content = input.map((l, i) => (isBlank(l) ? -1 : i)).filter((i) => i >= 0);
  const start = content.slice(0, 10).findIndex((i) => /^(?:信息)?索引/.test(compact(input[i].text)));
  if (start < 0) return [];
  const text = (n: number) => compact(input[content[n]]?.text ?? '');
  const table = tableRows(text, start, new Set());
  if (table.seen.size < 3) return [];
  const rows = table.rows.map((n) => content[n]);
  const after = table.rows[table.rows.length - 1] + 1;
  for (let n = after; n < Math.min(after + SECOND_COLUMN_WITHIN, content.length); n++) {
    const more = tableRows(text, n, table.seen);
    if (more.seen.size < 2) continue;
    rows.push(...more.rows.map((k) => content[k]));
    break;
  }
  return rows;
}

/** Lines after the table within which its second column may be printed (the document's title in between). */
const SECOND_COLUMN_WITHIN = 8;

/**
 * The rows of the table from content line `from` (indexes of `text`), and the labels they open that `known` does not
 * have: a run of rows each opening a new label, or the start of one, or ending one, or a value between.
 */
function tableRows(text: (n: number) => string, from: number, known: ReadonlySet<string>): { rows: number[]; seen: Set<string> } {
  const rows: number[] = [];
  const seen = new Set<string>();
  /** The rest of a label a row began without its colon (标 | 题：…), and how many rows of its value may come first. */
  let rest = '';
  let valueRows = 0;
  for (let n = from; text(n) !== ''; n++) {
    const t = text(n);
    // 标, alone or with the title beside it, opens 标题 when a row within the next two begins with 题：.
    const title = t.startsWith('标') && [1, 2].some((d) => opensField(text(n + d), '题'));
    // The label it opens most of: 发文字 opens 发文字号, though 发文机关 starts with 发文 too.
    const open = TABLE_LABELS.filter((label) => !known.has(label))
      .map((label) => ({ label, length: opened(t, label) || (label === '标题' && title ? 1 : 0) }))
      .reduce<{ label: string; length: number } | undefined>((best, o) => (o.length > (best?.length ?? 0) ? o : best), undefined);
    const ended = rest !== '' && opensField(t, rest);
    // A value wrapped in its cell, printed between a label's start and its end (标 | 国务院办公厅关于… | 题： 会的复函).
    const value = rest !== '' && !open && !ended && valueRows > 0 && [1, 2].some((d) => opensField(text(n + d), rest));
    if (!open && !ended && !value && !(rows.length && LABEL_TAILS.test(t))) break;
    rows.push(n);
    if (value) {
      valueRows--;
      continue;
    }
    if (open) seen.add(open.label);
    rest = open && open.length <= open.label.length ? open.label.slice(open.length) : '';
    valueRows = 1;
  }
  return { rows, seen };
}

/** Whether a row opens with a field's name and its colon. */
const opensField = (t: string, name: string) => t.startsWith(`${name}：`) || t.startsWith(`${name}:`);

/**
 * How much of `label` a row opens with: the whole label and its colon (its length + 1), else the longest start of two
 * characters or more that a narrow cell broke off (索引 of 索引号), else 0.
 */
function opened(t: string, label: string): number {
  if (opensField(t, label)) return label.length + 1;
  for (let k = label.length - 1; k >= 2; k--) if (t.startsWith(label.slice(0, k))) return k;
  return 0;
}

const compact = (s: string) => s.replace(/[\s\u3000]+/g, '');
