/**
 * Page furniture: text that the PDF repeats on pages (running headers and
 * footers, page numbers, the publisher's name) and that lands between the
 * lines of the real text when the PDF is extracted.
 *
 * Rules, each general rather than tuned to one file:
 *  1. page-number lines in page-margin position: the first or last line of a
 *     page, or (in files without page markers) a line set off by blank lines;
 *     a lone number inside the text (a table cell 2025) is text;
 *  2. runs of Latin-only short lines in a Chinese file (INFORMATION, WINCON
 *     LAW FIRM, CENTER / FOR / POLICY RESEARCH) that repeat on several pages
 *     or stand apart in the margin: a blank line (or the page edge) after
 *     them and a finished sentence or a blank before; a Latin word inside
 *     the text (a table cell RCEP) is text;
 *  3. in paged files, short lines repeated at the top or bottom of many pages;
 *  4. interruptions: a short block, set off by blank lines, that sits inside
 *     a sentence (the text before it does not end a sentence and the text after
 *     it continues) — a running header printed mid-paragraph. Its title-like
 *     text is kept for title recovery, and its tail after the title (the
 *     publication name, e.g. 政策简讯) is learned, so
 *  5. other short blocks ending in that learned tail are furniture too.
 *  6. a letterhead line (…人民政府办公室文件, or spaced 国 务 院 文 件), wherever extraction put it;
 *  7. the handling marks above it (份号 000123, 机密★1年, 特急) at the head of a page, or right above a letterhead;
 *  8. an export's provenance: a legal database's citation code (【法宝引证码】 CLI.12.1075244) and the address of
 *     the page the text came from (原文链接：https://…), at the head of the file or next to the code;
 *  9. a legal database's fields above the text (【法规标题】…, 【发布日期】…, 【全文】): the title's and the 文号's
 *     lines keep their text only, the others are its provenance (database-fields.ts).
 * A block followed by a byline (李翊  柴恩旺) is not furniture but the title of
 * a signed article printed after its first paragraphs.
 * Every removed line is returned with its rule, so the build can count them.
 */
import { ATTACHMENT_LABEL, BYLINE, CITATION_CODE_LINE, COPY_NUMBER_LINE, DATE_LINE, DOC_NUMBER, KIND_WORDS, LATIN_ONLY, NAMES_MATTER, NOTE_LINE, PAGE_NUMBER, QR_CAPTION_LINE, SECRECY_LINE, SOURCE_LINK_LINE, URGENCY_LINE, endsLikeTitle, endsTerminal, isOrgLine } from './patterns.js';
import { isLawMetaText, opensLawMeta } from './law-meta.js';
import { type Line, displayWidth, isBlank, typicalWidth } from './lines.js';
import { readDatabaseFields } from './database-fields.js';
import { isOrderHeading } from './orders.js';

export type RemovedKind = 'page-number' | 'latin' | 'page-repeat' | 'running-header' | 'trailing-title' | 'byline' | 'letterhead' | 'head-mark' | 'provenance';

export interface Removed {
  kind: RemovedKind;
  lines: Line[];
  /** Block text joined without line breaks. */
  text: string;
}

export interface FurnitureResult {
  /** Lines with furniture removed (blank lines kept: paragraph joining reads them). */
  lines: Line[];
  removed: Removed[];
}

interface Block {
  start: number; // index into lines
  end: number; // exclusive
}

function blocksOf(lines: Line[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    if (isBlank(lines[i])) {
      i++;
      continue;
    }
    const start = i;
    while (i < lines.length && !isBlank(lines[i]) && (i === start || lines[i].page === lines[i - 1].page)) i++;
    blocks.push({ start, end: i });
  }
  return blocks;
}

const isHeadMark = (t: string) => SECRECY_LINE.test(t) || URGENCY_LINE.test(t) || COPY_NUMBER_LINE.test(t);

const STRUCTURAL_START = /^\s*(第[一二三四五六七八九十百零〇]+[编章节条]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.、．]|[（(]\d+[）)]|[\u3220-\u3229\u2474-\u2487]|附件)/;

