/**
 * Text lines of a PDF page from pdf.js text items, in the shape the corpus
 * pipeline reads (the raw format: one printed line per line, blank lines
 * where the page leaves a paragraph gap, leading ideographic spaces where a
 * line is indented). Pure: the caller runs pdf.js (`page.getTextContent()`)
 * and passes the items with their positions; nothing here touches the DOM,
 * Node or pdf.js itself, so the build, a worker and tests share it.
 *
 *   const lines = pageLines(items)              // one page
 *   const raw = toRawText([lines1, lines2, …])  // '# Page 1:\n…'
 */

/** What pdf.js gives per text item (`TextItem`): the string and its text matrix. */
export interface PdfTextItem {
  str: string;
  /** [a, b, c, d, e, f]: e/f are x/y of the baseline start (PDF units, y up); d is the font size for upright text. */
  transform: number[];
  width: number;
  height: number;
}

export interface PageLinesOptions {
  /** A vertical gap larger than this many line pitches (of the lines' font size) is a blank line (paragraph gap). Default 1.4. */
  blankGap?: number;
}

interface Piece {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

interface Row {
  y: number;
  size: number;
  pieces: Piece[];
}

/**
 * Fonts map some CJK glyphs to Kangxi radicals (U+2F00–U+2FD5) or CJK radical
 * supplement code points (⺠ U+2EA0) in their ToUnicode tables, so pdf.js
 * reports 人民 as ⼈⺠. NFKC folds the Kangxi block; the supplement has no
 * decomposition, so its simplified-Chinese forms are listed.
 */
const RADICAL_SUPPLEMENT: Record<string, string> = {
  '⺠': '民', '⺟': '母', '⺩': '王', '⻄': '西', '⻅': '见', '⻉': '贝', '⻋': '车', '⻓': '长', '⻔': '门', '⻘': '青',
  '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟',
  '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟', '⻆': '角', '⻁': '虎',
};

/**
 * Glyphs a CJK font shares between a simplified character and its traditional
 * twin; the ToUnicode table then names the lower code point (户 U+6237 comes
 * out as 戶 U+6236). Folded only on a page written in simplified characters,
 * so a traditional text keeps its own.
 */
const SHARED_GLYPH: Record<string, string> = { 戶: '户' };
const SIMPLIFIED_ONLY = /[这们国发为说时对会经过们关门车东见]/;

export function foldRadicals(s: string): string {
  return s.replace(/[\u2E80-\u2EFF\u2F00-\u2FDF]/g, (c) => RADICAL_SUPPLEMENT[c] ?? c.normalize('NFKC'));
}

function foldSharedGlyphs(lines: string[]): string[] {
  if (!lines.some((l) => SIMPLIFIED_ONLY.test(l))) return lines;
  return lines.map((l) => l.replace(/[戶]/g, (c) => SHARED_GLYPH[c] ?? c));
}

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

const CJK = /[\u3000-\u303F\u3400-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/;

/** Join the pieces of one row left to right; a gap of a third of a character or more between two pieces is a space (ideographic between CJK, ASCII otherwise). */
function joinRow(row: Row): string {
  const ps = row.pieces.sort((a, b) => a.x - b.x);
  let out = '';
  let end = -Infinity;
  for (const p of ps) {
    const gap = p.x - end;
    if (out && gap > p.size * 0.33) {
      const prev = out[out.length - 1];
      const next = p.str[0];
      const wide = CJK.test(prev) && CJK.test(next);
      const n = Math.max(1, Math.round(gap / p.size));
      out += wide ? '\u3000'.repeat(Math.min(n, 4)) : ' ';
    }
    out += p.str;
    end = Math.max(end, p.x + p.w);
  }
  return out;
}

/**
 * The lines of one page, top to bottom. Items on one baseline (within half a
 * font size) form a line; a line that starts one character or more right of
 * the page's text margin gets that many ideographic spaces (capped at 4), as
 * an indented paragraph start is typed; centred lines start further in and
 * get the cap.
 */
export function pageLines(items: readonly PdfTextItem[], opts: PageLinesOptions = {}): string[] {
  const pieces: Piece[] = [];
  for (const it of items) {
    const str = foldRadicals(it.str).replace(/[\s\u3000]+$/g, '');
    if (!str.trim()) continue;
    const size = Math.abs(it.transform[3]) || Math.abs(it.transform[0]) || it.height || 10;
    pieces.push({ str, x: it.transform[4], y: it.transform[5], w: it.width, size });
  }
  if (!pieces.length) return [];
  pieces.sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Row[] = [];
  for (const p of pieces) {
    const row = rows.find((r) => Math.abs(r.y - p.y) <= Math.min(r.size, p.size) * 0.5);
    if (row) {
      row.pieces.push(p);
      row.size = Math.max(row.size, p.size);
    } else rows.push({ y: p.y, size: p.size, pieces: [p] });
  }
  rows.sort((a, b) => b.y - a.y);
  // Line pitch per font size: a title set large with wide leading has its own, so its wrapped lines are not paragraphs apart.
  const key = (size: number) => Math.round(size * 2) / 2;
  const gaps = new Map<number, number[]>();
  const all: number[] = [];
  for (let i = 1; i < rows.length; i++) {
    const d = rows[i - 1].y - rows[i].y;
    if (d <= 0) continue;
    all.push(d);
    if (key(rows[i - 1].size) === key(rows[i].size)) gaps.set(key(rows[i].size), [...(gaps.get(key(rows[i].size)) ?? []), d]);
  }
  const sizes = rows.map((r) => r.size);
  const bodyPitch = median(all) || median(sizes) * 1.5;
  const pitchOf = (size: number) => (gaps.get(key(size))?.length ? median(gaps.get(key(size))!) : (bodyPitch * size) / (median(sizes) || size));
  // The text margin is where full lines start: a centred title or a short last line says nothing about it.
  const spans = rows.map((r) => ({ x0: Math.min(...r.pieces.map((p) => p.x)), x1: Math.max(...r.pieces.map((p) => p.x + p.w)) }));
  const widest = Math.max(...spans.map((s) => s.x1 - s.x0));
  const left = Math.min(...spans.filter((s) => s.x1 - s.x0 >= widest * 0.6).map((s) => s.x0));
  const blankGap = opts.blankGap ?? 1.4;
  const lines: string[] = [];
  rows.forEach((r, i) => {
    if (i > 0 && rows[i - 1].y - r.y > Math.min(pitchOf(rows[i - 1].size), pitchOf(r.size)) * blankGap) lines.push('');
    const x0 = spans[i].x0;
    const indent = Math.round((x0 - left) / r.size);
    lines.push('\u3000'.repeat(Math.min(Math.max(indent, 0), 4)) + joinRow(r));
  });
  return foldSharedGlyphs(lines);
}

/** Pages' lines → the raw corpus format, each page under its `# Page N:` marker (N from 1). */
export function toRawText(pages: readonly string[][]): string {
  return pages.map((lines, i) => `# Page ${i + 1}:\n${lines.join('\n')}\n`).join('');
}
