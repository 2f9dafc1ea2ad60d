/**
 * Structural markers at the start of a paragraph: 第三章, 第十条, 一、,
 * （二）, 1. / 1、, （1）. Each marker has a level and a number; the
 * structure builder uses the number to reject look-alikes (a sentence that
 * happens to start with 2023.) by requiring sequences to start at 1 or
 * continue the previous sibling.
 */
import { parseChineseNumber } from './numerals.js';
import type { UnitLevel } from './types.js';
import { KIND_WORDS } from './patterns.js';

export interface Marker {
  level: UnitLevel;
  /** The marker as printed, normalised: 第十条, 一、, （二）, 1. */
  label: string;
  /** The marker exactly as the source prints it (26、, (1), 1．); quotes use this, not `label`. */
  printed: string;
  n: number;
  /** Text after the marker. */
  rest: string;
}

const CN = '[一二三四五六七八九十百零〇两]+';
/** A quantity's unit right after a number: 2.5万元, 1.5倍, 3年 are amounts, not section numbers. */
const NOT_A_UNIT = '(?![万亿千倍元米吨斤亩个年月日天周岁%％‰])';
/**
 * Decimal section numbers, as plans and 预案 print them: 1.1 编制目的, 2.1.1 职责 (the last number is the item's own,
 * one outline level per number), and a bare top-level number before a short heading alone on its line (1 总则, 7 附则).
 */
const DECIMAL_SOURCE = `(\\d{1,2}(?:[.．]\\d{1,2}){1,3})(?![.．\\d])\\s*${NOT_A_UNIT}(?=[\\u4e00-\\u9fa5（(])`;
// (A short line ending in a document's kind after a bare number is a list of titles: 1 国务院关于…的通知.)
const TOP_SECTION_SOURCE = `(\\d{1,2})\\s*${NOT_A_UNIT}(?=[\\u4e00-\\u9fa5][^。，；：！？、,;:!?\\d（）()]{0,11}$)(?!.*(?:${KIND_WORDS.join('|')})$)`;
const DECIMAL = new RegExp(`^${DECIMAL_SOURCE}`);
const TOP_SECTION = new RegExp(`^${TOP_SECTION_SOURCE}`);
/** Both, unanchored, for the paragraph joiner's marker test. */
export const DECIMAL_SECTION_START = `${DECIMAL_SOURCE}|${TOP_SECTION_SOURCE}`;
const DECIMAL_LEVELS: UnitLevel[] = ['outline1', 'outline2', 'outline3', 'outline4'];

const RULES: { re: RegExp; level: UnitLevel; label: (m: RegExpExecArray) => string }[] = [
  { re: new RegExp(`^第(${CN})编\\s*`), level: 'part', label: (m) => `第${m[1]}编` },
  { re: new RegExp(`^第(${CN})分编\\s*`), level: 'subpart', label: (m) => `第${m[1]}分编` },
  { re: new RegExp(`^第(${CN})章\\s*`), level: 'chapter', label: (m) => `第${m[1]}章` },
  { re: new RegExp(`^第(${CN})节\\s*`), level: 'section', label: (m) => `第${m[1]}节` },
  { re: new RegExp(`^第(${CN}|\\d{1,3})条\\s*`), level: 'article', label: (m) => `第${m[1]}条` },
  { re: new RegExp(`^(${CN})[、，,]\\s*`), level: 'outline1', label: (m) => `${m[1]}、` },
  { re: new RegExp(`^[（(](${CN})[）)]\\s*`), level: 'outline2', label: (m) => `（${m[1]}）` },
  { re: /^(\d{1,3})[.．、](?!\d)\s*/, level: 'outline3', label: (m) => `${m[1]}.` },
  { re: /^[（(](\d{1,3})[）)]\s*/, level: 'outline4', label: (m) => `（${m[1]}）` },
];

/**
 * What follows 第X条 when it is a reference, not an article: 第三十条规定的,
 * 第十条第二款, 第一条第一至三项, 第二条第一、二、三项, 第五条、第六条, 第八条的, 第九条至第十二条, 第七条或者第八条.
 * An article's text never begins with these (it may begin with anything else,
 * printed without a space: 第六条中小微企业…).
 */
export const ARTICLE_REFERENCE = new RegExp(`^第(?:${CN}|\\d{1,3})条(?:规定|第(?:${CN})(?:[至、]第?(?:${CN}))*[款项]|[、，,的至]|(?:或者|和|及|以及)第|之[一二三四五六七八九十])`);

/**
 * ㈠…㈩ and ⑴…⒇: （一） and （1） typed as one character (older documents, and legal databases' copies of them).
 * Read as the markers they stand for; printed as they are.
 */
export const ENCLOSED_MARKER = /^[\u3220-\u3229\u2474-\u2487]/;

export function readMarker(text: string): Marker | null {
  if (ARTICLE_REFERENCE.test(text)) return null;
  // The enclosed character spelled out ((一), (1)) is what the rules read; `shift` maps its length back to the text's.
  const spelled = ENCLOSED_MARKER.test(text) ? text[0].normalize('NFKC') + text.slice(1) : text;
  const shift = spelled.length - text.length;
  for (const rule of RULES) {
    const m = rule.re.exec(spelled);
    if (!m) continue;
    const n = parseChineseNumber(m[1]);
    if (n === null || n === 0) continue;
    const end = m[0].length - shift;
    return { level: rule.level, label: rule.label(m), printed: text.slice(0, end).trimEnd(), n, rest: text.slice(end) };
  }
  const d = DECIMAL.exec(text) ?? TOP_SECTION.exec(text);
  if (!d) return null;
  const numbers = d[1].split(/[.．]/).map(Number);
  const n = numbers[numbers.length - 1];
  if (n === 0) return null;
  return { level: DECIMAL_LEVELS[numbers.length - 1], label: numbers.join('.'), printed: d[0].trimEnd(), n, rest: text.slice(d[0].length) };
}

/** Nesting rank: a marker nests under any open unit of a lower rank. */
export const RANK: Partial<Record<UnitLevel, number>> = {
  appendix: 0,
  part: 1,
  subpart: 1.5,
  chapter: 2,
  section: 3,
  article: 4,
  clause: 5,
  outline1: 6,
  item: 7,
  outline2: 7,
  outline3: 8,
  outline4: 9,
};

/** Short code for a level in unit paths (ch3.ar10.k2). */
export const PATH_CODE: Record<UnitLevel, string> = {
  part: 'pt',
  subpart: 'spt',
  chapter: 'ch',
  section: 'se',
  article: 'ar',
  clause: 'k',
  item: 'it',
  outline1: 'a',
  outline2: 'b',
  outline3: 'c',
  outline4: 'd',
  preamble: 'pre',
  para: 'p',
  note: 'fz',
  imprint: 'bj',
  appendix: 'att',
};