export function removeFurniture(lines: Line[]): FurnitureResult {
  // Rule 9 first: a database's fields above the text, its title and 文号 lines given their text only (database-fields.ts).
  const fields = readDatabaseFields(lines);
  const input = fields.lines;
  const removedIdx = new Map<number, RemovedKind>();
  const removed: Removed[] = [];
  const width = typicalWidth(input);
  const isShort = (l: Line) => displayWidth(l.text) < width * 0.75;
  const mark = (idxs: number[], kind: RemovedKind) => {
    idxs.forEach((i) => removedIdx.set(i, kind));
    removed.push({ kind, lines: idxs.map((i) => input[i]), text: idxs.map((i) => input[i].text.trim()).join('') });
  };

  if (fields.dropped.length) mark(fields.dropped, 'provenance');

  // Rule 1: page numbers in the margin.
  input.forEach((l, i) => {
    if (!isBlank(l) && PAGE_NUMBER.test(l.text) && inMargin(input, i)) mark([i], 'page-number');
  });
  // Rule 2: Latin-only runs that repeat across pages or stand apart in the margin.
  const isLatin = (i: number) => !isBlank(input[i]) && !removedIdx.has(i) && LATIN_ONLY.test(input[i].text) && input[i].text.trim().split(/\s+/).length <= 5;
  const latinPages = new Map<string, Set<number | null>>();
  input.forEach((l, i) => {
    if (isLatin(i)) latinPages.set(l.text.trim(), (latinPages.get(l.text.trim()) ?? new Set()).add(l.page));
  });
  for (let i = 0; i < input.length; i++) {
    if (!isLatin(i)) continue;
    let j = i;
    while (j + 1 < input.length && isLatin(j + 1) && input[j + 1].page === input[i].page) j++;
    const run = range({ start: i, end: j + 1 });
    const repeats = run.every((k) => (latinPages.get(input[k].text.trim())?.size ?? 0) >= 3);
    const prev = i > 0 ? input[i - 1] : null;
    const next = j + 1 < input.length ? input[j + 1] : null;
    const apartAfter = !next || isBlank(next) || next.page !== input[j].page;
    const apartBefore = !prev || isBlank(prev) || prev.page !== input[i].page || endsTerminal(prev.text) || /^[\s\u3000]/.test(input[i].text);
    if (repeats || (apartAfter && apartBefore)) mark(run, 'latin');
    i = j;
  }

  // Rule 3: the first/last line of each page, repeated on many pages (digits ignored).
  const pageEdges = new Map<string, number[]>();
  const tops = new Set<number>();
  for (let i = 0; i < input.length; i++) {
    const l = input[i];
    if (isBlank(l) || removedIdx.has(i) || l.page === null) continue;
    const prev = prevContent(input, i, removedIdx);
    const next = nextContent(input, i, removedIdx);
    const atTop = prev === -1 || input[prev].page !== l.page;
    const atBottom = next === -1 || input[next].page !== l.page;
    if (!(atTop || atBottom) || !isShort(l) || STRUCTURAL_START.test(l.text)) continue;
    const key = l.text.trim().replace(/\d+/g, '#');
    if (key.length < 2) continue;
    pageEdges.set(key, [...(pageEdges.get(key) ?? []), i]);
    if (atTop) tops.add(i);
  }
  const pages = new Set(input.map((l) => l.page)).size;
  // A file of two pages: the line that tops both (政府公报 over a two-page regulation) is its running header, unless
  // it is an order's heading, which a gazette may print at the top of each of two pages, one order a page.
  const headsBoth = (idxs: number[]) => pages === 2 && idxs.length === 2 && idxs.every((i) => tops.has(i)) && !isOrderHeading(input[idxs[0]].text.trim());
  for (const [, idxs] of pageEdges) if ((idxs.length >= 3 && idxs.length >= pages * 0.2) || headsBoth(idxs)) idxs.forEach((i) => mark([i], 'page-repeat'));
  // Rule 1 again: a page number under a running header (地方性法规汇编 / —1—) is in the margin once the header is gone.
  input.forEach((l, i) => {
    if (!isBlank(l) && !removedIdx.has(i) && PAGE_NUMBER.test(l.text) && inMargin(input, i, removedIdx)) mark([i], 'page-number');
  });

  // Rule 6 (after 3, which counts a letterhead repeated on every page as page-repeat): a one-off letterhead line (余杭区人民政府办公室文件, 中共…委员会文件) on a line of its own,
  // wherever extraction put it (the top of page 2 as often as page 1): the issuing body's banner, not text.
  // A banner set in letter-spaced type (国 务 院 文 件) is the same banner.
  input.forEach((l, i) => {
    const t = l.text.replace(/\s+/g, '');
    // (A title's line that ends in 文件 is no banner: 国务院办公厅关于全面推行行政规范性文件 | 合法性审核机制的指导意见.)
    if (!isBlank(l) && !removedIdx.has(i) && t.length <= 40 && /文件$/.test(t) && isOrgLine(t.slice(0, -2)) && !NAMES_MATTER.test(t)) mark([i], 'letterhead');
  });
  // Rule 7: the handling marks above the banner, a run of them with blank lines between. A lone 特急 may be a table's
  // cell, and six digits a postcode: the run is taken at the head of a page (where the standard prints it) or right
  // above a banner, and a copy number alone only above a banner.
  for (let i = 0; i < input.length; i++) {
    if (isBlank(input[i]) || removedIdx.has(i) || !isHeadMark(input[i].text)) continue;
    const run: number[] = [];
    let j = i;
    for (; j < input.length && input[j].page === input[i].page && (isBlank(input[j]) || isHeadMark(input[j].text)); j++) if (!isBlank(input[j])) run.push(j);
    const atPageHead = !input.slice(0, i).some((l, k) => l.page === input[i].page && !isBlank(l) && !removedIdx.has(k));
    while (j < input.length && isBlank(input[j])) j++;
    const aboveBanner = removedIdx.get(j) === 'letterhead';
    const marked = run.some((k) => !COPY_NUMBER_LINE.test(input[k].text));
    if (aboveBanner || (atPageHead && marked)) mark(run, 'head-mark');
    i = run.at(-1)!;
  }

  // Rule 8: an export's provenance. The citation code is never text; an address is the export's only at the head of
  // the file or next to the code (a notice's own contact lines may end with its site's address).
  // (So is the caption of the page's QR code, wherever the copy puts it.)
  input.forEach((l, i) => {
    if (!isBlank(l) && !removedIdx.has(i) && (CITATION_CODE_LINE.test(l.text) || QR_CAPTION_LINE.test(l.text))) mark([i], 'provenance');
  });
  input.forEach((l, i) => {
    if (isBlank(l) || removedIdx.has(i) || !/https?:\/\/\S+\s*$/.test(l.text)) return;
    // Its label may be printed apart above it: a justified line that held only the label before the unbreakable
    // address, spread over the line (原      文      链      接      ：) or a character a line (原 | 文 | 链 | 接 | ：).
    const run = [i];
    const labelPart = (k: number) => /^[\u4e00-\u9fa5：:\s]+$/.test(input[k].text) && input[k].text.replace(/\s/g, '').length <= 6;
    // (At most a label's six characters and its colon, SOURCE_LINK_LINE's longest.)
    for (let k = prevContent(input, i, removedIdx); k !== -1 && run.length < 8 && labelPart(k); k = prevContent(input, k, removedIdx)) run.unshift(k);
    const line = run.map((k) => input[k].text.replace(/\s/g, '')).join('');
    const at = SOURCE_LINK_LINE.test(line) ? run : SOURCE_LINK_LINE.test(l.text) ? [i] : null;
    if (!at) return;
    const byCode = (k: number) => k !== -1 && CITATION_CODE_LINE.test(input[k].text);
    if (prevContent(input, at[0], removedIdx) === -1 || byCode(prevContent(input, at[0], new Map())) || byCode(nextContent(input, i, new Map()))) mark(at, 'provenance');
  });

  // Rules 4 and 5: blocks set off by blank lines.
  const blocks = blocksOf(input).filter((b) => !range(b).every((i) => removedIdx.has(i)));
  const learnedTails = new Set<string>();
  /** Last lines of blocks taken for titles. */
  const titleEnds = new Set<number>();
  const candidates: Block[] = [];
  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi];
    const idxs = range(b).filter((i) => !removedIdx.has(i));
    if (idxs.length === 0 || idxs.length > 3) continue;
    if (!idxs.every((i) => isShort(input[i]))) continue;
    const text = idxs.map((i) => input[i].text.trim()).join('');
    // (A header part whole, or line by line: a signature over its date, a note over an 附件 label, set off together.)
    if (endsTerminal(text) || STRUCTURAL_START.test(text) || isHeaderPart(text, input, b.end - 1, removedIdx) || idxs.every((i) => isHeaderPart(input[i].text.trim(), input, i, removedIdx))) continue;
    // A header is a title or a publication's name: a block with a finished sentence or a colon in it, or ending
    // mid-sentence (备注：…此表上报区局办公室。联系电话：…，), is the text's own.
    if (/[。！？：]/.test(text) || /[，、,]$/.test(text)) continue;
    candidates.push(b);
    const before = prevContent(input, b.start, removedIdx);
    const after = nextContent(input, b.end - 1, removedIdx);
    if (before === -1 || after === -1) continue;
    // A byline after the block: this is a signed article's title (and the byline).
    const nextBlock = blocks[bi + 1];
    if (nextBlock && BYLINE.test(input[nextBlock.start].text) && nextBlock.end - nextBlock.start === 1) {
      mark(idxs, 'trailing-title');
      mark([nextBlock.start], 'byline');
      bi++;
      continue;
    }
    if (endsTerminal(input[before].text) || STRUCTURAL_START.test(input[after].text) || BYLINE.test(text)) continue;
    // A header interrupts a sentence: a short line standing alone above the block is no sentence but a title's first
    // line (a title over three lines, blank lines between, a web page's) or a list's item (主　任：… | 刘金国　　公安部副部长).
    const beforeBefore = prevContent(input, before, removedIdx);
    const standsAlone = beforeBefore === -1 || before - beforeBefore > 1;
    if (standsAlone && isShort(input[before])) continue;
    // A block followed by a 文号 or a law's metadata is that document's title; so is a block after a 文号,
    // a signature's date, a publication note or an 附件 label (the title of what a notice issues).
    // (Or ends in its 文号, the title's last line and the 文号 set off together at the foot of a gazette's page.)
    if (DOC_NUMBER.test(input[after].text) || opensLawMeta(input[after].text) || DOC_NUMBER.test(input[idxs[idxs.length - 1]].text)) continue;
    // So is a block followed by the end of a title and its 文号 (the middle of a title over three parts, a web page's).
    const afterAfter = nextContent(input, after, removedIdx);
    if (afterAfter !== -1 && isShort(input[after]) && endsLikeTitle(input[after].text.replace(/\s+/g, '')) && DOC_NUMBER.test(input[afterAfter].text)) continue;
    const prevText = input[before].text.trim();
    if (DOC_NUMBER.test(prevText) || DATE_LINE.test(prevText) || NOTE_LINE.test(prevText) || ATTACHMENT_LABEL.test(prevText) || titleEnds.has(before)) {
      // The next block may continue this title (a title over two lines with a blank between them).
      titleEnds.add(idxs[idxs.length - 1]);
      continue;
    }
    mark(idxs, 'running-header');
    const tail = tailAfterKind(text);
    if (tail) learnedTails.add(tail);
  }
  for (const b of candidates) {
    const idxs = range(b).filter((i) => !removedIdx.has(i));
    if (idxs.length === 0) continue;
    const text = idxs.map((i) => input[i].text.trim()).join('');
    for (const tail of learnedTails) if (text.endsWith(tail)) mark(idxs, 'running-header');
  }

  removed.sort((a, b) => a.lines[0].no - b.lines[0].no);
  return { lines: input.filter((_, i) => !removedIdx.has(i)), removed };
}

