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
 */
import { DATABASE_FIELDS, DATABASE_NUMBER_FIELDS, DATABASE_TITLE_FIELDS } from './patterns.js';
import type { Line } from './lines.js';

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
