/**
 * A file's paragraphs → document drafts.
 *
 * Two layouts occur:
 *  - compilations: numbered titles that end with the date in parentheses
 *    (`1. 上海海关…的通知（2023年6月13日）`), under region headings. A title
 *    is accepted only when its number continues the sequence, so a numbered
 *    body item that ends with a date is not mistaken for a new document;
 *  - everything else: a document starts at a title paragraph (with the 文号
 *    printed just above it, as official documents do), after a sign-off
 *    (文康政策研究中心秘书处, 转自…), or at a new PDF text box after a
 *    finished paragraph; 政策解读 starts an interpretation of the document
 *    before it.
 * A signed notice (issuing bodies and date) is followed by what it issues:
 * a title after the signature that the notice announces (its title or text
 * names it, or an 附件 label precedes it) continues the same document as an
 * attachment. A title the notice does not announce starts a new document
 * (the next item of a newsletter). A promulgation order (令) followed by the
 * text it names is kept on that text's draft (`withOrders`, orders.ts).
 */
import type { Removed } from './furniture.js';
import { readMarker } from './markers.js';
import { MARKER_START, type RawParagraph } from './paragraphs.js';
import { imprintParagraphs } from './imprint.js';
import { isAddresseeLine } from './addressees.js';
import { ATTACHMENT_LABEL, DATE_LINE, DOC_NUMBER, FORM_BLANK, META_LINE, NAMES_MATTER, NOTE_LINE, OPENS_WITH_MATTER, ORG_SUFFIX, endsLikeTitle, endsTerminal, isOrgLine } from './patterns.js';
import { isMacroRegionHeading, provinceFromHeading } from './regions.js';
import { issuersFromTitle, reprintSource } from './metadata.js';
import { isLawMetaText, opensLawMeta } from './law-meta.js';
import { isOrderHeading, promulgates } from './orders.js';

export interface DocDraft {
  file: string;
  /** The title paragraph, when the document has one (it is not in `paras`). */
  title: RawParagraph | null;
  paras: RawParagraph[];
  /** Province of the compilation heading the document sits under. */
  headingProvince: string | null;
  /** The document is an interpretation (政策解读) of the one before it. */
  interprets: DocDraft | null;
  /** Sign-off paragraph that ended the document (秘书处, 转自…). */
  signoff: string | null;
  /** Furniture removed within the document's lines (for title recovery). */
  furniture: Removed[];
  /** The promulgation order (令) printed above the document's title, which names it: its heading and the paragraphs under it (orders.ts). */
  order: { heading: RawParagraph; paras: RawParagraph[] } | null;
}

const COMPILATION_TITLE = /^(\d{1,3})\s*[.．]\s*(.+?)[（(]\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[）)]$/;

export function isCompilationTitle(text: string): boolean {
  const m = COMPILATION_TITLE.exec(text);
  return !!m && !/[。；]/.test(text) && m[2].length >= 6;
}

const INTERPRETATION = /^(政策)?解读$|^政策解读[：:]?/;

export function segmentFile(file: string, paras: RawParagraph[], removed: Removed[]): { docs: DocDraft[]; notes: string[] } {
  const compilationTitles = paras.filter((p) => isCompilationTitle(p.text)).length;
  const docs = compilationTitles >= 3 ? segmentCompilation(file, paras) : segmentLoose(file, paras);
  const notes: string[] = [];
  // Front matter: an untitled, unstructured first segment followed by real documents.
  if (docs.length > 1 && !docs[0].title && !docs[0].interprets && !docs[0].paras.some((p) => MARKER_START.test(p.text) || /[：:]$/.test(p.text))) {
    const fm = docs.shift()!;
    const [first, last] = [fm.paras[0].firstLine, fm.paras[fm.paras.length - 1].lastLine];
    notes.push(`${file}：第 ${first === last ? first : `${first}–${last}`} 行是卷首内容（没有标题和结构），不作为文档`);
  }
  for (const d of docs) {
    const first = d.order?.heading.firstLine ?? d.title?.firstLine ?? d.paras[0]?.firstLine ?? 0;
    const last = d.paras[d.paras.length - 1]?.lastLine ?? first;
    d.furniture = removed.filter((r) => r.lines[0].no >= first && r.lines[0].no <= last + 3);
  }
  // A titled entry with no body (a compilation page that was an image) is still a document.
  return { docs: docs.filter((d) => d.paras.length > 0 || d.title), notes };
}