/**
 * Parts of a document's own header and footer that pdftotext sets off with
 * blank lines: 文号, addressees (…：), a date line, a publication note, law
 * metadata, an attachment label, and the issuing bodies of a signature (right
 * before its date line). They interrupt nothing.
 */
function isHeaderPart(text: string, lines: Line[], last: number, removed: Map<number, RemovedKind>): boolean {
  if (DOC_NUMBER.test(text) || DATE_LINE.test(text) || NOTE_LINE.test(text) || ATTACHMENT_LABEL.test(text) || isLawMetaText(text) || /[：:]$/.test(text)) return true;
  const after = nextContent(lines, last, removed);
  return isOrgLine(text) && after !== -1 && (DATE_LINE.test(lines[after].text) || isOrgLine(lines[after].text));
}

/** The text after the last document-kind word, when short: a publication name glued to a title. */
export function tailAfterKind(text: string): string | null {
  let best = -1;
  let bestLen = 0;
  for (const w of KIND_WORDS) {
    const at = text.lastIndexOf(w);
    if (at > best) {
      best = at;
      bestLen = w.length;
    }
  }
  if (best <= 0) return null;
  const tail = text.slice(best + bestLen);
  return tail.length >= 2 && tail.length <= 10 ? tail : null;
}

/** Title text of a running header: everything up to and including the last kind word. */
export function titleFromHeader(text: string): string | null {
  const tail = tailAfterKind(text);
  const title = tail ? text.slice(0, text.length - tail.length) : text;
  return title.length >= 6 ? title : null;
}

