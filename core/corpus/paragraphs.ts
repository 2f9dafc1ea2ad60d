/**
 * Wrapped PDF lines → paragraphs.
 *
 * PDF extraction breaks lines at the page width, and sometimes mid-line
 * (after 、 or ，) where the layout justified text. A line therefore
 * continues the paragraph unless something says it ends:
 *  - the next line starts a structural marker (第三条, 一、, （二）, 1.);
 *  - this line ends a sentence and either a blank line follows or the line is
 *    shorter than the page width (a full line ending in 。 is more often a
 *    sentence inside a paragraph than the end of one);
 *  - this line is a heading: short, unpunctuated, and set off by a blank line
 *    or reading like a title (…措施, …的通知), or a numbered heading on a
 *    short line of its own (一、总体要求);
 *  - either line is a 文号, a date line, a line of a signature block (issuing
 *    bodies on their own lines right before a date line), a publication note
 *    （此件公开发布）, an attachment label (附件1) or a byline under a title.
 * Lines that echo the previous heading (the PDF printed a heading twice, the
 * second time in fragments) are dropped.
 */
import { ATTACHMENT_LABEL, BYLINE, CN_DATE, DATE_LINE, DOC_NUMBER, META_LINE, NOTE_LINE, SIGNER_LINE, endsLikeTitle, endsTerminal, isImprintLine, isPrintedLine, signatureStart } from './patterns.js';
import { endsLawMeta, isLawMetaText, opensLawMeta } from './law-meta.js';
import { isOrderHeading, isOrderNumber } from './orders.js';
import { ARTICLE_REFERENCE, DECIMAL_SECTION_START } from './markers.js';
import { type Line, displayWidth, isBlank, typicalWidth } from './lines.js';

/** What an amendment did, alone on a line: 第一次修正, 修订. */
const AMENDMENT_VERB = /^(?:第[一二三四五六七八九十]+次)?(?:修正|修订|修改)$/;

/** Punctuation that ends a sentence, a clause or a quotation: no paragraph begins with it. */
const CLOSING_START = /^[。，、；：！？）》」』”’]/;

export interface RawParagraph {
  text: string;
  pages: number[];
  firstLine: number;
  lastLine: number;
  /** Leading white space on the first line: a new PDF text box (a signal for document starts). */
  boxStart: boolean;
}

export const MARKER_START = new RegExp(
  `^\\s*(?:第[一二三四五六七八九十百零〇两\\d]+(?:[编章节条]|分编)|[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[）)]|\\d{1,3}[.．、](?!\\d)|[（(]\\d{1,3}[）)]|附件\\s*\\d*\\s*[：:]?|附：|附:|[\\u3220-\\u3229\\u2474-\\u2487]|${DECIMAL_SECTION_START})`,
);
const DECIMAL_SECTION = new RegExp(`^\\s*(?:${DECIMAL_SECTION_START})`);

const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’]/;

const LETTER_SPACED = /^[\s\u3000]*[\u4e00-\u9fa5](?:[\s\u3000]+[\u4e00-\u9fa5]){2,}[\s\u3000]*$/;

/** Inline clean-up of one line: collapse white space, drop PDF spaces between digits and CJK. */
export function cleanInline(s: string): string {
  // Every step below needs white space (the later ones a space the first made): most lines have none.
  if (!/\s/.test(s)) return s;
  // A line set letter-spaced, every character apart (几 个 问 题 的 通 知, a title's wide line): its words, closed up.
  if (LETTER_SPACED.test(s)) return s.replace(/[\s\u3000]+/g, '');
  return s
    .replace(/[\s\u3000]+/g, ' ')
    .trim()
    .replace(/(\d) (?=[\u3400-\u9fff])/g, '$1')
    .replace(/([\u3400-\u9fff]) (?=\d)/g, '$1')
    .replace(/(\d) (?=[年月日号%])/g, '$1')
    .replace(/ (?=[，。、；：！？）》」』】〕,.;:!?)])/g, '')
    .replace(/([（《「『【〔(]) /g, '$1');
}

/** Join two pieces of a wrapped line: a space only between Latin words/numbers. */
export function joinPieces(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  const last = a[a.length - 1];
  const first = b[0];
  const latinEnd = /[A-Za-z0-9]/.test(last) && !CJK.test(last);
  const latinStart = /[A-Za-z]/.test(first);
  return latinEnd && latinStart && /[A-Za-z]/.test(last) ? `${a} ${b}` : a + b;
}

function count(s: string, re: RegExp): number {
  return s.match(re)?.length ?? 0;
}