function newDraft(file: string, title: RawParagraph | null, headingProvince: string | null = null): DocDraft {
  return { file, title, paras: [], headingProvince, interprets: null, signoff: null, furniture: [], order: null };
}

function segmentCompilation(file: string, paras: RawParagraph[]): DocDraft[] {
  const docs: DocDraft[] = [];
  let province: string | null = null;
  let lastNumber = 0;
  let cur: DocDraft | null = null;
  for (const p of paras) {
    const headingProvince = provinceFromHeading(p.text);
    if (headingProvince || isMacroRegionHeading(p.text)) {
      // Region headings only count between documents' bodies, never inside a numbered list. A big region
      // (三、华东, 二、全国) names no province: the one before it no longer holds until the next is named.
      province = headingProvince;
      lastNumber = 0;
      continue;
    }
    const m = COMPILATION_TITLE.exec(p.text);
    if (m && isCompilationTitle(p.text)) {
      const n = Number(m[1]);
      // A title missed by extraction must not stop the rest: allow a gap of two.
      if ((n > lastNumber && n <= lastNumber + 3) || (n === 1 && lastNumber > 0)) {
        lastNumber = n;
        cur = newDraft(file, p, province);
        docs.push(cur);
        continue;
      }
    }
    if (cur) cur.paras.push(p);
  }
  return docs;
}

/** Lines a title spans at most: four printed lines, with the blank lines pdf.js leaves between them. */
const MAX_TITLE_SPAN = 10;

function isTitleParagraph(p: RawParagraph, next: RawParagraph | undefined, isFirst: boolean): boolean {
  const t = p.text;
  if (t.length < 4 || t.length > 100) return false;
  if (/[。，；！？：:,;!?]/.test(t)) return false;
  if (MARKER_START.test(t) || DATE_LINE.test(t) || DOC_NUMBER.test(t) || NOTE_LINE.test(t) || reprintSource(t) || isLawMetaText(t) || opensLawMeta(t)) return false;
  // A form in an attachment (申报单 … （签章） 年  月  日) is the attachment's, however its lines join; so are a
  // table's cells read one a line (姓名 | 职务 | … | 单位意见), however they end: a title takes a few lines, not ten.
  if (FORM_BLANK.test(t) || p.lastLine - p.firstLine >= MAX_TITLE_SPAN) return false;
  // A figure's or a table's caption (图1　汽车号牌编码规则, 表2 …) is the text's, whatever word it ends in.
  if (/^[图表]\s*\d/.test(t)) return false;
  // A signature, not a title, unless it names a matter (国务院关于同意组建2008年北京奥运会 | 首都国际机场协调委员会的批复).
  if (ORG_SUFFIX.test(t) && t.length < 24 && !NAMES_MATTER.test(t)) return false;
  // A law's title is followed by its metadata (dated lines or a bracketed note), whatever its last word.
  return endsLikeTitle(t) || isFirst || (!!next && (META_LINE.test(next.text) || isLawMetaText(next.text)));
}

/** A signature's first line: a body's name over the date. */
function signs(p: RawParagraph, next: RawParagraph | undefined): boolean {
  return isOrgLine(p.text) && !!next && DATE_LINE.test(next.text);
}

/** A document that opens as an official one: its 文号 or its addressees among its first three paragraphs. */
function opensOfficially(d: DocDraft): boolean {
  return d.paras.slice(0, 3).some((q) => DOC_NUMBER.test(q.text) || isAddresseeLine(q.text));
}

function isSignoff(p: RawParagraph, next: RawParagraph | undefined, cur: DocDraft, signed: boolean): boolean {
  // A sign-off ends a text: there must be one (a header of metadata lines is not).
  if (cur.paras.length < 2 || !cur.paras.some((x) => endsTerminal(x.text))) return false;
  const t = p.text;
  // A reprint's source ends an article; after a signature it is a line of an attachment (a table's 指标来源：…).
  if (reprintSource(t)) return !signed;
  // (人民法院、人民检察院 is the tail of a heading, not a sign-off.)
  if (t.length > 30 || /[。，；！？：、]/.test(t) || MARKER_START.test(t) || FORM_BLANK.test(t)) return false;
  // So is a body's name further down than right under the signature's date (the office that printed it): a cell of
  // an attachment's table (指导部门: 科技部), not a sign-off.
  if (signed && !DATE_LINE.test(cur.paras[cur.paras.length - 1].text)) return false;
  return ORG_SUFFIX.test(t) && !(next && DATE_LINE.test(next.text));
}

