/** Character classes and patterns shared by the parsing stages. */

/** Characters that end a sentence or a clause that may end a paragraph. */
export const TERMINAL = /[。！？；：!?;:…]["”’）)》]*$|[。！？!?]$/;

export function endsTerminal(s: string): boolean {
  return TERMINAL.test(s.trim());
}

/** Document kinds as they end a title (longest first so 实施方案 wins over 方案). */
export const KIND_WORDS = [
  '实施细则', '实施意见', '实施方案', '行动方案', '工作方案', '工作要点', '行动计划', '若干措施', '政策措施', '任务清单',
  '通知', '办法', '意见', '方案', '措施', '条例', '规定', '要点', '计划', '细则', '决定', '公告', '通告', '举措', '清单',
  // 函 only as a letter's kind (…的函): a line ending in 保函 or 信函 is a title broken in a word (…审理独立保函 | 纠纷案件…的规定).
  '规划', '指引', '指南', '规范', '标准', '解读', '的函', '批复', '报告', '纪要', '预案', '通报',
  // Judicial texts and replies: …若干问题的解释, …规则, …提案的答复, …的复函.
  '解释', '规则', '答复', '复函', '修正案',
];

// A PDF may set a title's last words apart (国 家 粮食应 急 预 案 的 函): a kind word matches with spaces between its characters.
const KIND_TAIL = new RegExp(`(${KIND_WORDS.map((w) => [...w].join('\\s*')).join('|')})(（[^（）]{1,12}）)*$`);

/** True when a line reads like the end of a document title (…的通知, …办法（试行）). */
export function endsLikeTitle(s: string): boolean {
  return KIND_TAIL.test(s.trim().replace(/[（(]\s*\d{4}[^（）()]*[）)]$/, ''));
}

/** A date as printed in Chinese documents, with or without PDF spaces: 2023 年6 月13 日. */
export const CN_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

export function isoDate(y: string, m: string, d?: string): string {
  const mm = m.padStart(2, '0');
  return d ? `${y}-${mm}-${d.padStart(2, '0')}` : `${y}-${mm}`;
}

/**
 * A line that is only a date (the date line of a signature block), in
 * digits or, as older documents print it, in Chinese numerals (一九九六年六月二十九日).
 */
export const DATE_LINE = /^\s*(?:(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})|([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3}))\s*日\s*$/;

const NUMBER = String.raw`[\u4e00-\u9fa5]{1,12}[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d{1,4}\s*号`;
/**
 * 文号: 沪商自贸〔2023〕132 号, 国办发[2023]1号, 鲁政字〔2023〕45号; a report's, with its 签发人 on the same line
 * (国办发〔2019〕5号 签发人：张三); or in parentheses on a line of its own, as legal databases and government
 * sites print it under the title (（余府发〔2012〕3号）). The number is group 1 either way; an opening
 * parenthesis needs its closing one (a title wrapped before its 文号 is not a 文号 line).
 */
export const DOC_NUMBER = new RegExp(
  String.raw`^\s*(?:[（(]\s*(?=${NUMBER}\s*[）)]\s*$))?(${NUMBER})\s*(?:签\s*发\s*人\s*[：:][\u4e00-\u9fa5\s]{2,24})?(?:(?<=^\s*[（(].*)\s*[）)])?\s*$`,
);

/** 签发人：张三 on a line of its own under the 文号 (a report or request to a higher office, GB/T 9704 §7.2.4): a header line. */
export const SIGNER_LINE = /^\s*签\s*发\s*人\s*[：:][\u4e00-\u9fa5\s]{2,24}$/;

/** A line naming authors of a signed article: two or more 2–4 character names separated by wide spaces. */
export const BYLINE = /^\s*[\u4e00-\u9fa5]{2,4}(?:[\s\u3000]{2,}[\u4e00-\u9fa5]{2,4})+\s*$/;