/**
 * Some PDFs are extracted with justified lines broken into several short
 * pieces (after 、 and ，, even mid-word). When many short lines end
 * without punctuation, a short line ending in 。 may be a piece too.
 */
export function isFragmented(lines: Line[], width: number): boolean {
  let content = 0;
  let pieces = 0;
  for (const l of lines) {
    const t = l.text.trim();
    if (!t) continue;
    content++;
    if (displayWidth(t) < width * 0.6 && !endsTerminal(t) && !MARKER_START.test(t) && !endsLikeTitle(t)) pieces++;
  }
  return content >= 20 && pieces / content > 0.05;
}

/**
 * Lines that are a paragraph of their own whatever their width: signature
 * lines (issuing bodies on lines of their own, ending at a date line),
 * publication notes and attachment labels.
 */
function standaloneLines(lines: Line[]): Set<number> {
  const out = new Set<number>();
  const content: number[] = [];
  lines.forEach((l, i) => {
    if (!isBlank(l)) content.push(i);
  });
  for (let k = 0; k < content.length; k++) {
    const t = lines[content[k]].text.trim();
    if (NOTE_LINE.test(t) || ATTACHMENT_LABEL.test(t)) out.add(content[k]);
    // A byline under a title (王晓明　　赵丽华).
    const prev = k > 0 ? lines[content[k - 1]].text.trim() : '';
    if (BYLINE.test(lines[content[k]].text) && prev && prev.length <= 60 && !/[。，；：！？]/.test(prev)) out.add(content[k]);
    if (!DATE_LINE.test(t)) continue;
    for (let j = signatureStart((i) => lines[content[i]].text, k); j < k; j++) out.add(content[j]);
  }
  return out;
}

/** Leading white space in columns: an ASCII space is one, an ideographic space two (one CJK character), a tab four. */
function leadColumns(raw: string): number {
  let w = 0;
  for (const ch of /^[\s\u3000]*/.exec(raw)![0]) w += ch === '\u3000' ? 2 : ch === '\t' ? 4 : 1;
  return w;
}

/**
 * How far each line is indented from its page's left margin, in columns.
 * pdftotext -layout shifts every line by the page margin, so the margin is
 * the smallest lead a fair share of the page's lines have (wrapped lines of
 * paragraphs), and only what exceeds it is an indent.
 */
export function indentsFromMargin(lines: Line[]): Map<Line, number> {
  const byPage = new Map<number | null, Map<number, number>>();
  for (const l of lines) {
    if (isBlank(l)) continue;
    const counts = byPage.get(l.page) ?? new Map<number, number>();
    const c = leadColumns(l.text);
    counts.set(c, (counts.get(c) ?? 0) + 1);
    byPage.set(l.page, counts);
  }
  const margin = new Map<number | null, number>();
  for (const [page, counts] of byPage) {
    // The smallest lead that a fair share of the page's lines have (a stray outdented line does not count).
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const leads = [...counts].sort((a, b) => a[0] - b[0]);
    margin.set(page, (leads.find(([, n]) => n >= Math.max(2, total * 0.1)) ?? leads[0])[0]);
  }
  return new Map(lines.map((l) => [l, Math.max(0, leadColumns(l.text) - (margin.get(l.page) ?? 0))]));
}

/** A paragraph indent: at least one CJK character (two columns) beyond the margin. */
const INDENT_COLUMNS = 2;
/** A centred line (a title in -layout output): more than a paragraph indent (two characters, four columns). */
const CENTRED_COLUMNS = 5;

/**
 * Whether indentation is the file's paragraph convention: laws and notices
 * printed with 2-character first-line indents leave one indented line per
 * paragraph, a tenth of the lines or more; layouts without it (a newsletter's
 * text boxes) leave a few.
 */
function indentsParagraphs(lines: Line[], indent: Map<Line, number>): boolean {
  let content = 0;
  let indented = 0;
  for (const l of lines) {
    if (isBlank(l)) continue;
    content++;
    if (indent.get(l)! >= INDENT_COLUMNS) indented++;
  }
  return indented >= 3 && indented >= content * 0.1;
}

function isSubsequence(needle: string, hay: string): boolean {
  let j = 0;
  for (let i = 0; i < hay.length && j < needle.length; i++) if (hay[i] === needle[j]) j++;
  return j === needle.length;
}

/** A line that opens a title: a body's name, then 关于, 印发 or 转发, and no punctuation. */
const TITLE_OPENING = /^[\u4e00-\u9fa5]{2,30}?(?:关于|印发|转发)[^，。；：！？,;:!?]*$/;