/** Share of indented paragraphs above which indentation is the file's paragraph convention, not a new text box. */
const INDENTED_SHARE = 0.2;

/**
 * A title wrapped so that its last words became a paragraph of their own
 * (…切实支持小微企业和 | “三农”发展的指导意见, a centred title over four
 * lines): the first part does not end like a title (or the second is too bare to be one), the second
 * does and names no issuer of its own (so it is not a title by itself).
 */
/**
 * At most this long, a line ending in a document's kind is too bare to be a title by itself (建设条例, 实施办法: no
 * place, no subject): it ends the title above it, even when that line happens to end in a kind word too
 * (绍兴市村庄规划 | 建设条例: 规划 is one).
 */
const BARE_TITLE_LINE = 8;

/**
 * A line that begins by finishing the word above it (…常务委员会规范 | 性文件备案审查条例: 规范性; …的 never starts a
 * title): the kind word the line above ends in was the first half of a longer word.
 */
const WORD_GOES_ON = /^[性的]/;

/**
 * A first line that names its matter (关于…) and has no 的 yet cannot be a whole title, though it ends in a kind word:
 * 关于…的规定 has one. The kind word is inside the title's words (关于骗购外汇…等违反外汇管理规定 | 行为的…暂行 | 规定).
 */
const unfinishedMatter = (text: string) => NAMES_MATTER.test(text) && !text.includes('的');

/** A line that could be part of a title: no punctuation, no marker, 文号 or date. */
const plain = (x: RawParagraph) => !/[。，；！？：:,;!?]/.test(x.text) && !MARKER_START.test(x.text) && !DOC_NUMBER.test(x.text) && !DATE_LINE.test(x.text);
/** A title's later part: plain, short, naming no issuer of its own. */
const titlePart = (x: RawParagraph) => x.text.length <= 40 && plain(x) && !issuersFromTitle(x.text).length;

function joinWrappedTitles(paras: RawParagraph[]): RawParagraph[] {
  const out: RawParagraph[] = [];
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i];
    const next = paras[i + 1];
    const prev = out[out.length - 1];
    // A law's metadata note ends what comes before as a 文号 or a date does: a title printed again under it (above
    // its table of contents) wraps like any title.
    const startsDoc = i === 0 || !prev || endsTerminal(prev.text) || NOTE_LINE.test(prev.text) || DATE_LINE.test(prev.text) || DOC_NUMBER.test(prev.text) || isLawMetaText(prev.text);
    const continues =
      next &&
      startsDoc &&
      // (at most the one blank line pdf.js leaves inside a title; a publication's name sits further up)
      next.firstLine - p.lastLine <= 2 &&
      // (not a body line before a title set off on its own: a figure's caption, 国旗制法图案, over the next law's title)
      !(next.boxStart && !p.boxStart) &&
      isTitleParagraph(p, paras[i + 2], true) &&
      (!endsLikeTitle(p.text) || next.text.length <= BARE_TITLE_LINE || WORD_GOES_ON.test(next.text) || unfinishedMatter(p.text)) &&
      next.text.length <= 40 &&
      !/[。，；！？：:,;!?]/.test(next.text) &&
      endsLikeTitle(next.text) &&
      !issuersFromTitle(next.text).length &&
      !MARKER_START.test(next.text) &&
      !DOC_NUMBER.test(next.text);
    // A title over three parts (a web page's, with a blank line between each): the middle ends like no title either.
    const third = paras[i + 2];
    const threeParts =
      next &&
      third &&
      startsDoc &&
      next.firstLine - p.lastLine <= 2 &&
      third.firstLine - next.lastLine <= 2 &&
      // (its first part names the matter, …关于, …印发, …转发: not a signature's body, 国务院办公厅转发国家地震局; or the
      // issuer stands alone above the part that does, 国务院办公厅 | 关于湖北省在温家宝总理考察工作时 | 所提问题…的函,
      // unless the three print again a title above: segment takes that echo apart)
      p.text.length <= 60 &&
      plain(p) &&
      (NAMES_MATTER.test(p.text) || (OPENS_WITH_MATTER.test(next.text) && !out.some((o) => o.text === p.text + next.text + third.text))) &&
      !endsLikeTitle(p.text) &&
      !endsLikeTitle(next.text) &&
      endsLikeTitle(third.text) &&
      titlePart(next) &&
      titlePart(third);
    if (continues || threeParts) {
      const parts = threeParts ? [p, next, third] : [p, next];
      out.push({ ...p, text: parts.map((x) => x.text).join(''), lastLine: parts[parts.length - 1].lastLine, pages: [...new Set(parts.flatMap((x) => x.pages))] });
      i += parts.length - 1;
    } else out.push(p);
  }
  return out;
}