/** Only Latin letters (page furniture such as INFORMATION, WINCON LAW FIRM). */
export const LATIN_ONLY = /^\s*[A-Za-z][A-Za-z .&,'’-]{0,40}$/;

/** Page numbers printed as their own line: 12, - 12 -, — 12 — (GB/T 9704), －3－ (a full-width dash), 第 12 页, 12/30. */
export const PAGE_NUMBER = /^\s*(?:[-—–－―−\s]*\d{1,4}[-—–－―−\s]*|第\s*\d{1,4}\s*页(?:\s*共\s*\d+\s*页)?|\d{1,4}\s*\/\s*\d{1,4})\s*$/;

/** Organisation suffixes: a short line ending in one of these may be a signature (上海海关: the customs districts sign with the ministries). */
export const ORG_SUFFIX = /(人民政府|政府|办公厅|办公室|委员会|局|厅|部|署|院|会|中心|秘书处|事务所|研究所|集团|总部|公司|分局|小组|联席会议|管委会|监管局|银行|海关)$/;

/** Lines a signature block may have: a joint notice of many agencies prints one or two per line (沪高法〔2023〕47号 is signed by 17). */
export const MAX_SIGNATURE_LINES = 24;

/**
 * A form's blank (××人民法院, ×市, XX区; a date left to fill in, 年  月  日 (a printed date has its numbers); a seal's place, （签章）): a template
 * printed in an attachment names no real body, so signs nothing, and its lines are no document's title.
 */
export const FORM_BLANK = /[×Ｘ]|XX|年\s+月\s+日|[（(]\s*(?:签章|盖章|签字|签名|公章)\s*[）)]/;

/**
 * A title names its matter with 关于, 印发 or 转发 (国务院关于…, …办公室印发…, 国务院办公厅转发…): a line with one is a
 * title's part, never a signature or a letterhead, and a title that opens with one names no issuer before it.
 */
export const NAMES_MATTER = /关于|印发|转发/;
export const OPENS_WITH_MATTER = /^(?:关于|印发|转发)/;

/** A line of a signature block: an issuing body's name, unpunctuated (上海市商务委员会上海海关). */
export function isOrgLine(t: string): boolean {
  const s = t.trim();
  if (FORM_BLANK.test(s)) return false;
  return s.length >= 2 && s.length <= 60 && !/[。，；：！？:;!?、]/.test(s) && (ORG_SUFFIX.test(s) || /(政府|委员会|局|厅|办公室|公司|银行|中心|总部|委)/.test(s));
}

/**
 * Whether every parenthesis the text opens it also closes, and none it closes was opened before it. A signature is
 * whole in this way (山东省…领导小组办公室⏎（山东省发展和改革委员会⏎中国人民银行济南分行代章）); the last line of an
 * item that wraps its lead departments (（市行政审批服务局、⏎市大数据中心牵头）) is not part of one, above the date as
 * it may stand.
 */
export function bracketsClose(s: string): boolean {
  let depth = 0;
  for (const ch of s) {
    if (ch === '（' || ch === '(') depth++;
    else if (ch === '）' || ch === ')') if (--depth < 0) return false;
  }
  return depth === 0;
}

/**
 * Where the signature above a date line starts (`textAt` gives the text of line i, `dateAt` is the date's): the
 * names right above the date, at most MAX_SIGNATURE_LINES, less any at the top that close a parenthesis the text
 * above them opened. Shared by paragraphs.ts (each a paragraph of its own) and assemble.ts (the signature).
 */
export function signatureStart(textAt: (i: number) => string, dateAt: number): number {
  let start = dateAt;
  while (start > 0 && dateAt - start < MAX_SIGNATURE_LINES && isOrgLine(textAt(start - 1))) start--;
  const names = (from: number) => Array.from({ length: dateAt - from }, (_, k) => textAt(from + k)).join('');
  while (start < dateAt && !bracketsClose(names(start))) start++;
  return start;
}

/**
 * The marks an official document prints above its letterhead (GB/T 9704 §7.2.1–7.2.3), each on a line of its own: its
 * copy number (份号, six digits), its classification with its term (机密★1年, 秘密★6个月, 绝密★长期) and its urgency
 * (特急, 加急; a telegram's 特提, 平急). Handling marks, not text: furniture.ts drops them at the head of a page.
 */
export const SECRECY_LINE = /^\s*(?:绝|机|秘)\s*密(?:\s*[★☆*]\s*(?:[\d一二三四五六七八九十两\s]+(?:个\s*月|年|月)|长\s*期))?\s*$/;
export const URGENCY_LINE = /^\s*(?:特\s*急|加\s*急|特\s*提|平\s*急)\s*$/;
export const COPY_NUMBER_LINE = /^\s*(?:No\.?\s*)?\d{6}\s*$/;
/**
 * Where a legal database or a government site exported the text from: its citation code on a line of its own
 * (【法宝引证码】 CLI.12.1075244, a bracketed label and an ASCII code), and the page's address (原文链接：https://…,
 * or the address alone). Never the text's own words.
 */
export const CITATION_CODE_LINE = /^\s*【[\u4e00-\u9fa5]{2,10}】\s*[A-Za-z0-9][A-Za-z0-9.\-_/]*\s*$/;
export const SOURCE_LINK_LINE = /^\s*(?:[\u4e00-\u9fa5](?:\s*[\u4e00-\u9fa5]){1,5}\s*[:：]\s*)?https?:\/\/\S+\s*$/;
/**
 * The caption of the page's QR code, which opens it on a phone (gov.cn's 扫一扫在手机打开当前页 under every document,
 * copied or printed; other sites' 用手机扫描二维码查看本页, 扫码阅读本文): the page's, on a line of its own, never the text's.
 */
export const QR_CAPTION_LINE = /^\s*(?:微信)?(?:扫一扫|扫码|(?:用手机)?扫描二维码)[\u4e00-\u9fa5]{0,10}?(?:打开|查看|阅读|浏览)(?:当前|本)?(?:页|页面|网页|文章|本文)?\s*$/;

/**
 * The fields a legal database prints above a text it holds (北大法宝's 【发布部门】…【法规类别】, other sites'
 * 【法规标题】…【地域分类】, then 【全文】): the title and the 文号 are the document's own, the rest the database's.
 */
export const DATABASE_TITLE_FIELDS = ['法规标题', '法规名称', '文件名称', '标题'];
export const DATABASE_NUMBER_FIELDS = ['发文字号', '文号'];
export const DATABASE_FIELDS = [
  ...DATABASE_TITLE_FIELDS,
  ...DATABASE_NUMBER_FIELDS,
  '发布部门', '发文机关', '发布机关', '颁布单位', '制定机关', '批准部门', '发布日期', '颁布日期', '公布日期', '批准日期',
  '实施日期', '施行日期', '生效日期', '时效性', '效力状态', '效力级别', '法规类别', '行业分类', '主题分类', '地域分类',
  '专题分类', '关键词', '失效依据', '全文', '正文',
];

/** A publication note after the signature: （此件公开发布）, （此件主动公开）, （本件不公开）. */
export const NOTE_LINE = /^\s*[（(]\s*(此件|本件|此文|本文)[^（）()]{1,16}[）)]\s*$/;

/**
 * A paragraph wholly in parentheses (one level of parentheses inside), as a 附注 is printed under the date (GB/T 9704
 * §7.3.6): （联系人：…；联系电话：…）. Wider than NOTE_LINE, so assemble.ts takes it only right under a signature.
 */
export const BRACKETED_NOTE = /^\s*[（(][^（）()]{1,120}(?:[（(][^（）()]*[）)][^（）()]*)?[）)]\s*$/;

/**
 * The 版记 at a document's foot (GB/T 9704 §7.4), under its text and attachments: who else receives it (抄送：市委有关部门，…),
 * and on many local documents its disclosure (公开方式：主动公开), or the old 主题词：. Its lines are the document's
 * but are not its text: not a clause, not a signature, not a new document.
 */
export const IMPRINT_START = /^\s*(?:抄\s*送|抄\s*报|分\s*送|发\s*送|主\s*题\s*词|公\s*开\s*方\s*式|公\s*开\s*属\s*性|信息公开(?:选项|属性|方式))\s*[：:]/;

/**
 * The 版记's last line: the office that printed the document and when (德州市人民政府办公室2023 年1 月20 日印发), or the
 * date alone where extraction put the office on a line of its own. Printing is not signing: the office is not the issuer
 * and the date is not the document's.
 */
const PRINTED_LINE = /^(.{0,40}?)\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}|[〇○零一二三四五六七八九]{4}\s*年\s*[一二三四五六七八九十]{1,3}\s*月\s*[一二三四五六七八九十]{1,3})\s*日\s*印\s*发\s*$/;

