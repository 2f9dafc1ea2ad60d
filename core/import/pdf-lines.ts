/**
 * Text lines of a PDF page from pdf.js text items — the one line joiner of
 * the app's import (core/import/extract.ts) and the real-text extraction
 * (scripts/realtext/extract.ts). A PDF has no lines, only runs of glyphs
 * placed on the page: a run is on the same line as another when their
 * baselines are within half a character height; lines come top to bottom,
 * runs left to right, so a running header comes first and a page-number
 * footer last, where the furniture stage expects them. Pure: the caller runs
 * pdf.js (`page.getTextContent()`) and passes the items with their positions;
 * nothing here touches the DOM, Node or pdf.js itself.
 *
 * Two ways to set the lines down (`layout`):
 *  - 'paragraphs' (default): blank lines where the page leaves a paragraph
 *    gap, leading ideographic spaces where a line is indented, an ideographic
 *    space for a gap between CJK runs — the raw format the corpus's
 *    paragraph stage reads best (the real-text set).
 *  - 'lines': one printed line per line, nothing added but one ASCII space
 *    for a gap wider than a character (table cells); the app's import, whose
 *    answer-key checks (cli/import.test.ts) expect exactly the printed lines.
 *
 *   const lines = pageLines(items)              // one page
 *   const raw = toRawText([lines1, lines2, …])  // '# Page 1:\n…'
 */
import { repairPdfGlyphs, repairSharedGlyphs } from './glyphs.js';

/** What pdf.js gives per text item (`TextItem`): the string and its text matrix. */
export interface PdfTextItem {
  str: string;
  /** [a, b, c, d, e, f]: e/f are x/y of the baseline start (PDF units, y up); the scale is the font size. */
  transform: number[];
  width: number;
  height: number;
}

/** A text run placed on the page: left edge and baseline in PDF units (y grows upwards), font size. */
export interface PlacedText {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export interface PageLinesOptions {
  /** See the module comment. Default 'paragraphs'. */
  layout?: 'paragraphs' | 'lines';
  /** 'paragraphs' only: a vertical gap larger than this many line pitches (of the lines' font size) is a blank line. Default 1.4. */
  blankGap?: number;
}

interface Row {
  y: number;
  size: number;
  pieces: PlacedText[];
}

/** pdf.js `TextItem.transform` is [a, b, c, d, e, f]: e/f the origin, the scale the font size. */
export function placeText(it: PdfTextItem): PlacedText {
  const [a, , c, d, e, f] = it.transform;
  return { str: it.str, x: e, y: f, width: it.width, size: Math.hypot(c, d) || Math.abs(a) || it.height || 10 };
}

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

const CJK = /[\u3000-\u303F\u3400-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/;

/** Runs whose baselines are within half a character height share a row; rows top to bottom, runs left to right. */
function groupRows(pieces: readonly PlacedText[]): Row[] {
  const sorted = [...pieces].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Row[] = [];
  for (const p of sorted) {
    const row = rows.find((r) => Math.abs(r.y - p.y) <= Math.min(r.size, p.size) * 0.5);
    if (row) {
      row.pieces.push(p);
      row.size = Math.max(row.size, p.size);
    } else rows.push({ y: p.y, size: p.size, pieces: [p] });
  }
  rows.sort((a, b) => b.y - a.y);
  for (const r of rows) r.pieces.sort((a, b) => a.x - b.x);
  return rows;
}

/**
 * Join the runs of one row left to right. 'paragraphs': a gap of a third of a
 * character or more is a space (ideographic between CJK, as many as the gap
 * holds up to 4; ASCII otherwise). 'lines': a gap wider than a character is
 * one ASCII space (table cells, a tab).
 */
function joinRow(row: Row, paragraphs: boolean): string {
  let out = '';
  let end = -Infinity;
  for (const p of row.pieces) {
    const gap = p.x - end;
    if (paragraphs) {
      if (out && gap > p.size * 0.33) {
        const wide = CJK.test(out[out.length - 1]) && CJK.test(p.str[0]);
        const n = Math.max(1, Math.round(gap / p.size));
        out += wide ? '\u3000'.repeat(Math.min(n, 4)) : ' ';
      }
    } else if (out && gap > Math.min(p.size, row.size) * 0.9) out += ' ';
    out += p.str;
    end = Math.max(end, p.x + p.width);
  }
  return out.replace(/\s+$/u, '');
}

/**
 * The lines of one page, top to bottom. In 'paragraphs' layout a line that
 * starts one character or more right of the page's text margin gets that many
 * ideographic spaces (capped at 4), as an indented paragraph start is typed;
 * centred lines start further in and get the cap.
 */
export function pageLines(items: readonly PdfTextItem[], opts: PageLinesOptions = {}): string[] {
  return placedLines(items.map(placeText), opts);
}

/** pageLines for runs already placed (see placeText). */
export function placedLines(placed: readonly PlacedText[], opts: PageLinesOptions = {}): string[] {
  const paragraphs = (opts.layout ?? 'paragraphs') === 'paragraphs';
  const pieces: PlacedText[] = [];
  for (const it of placed) {
    // 'lines' keeps a run's own trailing space (pdf.js puts the space between two words there). 'paragraphs' drops
    // ASCII ones but keeps ideographic spaces: the run's width includes them, so the next run (为了 after 第一条　)
    // follows with no gap and nothing else would put the printed space back. joinRow trims a row's end.
    const str = paragraphs ? repairPdfGlyphs(it.str).replace(/[^\S\u3000]+$/u, '') : repairPdfGlyphs(it.str);
    if (!str.trim()) continue;
    pieces.push({ ...it, str });
  }
  if (!pieces.length) return [];
  const rows = groupRows(pieces);
  if (!paragraphs) return repairSharedGlyphs(rows.map((r) => joinRow(r, false)));
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
  const spans = rows.map((r) => ({ x0: Math.min(...r.pieces.map((p) => p.x)), x1: Math.max(...r.pieces.map((p) => p.x + p.width)) }));
  const widest = Math.max(...spans.map((s) => s.x1 - s.x0));
  const left = Math.min(...spans.filter((s) => s.x1 - s.x0 >= widest * 0.6).map((s) => s.x0));
  const blankGap = opts.blankGap ?? 1.4;
  const lines: string[] = [];
  rows.forEach((r, i) => {
    if (i > 0 && rows[i - 1].y - r.y > Math.min(pitchOf(rows[i - 1].size), pitchOf(r.size)) * blankGap) lines.push('');
    const indent = Math.round((spans[i].x0 - left) / r.size);
    lines.push('\u3000'.repeat(Math.min(Math.max(indent, 0), 4)) + joinRow(r, true));
  });
  return repairSharedGlyphs(lines);
}

/** Pages' lines → the raw corpus format, each page under its `# Page N:` marker (N from 1). */
export function toRawText(pages: readonly string[][]): string {
  return pages.map((lines, i) => `# Page ${i + 1}:\n${lines.join('\n')}\n`).join('');
}
