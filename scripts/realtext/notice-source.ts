/**
 * Real standalone notices: State Council and General Office documents
 * (通知, 意见, 批复, 复函, 决定, 通报 …) as gov.cn published them, kept in a
 * public repository's SQL dump of a crawl of www.gov.cn/zhengce (ZhouYNF/
 * platform-1, db/ge_policy_raw20190217.sql). Each row has the page's title,
 * issuing office and 文号 as gov.cn lists them, and the document's HTML: title
 * lines, 文号, addressees, body, signature, date, （此件公开发布）, and the
 * document it issues. The key comes from those columns and from the
 * signature date printed in the text.
 */
import { execFileSync } from 'node:child_process';
import type { Block } from './law-source.js';
import { compact } from './locate.js';

export const NOTICES_REPO = 'ZhouYNF/platform-1';
export const NOTICES_GIT_DIR = '/work/.mirror/ZhouYNF+platform-1/repo';
export const NOTICES_PATH = 'db/ge_policy_raw20190217.sql';

export type Align = 'center' | 'right' | 'indent' | 'left';

export interface NoticePara {
  text: string;
  align: Align;
  /** Set in the title size (18pt bold on gov.cn). */
  big: boolean;
}

export type NoticeItem = { kind: 'p'; p: NoticePara } | { kind: 'table'; rows: string[][] };

export interface NoticeText {
  source: { repo: string; path: string; commit: string; note: string };
  title: string;
  docNumber: string | null;
  issuer: string;
  /** Signature date, ISO, when printed. */
  date: string | null;
  items: NoticeItem[];
}

function decode(s: string): string {
  return s
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

function textOf(html: string): string {
  return decode(html.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, ''))
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function cnNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 4 && [...s].every((c) => c in CN_DIGIT)) return Number([...s].map((c) => CN_DIGIT[c]).join(''));
  // 十二, 二十九, 三十一
  const m = /^([一二三])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? CN_DIGIT[m[1]] : 1) * 10 + (m[2] ? CN_DIGIT[m[2]] : 0);
  return CN_DIGIT[s] ?? NaN;
}

/** 2019年1月27日 or 一九九六年六月二十九日 alone on a line → ISO. */
export function signatureDate(line: string): string | null {
  const m = /^([\d〇零一二三四五六七八九]{4})年([\d一二三四五六七八九十]{1,3})月([\d一二三四五六七八九十]{1,3})日$/.exec(compact(line));
  if (!m) return null;
  const [y, mo, d] = [cnNumber(m[1]), cnNumber(m[2]), cnNumber(m[3])];
  if (![y, mo, d].every(Number.isFinite) || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function parseContent(html: string): NoticeItem[] {
  const items: NoticeItem[] = [];
  const re = /<p\b([^>]*)>([\s\S]*?)<\/p>|<table\b[^>]*>([\s\S]*?)<\/table>/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[3] !== undefined) {
      const rows = [...m[3].matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)].map((r) => [...r[1].matchAll(/<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]>/gi)].map((c) => textOf(c[1]).replace(/\n/g, ' ')));
      if (rows.length) items.push({ kind: 'table', rows });
      continue;
    }
    const text = textOf(m[2]);
    if (!text) continue;
    const style = m[1] + ' ' + (/style="([^"]*)"/.exec(m[2])?.[1] ?? '');
    const align: Align = /text-align:\s*center/.test(style) ? 'center' : /text-align:\s*right/.test(style) ? 'right' : /text-indent/.test(style) ? 'indent' : 'left';
    const big = /font-size:\s*(1[6-9]|2\d)pt/.test(m[2]) && align === 'center';
    // A title broken with <br> is one paragraph of several lines; the body never is.
    for (const line of big ? [text.replace(/\n/g, '')] : text.split('\n')) items.push({ kind: 'p', p: { text: line, align, big } });
  }
  return items;
}

function unquote(s: string): string {
  return s.replace(/''/g, "'").replace(/\\'/g, "'").replace(/\\r\\n|\\n/g, '\n').replace(/\\"/g, '"');
}

/** Every row of the dump whose printed title is the listed title, at most `maxChars` of text. */
export function readNotices(maxChars: number): NoticeText[] {
  const commit = execFileSync('git', ['-C', NOTICES_GIT_DIR, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  const sql = execFileSync('git', ['-C', NOTICES_GIT_DIR, 'show', `HEAD:${NOTICES_PATH}`], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const out: NoticeText[] = [];
  const seen = new Set<string>();
  const row = /values \((\d+), '([^']*)', '[^']*', '[^']*', '((?:[^']|'')*)', '((?:[^']|'')*)', '((?:[^']|'')*)', (?:null|'[^']*'), '[^']*', '[^']*', (?:null|'[^']*'), '((?:[^']|'')*)',/g;
  for (let m = row.exec(sql); m; m = row.exec(sql)) {
    const [, , url, title, office, number, content] = m;
    if (seen.has(url)) continue;
    seen.add(url);
    const items = parseContent(unquote(content));
    const paras = items.filter((i): i is { kind: 'p'; p: NoticePara } => i.kind === 'p').map((i) => i.p);
    const chars = paras.reduce((n, p) => n + p.text.length, 0);
    if (chars > maxChars || chars < 200) continue;
    // The printed title (the leading title-size lines) must be the listed one, else the key would describe another text.
    const head = paras.findIndex((p) => !p.big);
    if (head <= 0 || compact(paras.slice(0, head).map((p) => p.text).join('')) !== compact(unquote(title))) continue;
    const docNo = unquote(number);
    const body = paras.map((p) => p.text).join('\n');
    // The notice's own signature date: the first dated right-aligned line (an attachment may carry its own later).
    const dateLine = paras.find((p) => p.align === 'right' && signatureDate(p.text));
    out.push({
      source: { repo: NOTICES_REPO, path: NOTICES_PATH, commit, note: url },
      title: unquote(title),
      docNumber: docNo && body.includes(docNo) ? docNo : null,
      issuer: unquote(office),
      date: dateLine ? signatureDate(dateLine.text) : null,
      items,
    });
  }
  return out;
}

/** The notice's paragraphs as blocks, for the shared key helpers (sentences, 条 count). */
export function noticeBlocks(n: NoticeText): Block[] {
  return n.items.filter((i): i is { kind: 'p'; p: NoticePara } => i.kind === 'p' && !i.p.big && i.p.align !== 'center').map((i) => ({ kind: 'para', text: i.p.text }));
}

/** Kind by the genre's own naming; a notice that issues or forwards a document (关于印发《X办法》的通知) is classed by what it issues. */
export function noticeKind(title: string, kindOfTitle: (t: string) => string): string {
  const issued = /(?:印发|转发)(.+)的通知$/.exec(title);
  if (issued) {
    const inner = kindOfTitle(issued[1].replace(/[《》〈〉]/g, ''));
    if (inner !== '其他') return inner;
  }
  // A 复函 is a 函 (党政机关公文处理工作条例 第八条 lists 函, which answers as well as asks): the reader's kinds have no separate 复函.
  for (const k of ['函', '批复', '通报', '答复', '通知', '意见', '决定']) if (title.endsWith(k)) return k;
  return kindOfTitle(title);
}
