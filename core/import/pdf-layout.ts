/**
 * pdf.js text items (strings with their position) → the lines of each page,
 * in reading order, as the corpus's raw files have them (`# Page N:` then one
 * printed line per line). A PDF has no lines, only runs of glyphs placed on
 * the page: a run is on the same line as another when their baselines are
 * within half a character height; a horizontal gap wider than a character
 * (between table cells, a tab) becomes one space. Top to bottom, left to
 * right: a running header comes first and a page-number footer last, where
 * the furniture stage expects them.
 */
import { repairPdfGlyphs } from './glyphs.js';

export interface PdfTextItem {
  str: string;
  /** Left edge and baseline, in PDF units (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** Font size (character height) in PDF units. */
  size: number;
}

/** pdf.js `TextItem.transform` is [a, b, c, d, e, f]: e/f the origin, the scale the font size. */
export function itemFromPdfJs(it: { str: string; transform: number[]; width: number; height: number }): PdfTextItem {
  const [, , c, d, e, f] = it.transform;
  return { str: it.str, x: e, y: f, width: it.width, size: Math.hypot(c, d) || it.height || 1 };
}

interface Row {
  y: number;
  size: number;
  items: PdfTextItem[];
}

export function pageLines(items: readonly PdfTextItem[]): string[] {
  const visible = items.filter((it) => it.str.trim() !== '');
  const sorted = [...visible].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Row[] = [];
  for (const it of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row.y - it.y) <= Math.min(row.size, it.size) * 0.5) {
      row.items.push(it);
      row.size = Math.max(row.size, it.size);
    } else rows.push({ y: it.y, size: it.size, items: [it] });
  }
  return rows.map((row) => {
    const runs = row.items.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const it of runs) {
      if (text && it.x - end > Math.min(it.size, row.size) * 0.9) text += ' ';
      text += it.str;
      end = Math.max(end, it.x + it.width);
    }
    return repairPdfGlyphs(text.replace(/\s+$/u, ''));
  });
}

/** Pages of lines → the raw text format the corpus pipeline reads (1-based `# Page N:` markers). */
export function rawFromPages(pages: readonly string[][]): string {
  return pages.map((lines, i) => `# Page ${i + 1}:\n${lines.join('\n')}\n`).join('\n');
}