function segmentLoose(file: string, rawParas: RawParagraph[]): DocDraft[] {
  const paras = joinWrappedTitles(rawParas);
  const docs: DocDraft[] = [];
  let cur: DocDraft | null = null;
  let ended = false;
  /** The current document has a signature block (bodies + date): what follows may be what it issues. */
  let signed = false;
  let attachmentLabel = false;
  const indentIsParagraph = paras.filter((p) => p.boxStart).length >= Math.max(3, paras.length * INDENTED_SHARE);
  const imprint = imprintParagraphs(paras.map((p) => p.text));
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i];
    const next = paras[i + 1];
    // A 版记 ends the document above it, signed or not: its printing office is no sign-off, its lines no new text.
    if (cur && imprint.has(i)) {
      cur.paras.push(p);
      continue;
    }
    if (INTERPRETATION.test(p.text)) {
      const prevDoc = cur && !cur.interprets ? cur : (docs.filter((d) => !d.interprets).pop() ?? null);
      cur = newDraft(file, null);
      cur.interprets = prevDoc;
      docs.push(cur);
      ended = signed = false;
      continue;
    }
    const prevPara = i > 0 ? paras[i - 1] : null;
    // A title right after a title that has no text yet, and followed by its 文号 or metadata: the first was a
    // publication's name (最高人民法院公报), front matter rather than a document.
    if (cur && cur.title && !cur.paras.length && !ended && isTitleParagraph(p, next, false) && next && (DOC_NUMBER.test(next.text) || isLawMetaText(next.text))) {
      cur.paras.push(cur.title);
      cur.title = null;
      cur = null;
    }
    if (isTitleParagraph(p, next, i === 0) && (!cur || cur.paras.length > 0 || ended) && !(cur && !ended && (endsTitleAgain(cur, p) || articlesGoOn(cur, next)))) {
      if (cur && !ended && (attachmentLabel || (signed && announces(cur, p.text)))) {
        cur.paras.push(p);
        attachmentLabel = false;
        continue;
      }
      const draft = newDraft(file, p);
      // A 文号 printed above the title belongs to the new document; one pages before it (blank pages between, a
      // body printed as images) is printed under the title before, as gazettes print it.
      const last = cur?.paras[cur.paras.length - 1];
      const samePage = !last?.pages.length || !p.pages.length || last.pages[last.pages.length - 1] === p.pages[0];
      if (cur && last && DOC_NUMBER.test(last.text) && prevPara === last && samePage) draft.paras.push(cur.paras.pop()!);
      cur = draft;
      docs.push(cur);
      ended = signed = attachmentLabel = false;
      continue;
    }
    // A new PDF text box (an indent after a finished paragraph) starts a new article in a newsletter, but
    // only where indents are rare: where the file indents its paragraphs, an indent is just a paragraph. A
    // signature (a body over a date) set off so ends the document above it: it starts nothing. Nor does an indent
    // inside a document that opens as an official one, with its 文号 or its addressees: it runs to its signature.
    // (Both tested last: only an indent after a finished paragraph asks.)
    const newBox =
      !indentIsParagraph && !signed && p.boxStart && prevPara && endsTerminal(prevPara.text) && !MARKER_START.test(p.text) && cur && cur.paras.length >= 3 && !signs(p, next) && !opensOfficially(cur);
    if (!cur || ended || newBox) {
      cur = newDraft(file, null);
      docs.push(cur);
      ended = signed = false;
    }
    if (isSignoff(p, next, cur, signed)) {
      cur.signoff = p.text;
      ended = true;
      continue;
    }
    // A body over a date signs the document; a notice that issues a document is signed by its date alone too: 北大法宝
    // prints the date without the body above it (…关于印发《X》的通知 | … | 二○一二年一月九日 | X). What follows may be
    // what it issues (announces).
    if (DATE_LINE.test(p.text) && cur.paras.length >= 2 && ((prevPara && isOrgLine(prevPara.text)) || (cur.title && ISSUING_NOTICE.test(cur.title.text)))) signed = true;
    // (附件： announces what follows, signed or not: a law prints its 附件 after its last article.)
    attachmentLabel = ATTACHMENT_LABEL.test(p.text);
    cur.paras.push(p);
  }
  // Untitled leftovers that are only a 文号 (its title was taken by the next document) are not documents.
  return withOrders(docs.filter((d) => d.title || d.paras.some((p) => !DOC_NUMBER.test(p.text))));
}

