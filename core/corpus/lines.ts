/**
 * Raw text → numbered lines with the page each came from. `# Page N:` markers
 * are consumed here so no later stage ever sees them.
 */

export interface Line {
  /** 1-based line number in the raw file. */
  no: number;
  /** Text with trailing white space removed (leading space is kept: it marks a new PDF text box). */
  text: string;
  /** Page from the last `# Page N:` marker (or pdftotext's form feed), or null when the file has none. */
  page: number | null;
}

const PAGE_MARKER = /^\s*#\s*Page\s+(\d+)\s*:?\s*$/i;

/** Lines longer than this are not prose from a PDF page; they are split so the parser stays linear. */
export const MAX_LINE_CHARS = 4000;

/** A page marker is a short line; longer lines are not tried against the pattern. */
const MAX_MARKER_CHARS = 64;

/**
 * `splitLines` counts raw lines longer than MAX_LINE_CHARS: their pieces keep
 * the raw line's number, so line numbers stay true to the raw file. Lines are
 * found with indexOf and cut as slices of `text`, so a raw line of 100 million
 * characters is never copied, trimmed or matched whole: only its pieces are
 * made (trailing white space is found by walking back from its end).
 */
export function toLines(text: string): { lines: Line[]; hasPages: boolean; splitLines: number } {
  const lines: Line[] = [];
  // pdftotext's own output (without -nopgbrk) marks each new page with a form feed at the start of its first line:
  // pages counted from 1, and the form feed is no part of the line (as white space it read as an indent).
  const formFeeds = text.includes('\f');
  let page: number | null = formFeeds ? 1 : null;
  let hasPages = formFeeds;
  let splitLines = 0;
  for (let start = 0, no = 1; start <= text.length; no++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const next = end + 1;
    while (formFeeds && start < end && text[start] === '\f') {
      page = (page ?? 0) + 1;
      start++;
    }
    if (end - start <= MAX_MARKER_CHARS) {
      const m = PAGE_MARKER.exec(text.slice(start, end));
      if (m) {
        page = Number(m[1]);
        hasPages = true;
        start = next;
        continue;
      }
    }
    let stop = end;
    while (stop > start && TRAILING_SPACE.test(text[stop - 1])) stop--;
    if (stop - start <= MAX_LINE_CHARS) lines.push({ no, text: text.slice(start, stop), page });
    else {
      splitLines++;
      for (let k = start; k < stop; k += MAX_LINE_CHARS) lines.push({ no, text: text.slice(k, Math.min(k + MAX_LINE_CHARS, stop)), page });
    }
    start = next;
  }
  rejoinYears(lines);
  return { lines, hasPages, splitLines };
}

/** A date without its year (年12月4日), and a year alone on a line (2018). */
const YEARLESS_DATE = /^(\s*)(年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)$/;
const YEAR_ALONE = /^\s*((?:19|20)\d{2})$/;

/**
 * A signature's date whose year pdftotext read after it, as gov.cn's printed pages set the year apart (年12月4日 |
 * 2018, a blank line between or not): the year goes back in front of it, and its own line is left empty (line
 * numbers kept).
 */
function rejoinYears(lines: Line[]): void {
  for (let i = 0; i < lines.length; i++) {
    const date = YEARLESS_DATE.exec(lines[i].text);
    if (!date) continue;
    // The next line with text (lines are trimmed at the end: a blank one is empty), if three lines down at most.
    let k = i + 1;
    while (k < lines.length && lines[k].text === '') k++;
    const year = k < lines.length && k - i <= 3 ? YEAR_ALONE.exec(lines[k].text) : null;
    if (!year) continue;
    lines[i] = { ...lines[i], text: date[1] + year[1] + date[2] };
    lines[k] = { ...lines[k], text: '' };
  }
}

/**
 * Trailing white space, tested one UTF-16 unit at a time (all of it is in the
 * BMP). Zero-width spaces and BOMs (a line pdf.js leaves with only U+200B)
 * are white space too.
 */
const TRAILING_SPACE = /[\s\u3000\u200b\ufeff]/;

export const isBlank = (l: Line) => l.text.trim() === '';

/** Display width in "CJK character" units: half-width characters count as half. */
export function displayWidth(s: string): number {
  const t = s.trim();
  let w = 0;
  // By code unit (iterating the string by code point was most of the parse's width measuring); a surrogate pair is one character.
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 0x2000) w += 0.5;
    else {
      w += 1;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length && (t.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    }
  }
  return w;
}

/**
 * Typical full line width of a block of text: lines are wrapped at the page
 * width, so the upper quantile of line widths is the wrap width.
 */
export function typicalWidth(lines: Line[]): number {
  const widths = lines.map((l) => displayWidth(l.text)).filter((w) => w >= 8).sort((a, b) => a - b);
  if (widths.length < 5) return 40;
  return widths[Math.floor(widths.length * 0.8)];
}