/** Share of a file's longest lines cut in mid-sentence above which its lines were wrapped at a width (PDF text). */
const CUT_SHARE = 0.4;

/**
 * Were the lines wrapped at a width? In text extracted from a PDF most of the longest lines of sentences end in
 * mid-sentence; where each line is a paragraph they end their sentence. A file of fewer than five lines, or with
 * no long line of sentences, counts as wrapped, as before.
 */
function isWrapped(lines: Line[], width: number): boolean {
  // (Lines of sentences only: a title has no punctuation, and is often the longest line of a short notice.)
  const longest = lines.map((l) => l.text.trim()).filter((t) => displayWidth(t) >= 8 && displayWidth(t) >= width - 3 && /[，。；：、,.;:]/.test(t));
  if (lines.filter((l) => displayWidth(l.text.trim()) >= 8).length < 5 || !longest.length) return true;
  const cut = longest.filter((t) => !/[。；：！？.;:!?」”’）)》】]$/.test(t)).length;
  return cut >= CUT_SHARE * longest.length;
}

/** A line that is only an opening bracket. */
const LONE_OPEN = /^[（(]$/;

/** `stats.echoLines` counts the lines dropped as echoes of a heading, so no deletion goes uncounted. */
export function toParagraphs(lines: Line[], width = typicalWidth(lines), stats?: { echoLines: number }): RawParagraph[] {
  const out: RawParagraph[] = [];
  let cur: RawParagraph | null = null;
  let curLines = 0;
  let curIsHeading = false;
  // A file whose lines are its paragraphs (a Word document, a web page, text typed or copied) was never wrapped: none
  // of its lines is full, and a title as long as its longer lines still ends where it ends.
  const wrapped = isWrapped(lines, width);
  const isFull = (t: string) => wrapped && displayWidth(t) >= width - 3;
  const fragmented = isFragmented(lines, width);
  const isShort = (t: string) => displayWidth(t) < width * 0.75;

  const flush = () => {
    if (cur && cur.text) out.push(cur);
    cur = null;
    curLines = 0;
    curIsHeading = false;
  };

  const standalone = standaloneLines(lines);
  const indent = indentsFromMargin(lines);
  const indentIsParagraph = indentsParagraphs(lines, indent);
  const isCentred = (l: Line) => indent.get(l)! >= CENTRED_COLUMNS;
  let prev: Line | null = null;
  let prevIdx = -1;
  let blankBefore = false;
  /** Width of the physical line the last line belongs to (pieces of one justified line add up). */
  let physWidth = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (isBlank(line)) {
      blankBefore = true;
      continue;
    }
    const text = cleanInline(line.text);
    // A title printed twice, line for line (a web page's title above its heading, and that page printed): the
    // second printing is an echo, dropped whole.
    if (cur && curLines <= 3 && endsLikeTitle(cur.text) && !/[。，；：！？]/.test(cur.text)) {
      let k = i;
      let echo = text;
      while (k + 1 < lines.length && k - i + 1 < curLines && !isBlank(lines[k + 1])) echo = joinPieces(echo, cleanInline(lines[++k].text));
      if (echo === cur.text) {
        if (stats) stats.echoLines += k - i + 1;
        curIsHeading = true;
        i = k;
        continue;
      }
    }
    // Echo of the previous heading: drop this and following fragments.
    if (prev && cur && curLines === 1 && isShort(prev.text) && !endsTerminal(prev.text)) {
      const prevText = cleanInline(prev.text);
      let echo = text;
      let k = i;
      while (k + 1 < lines.length && !isBlank(lines[k + 1]) && echo.length < prevText.length && k - i < 2 && isSubsequence(echo + cleanInline(lines[k + 1].text), prevText)) {
        k++;
        echo += cleanInline(lines[k].text);
      }
      if (echo.length >= prevText.length * 0.4 && isSubsequence(echo, prevText)) {
        if (stats) stats.echoLines += k - i + 1;
        curIsHeading = true;
        i = k;
        continue;
      }
    }
    if (cur && prev && (standalone.has(i) || standalone.has(prevIdx) || opensNoteAlone(i, text) || shouldBreak(prev, line, text, cur.text))) flush();
    if (!cur) {
      cur = { text: '', pages: [], firstLine: line.no, lastLine: line.no, boxStart: indent.get(line)! > 0 };
    }
    const c: RawParagraph = cur;
    const w = displayWidth(text);
    physWidth = curLines > 0 && physWidth < width - 3 && physWidth + w <= width + 1 && !blankBefore ? physWidth + w : w;
    c.text = joinPieces(c.text, text);
    c.lastLine = line.no;
    if (line.page !== null && !c.pages.includes(line.page)) c.pages.push(line.page);
    curLines++;
    prev = line;
    prevIdx = i;
    blankBefore = false;
  }
  flush();
  return out;

  /**
   * A line that is only the bracket a law's note opens with, the note's first date on the line below (a long date
   * line wrapped right after its bracket: 山东省清洁生产促进条例 | （ | 2010年7月30日…通过…）): it starts the note's
   * paragraph. A bracket before anything else (…条例 | （ | 试行）) goes on with the title.
   */
  function opensNoteAlone(i: number, text: string): boolean {
    if (!LONE_OPEN.test(text)) return false;
    let k = i + 1;
    while (k < lines.length && isBlank(lines[k])) k++;
    return k < lines.length && opensLawMeta(text + cleanInline(lines[k].text)) && !DATE_LINE.test(lines[k].text.trim());
  }

  function shouldBreak(p: Line, line: Line, text: string, curText: string): boolean {
    const pt = p.text.trim();
    if (curIsHeading) return true;
    // A line that opens with the punctuation that closes a sentence or a clause goes on with the line above: a copied
    // web page sets a link on a line of its own (…所作的 | 政府工作报告 | 。会议高度评价…).
    if (CLOSING_START.test(text)) return false;
    // A 版记's line starts a paragraph (公开方式：主动公开 | 抄送：…); its printing line and short lines end one.
    if (isImprintLine(text)) return true;
    if (isImprintLine(curText) && (isPrintedLine(curText) || curText.length <= 24) && !/[，、,]$/.test(pt)) return true;
    // So is a report's 签发人 line under its 文号.
    if (SIGNER_LINE.test(text) || SIGNER_LINE.test(curText)) return true;
    // A promulgation order's heading and its number are lines of their own (中华人民共和国国务院令 | 第706号 | 《…》已经…),
    // where the text has no blank line or indent to part them (pdf.js): the order is read from them (orders.ts).
    // (A full line that reads like one is a sentence wrapped there: 根据中华人民共和国国务院令 | 第706号的规定.)
    if (!isFull(pt) && (isOrderHeading(curText) || isOrderNumber(curText))) return true;
    // An amendment's verb wrapped onto a line of its own (…通过的《…的决定》 | 第一次修正) finishes the event above it.
    if (AMENDMENT_VERB.test(text) && /》$/.test(curText) && isLawMetaText(curText)) return false;
    // A law's metadata under its title (dated event lines, or one bracketed note) is a paragraph of its own.
    if (isLawMetaText(curText)) return true;
    // An amendment adopted by a city and approved by its province (…会议通过并经 | 2004年9月23日…批准的《…决定》修正)
    // is one event: the dated line after 并经 continues it.
    if (opensLawMeta(curText) && /并?经$/.test(pt)) return false;
    if (opensLawMeta(text) && curText.length <= 100 && !/[。，；：！？]/.test(curText) && count(curText, /[（(]/g) <= count(curText, /[）)]/g)) return true;
    // An event wrapped before its verb (…第七次会议通 | 过, …的决定》 | 第一次修正) continues, whatever the indent of the next line.
    // (A date alone is a signature's date line, not an event: it needs the body that acted. A finished sentence is no
    // event either: a law's last paragraph, 1985年8月3日…通过、…修正的《…条例》同时废止。, ends before the next title.)
    if (opensLawMeta(curText) && !DATE_LINE.test(curText) && !/[。！？]$/.test(pt) && /会议|令第|人民代表大会|决定》|公告/.test(curText) && !endsLawMeta(pt) && !opensLawMeta(text) && !MARKER_START.test(text)) return false;
    // A numbered heading on a short line of its own (一、总体要求) ends there: the text below is its body.
    // (Only 一、, （一） and a plan's 1.1: a compilation numbers its titles 1. 2.)
    const lead = /^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[）)])\s*/.exec(curText) ?? DECIMAL_SECTION.exec(curText);
    if (curLines === 1 && lead && curText.length - lead[0].length >= 2 && curText.length <= 20 && isShort(pt) && !/[。，；：！？、,;:!?《]/.test(curText.slice(lead[0].length))) return true;
    // A title's number on a line of its own (…若干问题的解释 | （二）) is the title's: an outline item has words after it.
    if (/^[（(][一二三四五六七八九十]+[）)]$/.test(text) && endsLikeTitle(curText) && !/[。，；：！？]/.test(curText)) return false;
    // 第三十条规定的… at the start of a wrapped line continues a reference (依照本法 | 第三十条规定), it is not an article.
    // A decimal number at the start of a full line's wrap is a number in the sentence (…按照 | 2.1节的规定).
    if (DECIMAL_SECTION.test(text) && isFull(pt) && !endsTerminal(pt)) return false;
    // After a line ending in 、 the enumeration goes on: a number there is a reference (…达不到(一)、 | (二)项要求的), no new item.
    if (/、$/.test(pt) && MARKER_START.test(text)) return false;
    if (MARKER_START.test(text) && !(ARTICLE_REFERENCE.test(text.trim()) && !endsTerminal(pt))) return true;
    if (META_LINE.test(text) || META_LINE.test(pt)) return true;
    // Inside parentheses the sentence is not over (a title's date split over a page break).
    if (count(curText, /[（(]/g) > count(curText, /[）)]/g) || count(curText, /《/g) > count(curText, /》/g)) return false;
    if (DATE_LINE.test(text) || DOC_NUMBER.test(text) || DATE_LINE.test(pt) || DOC_NUMBER.test(pt)) return true;
    // A title continued by its parenthesised qualifiers: （2023版）, （征求意见稿）, （2023年6月13日）.
    if (/^[（(]/.test(text) && curText.length < 160 && !/[。，；：！？]/.test(curText)) return false;
    // A title centred over two or three lines continues on the next centred line.
    const centredTitle = curLines < 4 && isCentred(p) && isCentred(line) && !/[。，；：！？]/.test(curText);
    // Where the file indents its paragraphs (two ideographic or ASCII spaces), every indent starts one.
    if (indentIsParagraph && indent.get(line)! >= INDENT_COLUMNS && !centredTitle) return true;
    // A new PDF text box after a short line, or after a reprint note, starts a new paragraph.
    if (indent.get(line)! > 0 && !centredTitle && (isShort(pt) || /^(转自|摘自|来源)/.test(pt))) return true;
    // Addressees (各银保监局，…：) end at their colon even on a full line.
    if (/[：:]$/.test(pt) && /^(各|本市|全省|全市|市|省|区|县)/.test(curText) && curText.length <= 200 && !/[。]|如下/.test(curText)) return true;
    if (endsTerminal(pt)) {
      if (blankBefore) return true;
      // Judge the physical line, not the fragment: justified PDF text is
      // sometimes extracted as several short pieces of one line.
      if (isFull(pt) || (wrapped && physWidth >= width - 3)) return false;
      // A short piece ending in ；or ： is mid-paragraph more often than not.
      if (!/[。！？!?]["”’）)》]*$/.test(pt)) return false;
      // In text extracted as pieces of lines, a next line that fits on what is
      // left of this physical line is another piece of it.
      return !(fragmented && physWidth + displayWidth(text) <= width + 1);
    }
    if (/[，、,]$/.test(pt)) return false;
    // After a blank line, a short unfinished line (a list's last name: 洪天云 扶贫办副主任) does not run into the title
    // that opens the next text (国务院办公厅关于对国务院第五次大督查 | 发现的典型经验做法…的通报, a gazette).
    if (blankBefore && isShort(pt) && TITLE_OPENING.test(text)) return true;
    // A page's short last line ended its paragraph there: text runs on over a page break only from a line that reaches
    // the margin (附： | 农业部 卫生部 国家药品监督管理局 | page break | 长江河道采砂管理条例, the next law of a compilation).
    // (Not where lines were extracted as pieces of justified lines: there a short piece may be the page's last.)
    if (!fragmented && line.page !== p.page && physWidth < width * 0.75) return true;
    // A page break inside a word (…集中支 | 付平台…): the blank lines of the page margin do not end the paragraph.
    if (line.page !== p.page && /[\u4e00-\u9fa5]$/.test(pt) && /^[\u4e00-\u9fa5]/.test(text) && !endsLikeTitle(curText) && !MARKER_START.test(curText)) return false;
    const curUnpunctuated = !/[。，；：！？,;:!?]/.test(curText);
    // (A title centred over two lines continues across the blank line pdf.js leaves between them.)
    if (curUnpunctuated && isShort(pt) && blankBefore && !centredTitle) return true;
    // A title on its own line(s) (…若干措施, …的通知（2023年5月25日）): break after it. A full line
    // ending that way is a body sentence wrapped at the page edge (…有更优惠规定 | 的，可以…).
    if (curUnpunctuated && curText.length <= 80 && !isFull(pt) && (endsLikeTitle(curText) || /[（(]\s*\d{4}[^）)]*日\s*[）)]$/.test(curText)) && !CN_DATE.test(text.slice(0, 12))) return true;
    return false;
  }
}
