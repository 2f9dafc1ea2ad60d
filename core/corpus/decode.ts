/**
 * Raw file bytes → text. Raw files come from PDF extraction on other people's
 * machines, so they may be UTF-8 (with or without BOM), UTF-16, GB18030/GBK,
 * Big5, or not text at all. A file is decoded correctly or rejected with a
 * reason; it never crashes the build.
 *
 * A decoding is accepted only when the text is plausible: almost every
 * character is in a script policy text uses, and the Chinese characters are
 * mostly common ones (random bytes read as UTF-16 give rare characters from
 * all over Unicode; Big5 bytes read as GB18030 give valid but rare ones).
 * Between GB18030 and Big5 the decoding with more common characters wins;
 * when neither reads as Chinese the file is skipped with the reason.
 */
import { COMMON_HANZI } from './common-hanzi.js';

export interface Decoded {
  ok: true;
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';
  warnings: string[];
}
export interface Rejected {
  ok: false;
  reason: string;
}

/**
 * UTF-8, tolerating a few invalid bytes (a flipped byte in a copied file):
 * they become U+FFFD and their lines are named, instead of the whole file
 * being skipped. Only when the file is otherwise evidently UTF-8: at most one
 * bad sequence per 100 Chinese characters decoded validly, so GBK or Big5
 * bytes (invalid almost everywhere as UTF-8) still go to their own decoder.
 */
function utf8WithFewBadBytes(body: Uint8Array): { text: string; badLines: number[] } | null {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), badLines: [] };
  } catch {
    // not valid throughout: see whether the invalid bytes are few
  }
  const text = new TextDecoder('utf-8').decode(body);
  let bad = 0;
  let han = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c >= 0x3400 && c <= 0x9fff) han++;
  }
  if (bad * 100 > han) return null;
  // Numbered as the parser numbers lines (a lone CR also ends a line: see the normalisation below).
  return { text, badLines: linesWith(text, '\ufffd') };
}

/** 第 3、17 行 / 第 3、17… 等 12 行: the lines a warning names, at most ten of them. */
function linesNamed(lines: number[]): string {
  const shown = lines.slice(0, 10).join('、');
  return `第 ${shown}${lines.length > 10 ? ` 等 ${lines.length} 行` : ' 行'}`;
}

function badBytesWarning(lines: number[]): string {
  return `${linesNamed(lines)}含无效的 UTF-8 字节，已替换为 \ufffd（文件其余部分是有效的 UTF-8，照常读取）`;
}

/** Lines (numbered as the parser numbers them) that hold `ch`. */
function linesWith(text: string, ch: string): number[] {
  const out: number[] = [];
  text.split(/\r\n?|\n/).forEach((line, i) => {
    if (line.includes(ch)) out.push(i + 1);
  });
  return out;
}

/**
 * NUL characters above this share of a decoded text make it something other than text; below it they are strays
 * of a PDF extraction (pdf.js left one in 53 KB of a real compilation of four regulations), dropped with a warning.
 */
const MAX_STRAY_NUL_SHARE = 0.001;

/** The warning for a text with almost no Chinese (under 5 % of its visible characters). */
export const ALMOST_NO_CHINESE = '文件中几乎没有中文文字';

