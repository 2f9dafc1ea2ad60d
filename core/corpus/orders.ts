/**
 * A promulgation order (令) printed above the text it promulgates, as a 行政法规 or a 规章 is published: the order's
 * heading (中华人民共和国国务院令, 中华人民共和国商务部令, 北京市人民政府令, 中华人民共和国主席令), its number (第707号,
 * 2019年第1号, on the heading's line or the next), the sentence that names the text (现公布修订后的《…实施条例》，自…起施行),
 * who signed it (总理 李克强) and its date; then the text, under its own title. The reader knows the text by its title
 * and cites it by the order's number: one document, whose 文号 is the order's and whose date is the order's.
 */
import type { RawParagraph } from './paragraphs.js';
import { dateFromLine } from './metadata.js';
import { eventBodies } from './law-meta.js';
import { DATE_LINE, ORG_SUFFIX } from './patterns.js';

const NUMBER = String.raw`(?:\d{4}\s*年\s*|[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*)?第\s*[\d一二三四五六七八九十百零〇]+\s*号`;
/** The heading: a body (or bodies, 、-joined) and 令, its number after it on the same line or not. */
const HEADING = new RegExp(String.raw`^\s*((?:[\u4e00-\u9fa5]{2,30}、)*[\u4e00-\u9fa5]{2,30}令)\s*(?:[（(]\s*(${NUMBER})\s*[）)]|(${NUMBER}))?\s*$`);
/** The number opening the paragraph under a heading that has none (第707号; pdftotext ran the sentence on after it). */
const NUMBER_FIRST = new RegExp(String.raw`^\s*[（(]?\s*(${NUMBER})\s*[）)]?\s*`);
/** What the order does to the text it names. */
const PROMULGATES = /公布|发布|施行/;

/** The body named in a heading, before 令: a body, or the President (who signs the laws the congress adopts). */
function issuedBy(name: string): string {
  return name.replace(/令$/, '').replace(/^中华人民共和国/, '');
}

/** Whether a line is an order's heading: 中华人民共和国国务院令, 北京市人民政府令第12号 (not 关于…的命令, a title). */
export function isOrderHeading(text: string): boolean {
  const m = HEADING.exec(text);
  if (!m || /关于|的/.test(m[1])) return false;
  const body = issuedBy(m[1]);
  return ORG_SUFFIX.test(body) || /(?:主席|委|银行)$/.test(body);
}

/** Whether a line is only an order's number (第706号, 2019年第1号), as printed under its heading. */
export function isOrderNumber(text: string): boolean {
  return ORDER_NUMBER_LINE.test(text);
}
const ORDER_NUMBER_LINE = new RegExp(String.raw`^\s*[（(]?\s*${NUMBER}\s*[）)]?\s*$`);

/** Whether the paragraphs under an order's heading promulgate a text: its number, a sentence naming the text, a signature. */
export function promulgates(paras: readonly RawParagraph[]): boolean {
  return paras.length <= 6 && paras.some((p) => /《[^》]+》/.test(p.text) && PROMULGATES.test(p.text));
}

export interface Order {
  /** 中华人民共和国国务院令第707号: the heading and the number, as the order prints them. */
  docNumber: string | null;
  /** The order's date (its signature's). */
  date: string | null;
  /** The bodies that made it (国务院; none for the President's: the congress that adopted the law is named in its text). */
  issuers: string[];
  /** Its text for the reader: the sentence, the signer, the date (without the heading and the number). */
  paras: RawParagraph[];
}

/** An order's number, date, bodies and text, from its heading (one `isOrderHeading` accepts) and the paragraphs under it. */
export function readOrder(heading: string, paras: readonly RawParagraph[]): Order {
  const text = [...paras];
  const dated = text.filter((p) => DATE_LINE.test(p.text)).at(-1);
  const date = dated ? dateFromLine(dated.text) : null;
  const m = HEADING.exec(heading);
  if (!m) return { docNumber: null, date, issuers: [], paras: text };
  const name = m[1];
  // The number under the heading, alone or with the sentence run on after it: not the text's words either way.
  const first = text.length ? NUMBER_FIRST.exec(text[0].text) : null;
  if (first) {
    const rest = text[0].text.slice(first[0].length);
    if (rest) text[0] = { ...text[0], text: rest };
    else text.shift();
  }
  const number = m[2] ?? m[3] ?? first?.[1] ?? null;
  return {
    docNumber: number ? `${name}${number.replace(/\s+/g, '')}` : null,
    date,
    issuers: issuedBy(name) === '主席' ? [] : eventBodies(`${name}第`),
    paras: text,
  };
}