/**
 * A promulgation order (中华人民共和国国务院令 | 第707号 | 现公布…《X》… | 总理 李克强 | 2018年12月18日) is read as a
 * document of its own, titled by its heading; the text after it, titled X, is what it promulgates. The two are one
 * document, X, printed under its order (orders.ts).
 */
function withOrders(docs: DocDraft[]): DocDraft[] {
  const out: DocDraft[] = [];
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i];
    const next = docs[i + 1];
    if (d.title && isOrderHeading(d.title.text) && promulgates(d.paras) && next?.title && !next.order && announces(d, next.title.text)) {
      next.order = { heading: d.title, paras: d.paras };
      continue;
    }
    out.push(d);
  }
  return out;
}

/**
 * The paragraph after a title-like line is the next article of the document before (第五十六条 after its
 * 第五十五条): the line is a heading inside it that lost its number (a 节 printed as 乡村建设规划), not a new
 * document, whose articles would start again at 第一条.
 */
function articlesGoOn(d: DocDraft, next: RawParagraph | null): boolean {
  const n = next ? readMarker(next.text) : null;
  if (n?.level !== 'article') return false;
  for (let k = d.paras.length - 1; k >= 0; k--) {
    const m = readMarker(d.paras[k].text);
    if (m?.level === 'article') return n.n === m.n + 1;
  }
  return false;
}

/** The paragraph ends the document's title printed again under it (最高人民法院 / 关于…判项 / 执行问题的规定). */
function endsTitleAgain(d: DocDraft, p: RawParagraph): boolean {
  if (!d.title) return false;
  // Joint issuers printed apart (最高人民法院 最高人民检察院, or one to a line) stand for 最高人民法院、最高人民检察院.
  const squeeze = (s: string) => s.replace(/[\s、]+/g, '');
  const title = squeeze(d.title.text);
  let text = squeeze(p.text);
  // Before any text: the title again, or its last line alone (its first lines were taken out as the title's echo).
  if (text && title.endsWith(text) && d.paras.every((x) => !endsTerminal(x.text))) return true;
  for (let k = d.paras.length - 1; k >= Math.max(0, d.paras.length - 3); k--) {
    text = squeeze(d.paras[k].text) + text;
    if (text === title) return true;
  }
  return false;
}

/** Text compared for announcements: no brackets, quotes, spaces or parenthesised qualifiers. */
function bare(s: string): string {
  return s.replace(/[（(][^（）()]*[）)]/g, '').replace(/[《》“”"\s]/g, '');
}

/** A notice that issues or forwards a document (…关于印发《X》的通知, …转发…的通知). */
const ISSUING_NOTICE = /(?:印发|转发)[^。；]*通知$/;

/** The notice's title or text names this title (印发《X》, 现将X印发给你们, 附件：1.X). */
function announces(d: DocDraft, title: string): boolean {
  const t = bare(title);
  if (t.length < 4) return false;
  const texts = [d.title?.text ?? '', ...d.paras.filter((p) => !NOTE_LINE.test(p.text)).map((p) => p.text)];
  return texts.some((x) => bare(x).includes(t));
}