function range(b: Block): number[] {
  return Array.from({ length: b.end - b.start }, (_, k) => b.start + k);
}

/** First or last line of its page; in a file without pages, see below. */
function inMargin(lines: Line[], i: number, removed: Map<number, RemovedKind> = new Map()): boolean {
  const page = lines[i].page;
  if (page !== null) {
    const prev = prevContent(lines, i, removed);
    const next = nextContent(lines, i, removed);
    return prev === -1 || next === -1 || lines[prev].page !== page || lines[next].page !== page;
  }
  // Without page markers: a decorated number (- 12 -, 第 12 页, 12/30) on its own line, or a bare one between blank lines.
  if (/[-—–－―−页\/]/.test(lines[i].text)) return true;
  return (i === 0 || isBlank(lines[i - 1])) && (i === lines.length - 1 || isBlank(lines[i + 1]));
}

function prevContent(lines: Line[], i: number, removed: Map<number, RemovedKind>): number {
  for (let j = i - 1; j >= 0; j--) if (!isBlank(lines[j]) && !removed.has(j)) return j;
  return -1;
}

function nextContent(lines: Line[], i: number, removed: Map<number, RemovedKind>): number {
  for (let j = i + 1; j < lines.length; j++) if (!isBlank(lines[j]) && !removed.has(j)) return j;
  return -1;
}