export function decodeRaw(bytes: Uint8Array): Decoded | Rejected {
  if (bytes.length === 0) return { ok: false, reason: '文件是空的' };
  const warnings: string[] = [];
  let text: string;
  let encoding: Decoded['encoding'];

  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    text = new TextDecoder(encoding).decode(bytes.subarray(2));
    const why = implausible(sampleStats(text));
    if (why) return { ok: false, reason: `文件开头标明是 UTF-16 编码，但按 UTF-16 读不出正常文字（${why}）` };
  } else {
    const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const body = hasBom ? bytes.subarray(3) : bytes;
    if (looksBinary(body)) return { ok: false, reason: '文件含 NUL 或控制字节，是二进制数据，不是提取出的文字' };
    const lossy = utf8WithFewBadBytes(body);
    if (lossy) {
      text = lossy.text;
      encoding = 'utf-8';
      if (lossy.badLines.length) warnings.push(badBytesWarning(lossy.badLines));
    } else {
      // Not valid UTF-8: GB18030 (a superset of GBK/GB2312) on the mainland, Big5 in traditional-character sources.
      const tries = (['gb18030', 'big5'] as const)
        .map((enc) => {
          try {
            const t = new TextDecoder(enc, { fatal: true }).decode(body);
            const stats = sampleStats(t);
            return { enc, text: t, common: commonShare(stats), why: implausible(stats) };
          } catch {
            return null;
          }
        })
        .filter((t): t is NonNullable<typeof t> => t !== null && !t.why)
        .sort((a, b) => b.common - a.common);
      if (!tries.length) return { ok: false, reason: '文件不是有效的 UTF-8，按 GB18030 或 Big5 也读不出中文；请转换成 UTF-8 再试' };
      const [best, other] = tries;
      // Too close to call: skipping says so, guessing would garble the text silently.
      if (other && best.common - other.common < 0.1) return { ok: false, reason: '文件不是 UTF-8，按 GB18030 和按 Big5 读出的文字差不多，无法判断是哪一种；请转换成 UTF-8 再试' };
      text = best.text;
      encoding = best.enc;
      warnings.push(`文件不是有效的 UTF-8，已按 ${best.enc === 'big5' ? 'Big5' : 'GB18030'} 编码读取`);
    }
  }

  if (text.includes('\u0000')) {
    const clean = text.replaceAll('\u0000', '');
    if (text.length - clean.length > text.length * MAX_STRAY_NUL_SHARE) return { ok: false, reason: '文件解码后含大量 NUL 控制字符，不是文本文件' };
    warnings.push(`${linesNamed(linesWith(text, '\u0000'))}含 NUL 控制字符（PDF 提取时偶有残留），已删除，其余照常读取`);
    text = clean;
  }
  text = text.replace(/\r\n?/g, '\n');
  if (cjkShare(sampleStats(text)) < 0.05) warnings.push(ALMOST_NO_CHINESE);
  return { ok: true, text, encoding, warnings };
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    // (NUL among them: a stray one is left by PDF extraction; binaries hold them by the hundred.)
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control / Math.max(n, 1) > 0.02;
}

/** What the plausibility checks need, counted in one pass over the first 20,000 characters. */
interface SampleStats {
  /** Characters other than white space. */
  visible: number;
  /** Visible characters outside the scripts of policy text. */
  odd: number;
  /** Chinese characters, and how many of them are common ones. */
  han: number;
  common: number;
}

const SAMPLE_CHARS = 20000;

export function sampleStats(text: string): SampleStats {
  const stats: SampleStats = { visible: 0, odd: 0, han: 0, common: 0 };
  // By code unit with number ranges, not a regex per character: this runs for every candidate encoding of every
  // raw file (several seconds of a 10,000-document build). A character outside the BMP (a surrogate pair, taken as
  // one) is visible and odd: none of the ranges below holds one.
  const end = Math.min(text.length, SAMPLE_CHARS);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      i++;
      stats.visible++;
      stats.odd++;
      continue;
    }
    if (isSpace(c)) continue;
    stats.visible++;
    if (!isPlausible(c)) stats.odd++;
    if (c < 0x3400 || c > 0x9fff) continue;
    stats.han++;
    if (COMMON_HANZI.has(text[i])) stats.common++;
  }
  return stats;
}

/** What /\s/ matches (ECMAScript white space and line terminators). */
function isSpace(c: number): boolean {
  return (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Why the text is not plausible extracted text, or null when it is. */
function implausible(stats: SampleStats): string | null {
  const { visible, odd, han } = stats;
  if (visible === 0) return '没有可见的字符';
  if (odd / visible > 0.05) return `${Math.round((odd / visible) * 100)}% 的字符不属于公文所用的文字和符号`;
  if (han >= 20 && commonShare(stats) < 0.3) return '其中的汉字几乎都是生僻字';
  return null;
}

/** Latin, CJK characters and punctuation, full-width forms, general punctuation and symbols used in documents. */
const PLAUSIBLE: readonly [number, number][] = [
  [0x0020, 0x007e],
  [0x00a0, 0x024f],
  [0x2000, 0x206f],
  [0x2100, 0x22ff],
  [0x2460, 0x24ff],
  [0x2500, 0x25ff],
  [0x3000, 0x303f],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xffef],
];

function isPlausible(c: number): boolean {
  for (const [lo, hi] of PLAUSIBLE) if (c >= lo && c <= hi) return true;
  return false;
}

/** Share of Chinese characters that are among the common ones. */
function commonShare(stats: SampleStats): number {
  return stats.han ? stats.common / stats.han : 0;
}

function cjkShare(stats: SampleStats): number {
  return stats.visible ? stats.han / stats.visible : 0;
}