/**
 * The office a 版记's printing line names ('' for a date alone), or null when the line is not one (see PRINTED_LINE): a
 * date then 印发, after nothing or an office's name only (not a sentence: 该通知已于…印发).
 */
export function printingOffice(t: string): string | null {
  const m = PRINTED_LINE.exec(t.trim());
  const office = m ? m[1].trim() : null;
  return office === '' || (office !== null && isOrgLine(office)) ? office : null;
}

export const isPrintedLine = (t: string): boolean => printingOffice(t) !== null;

/** The print run some 版记 add: （共印120份）. */
export const PRINT_COUNT = /^\s*[（(]\s*共印\s*\d+\s*份\s*[）)]\s*$/;

/** A line of a 版记 by itself (the groups a cc list goes on to are found by imprint.ts). A form's (抄送：××××。) is the form's text. */
export function isImprintLine(t: string): boolean {
  return !FORM_BLANK.test(t) && (IMPRINT_START.test(t) || isPrintedLine(t) || PRINT_COUNT.test(t));
}

/** An attachment label on its own line: 附件, 附件1, 附件 2：. */
export const ATTACHMENT_LABEL = /^\s*附件\s*(\d{0,2})\s*[：:]?\s*$/;

/** Header lines of news pages (发布日期：…, 来源：…) and of articles (作者：…). */
export const META_LINE = /^(发布日期|发布时间|来源|日期|作者)\s*[:：]/;
