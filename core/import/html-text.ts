/**
 * `.html` files → plain lines for the corpus pipeline, without a DOM (core runs
 * in the build, the CLI and a worker alike). Only what changes the text
 * matters: block elements end a line, table cells are separated by a space,
 * scripts and styles are not text, entities are decoded. Markdown is
 * core/text/markdown.ts.
 */

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: '\u3000', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', middot: '·', mdash: '—', hellip: '…' };

/** Named (the few a page uses) and numeric character references; one that names nothing stays as written. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

import { pageParts } from './html-content.js';

const BLOCK = /<\/?(p|div|br|h[1-6]|li|tr|table|section|article|header|footer|blockquote|pre|ul|ol|dd|dt|title)\b[^>]*>/gi;

/** A page as lines: the document's text (html-content.ts), after the page's title and index-table 文号 when it lacks them. */
export function htmlToText(html: string): string {
  const { title, body } = pageParts(html, linesOf);
  const text = linesOf(body);
  const flat = (s: string) => s.replace(/[\s\u3000]/g, '');
  const head: string[] = [];
  if (title && !flat(text).startsWith(flat(title))) head.push(title);
  // Many sites print the 文号 only in the index table above the text (发文字号：国办发〔2022〕35号).
  const docNumber = /(?:发文字号|文\s*号)\s*[:：]\s*([^\s:：]{2,30}号)/.exec(linesOf(html))?.[1];
  if (docNumber && !flat(text).includes(flat(docNumber))) head.push(docNumber);
  return [...head, text].filter(Boolean).join('\n');
}

/** Markup to lines: block elements end a line, table cells are apart, scripts and styles are not text, entities decoded. */
function linesOf(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, (m, tag: string) => (tag.toLowerCase() === 'head' ? (/<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(m)?.[1] ?? '') + '\n' : ''))
      .replace(/\s*\n\s*/g, ' ')
      .replace(BLOCK, '\n')
      .replace(/<\/?t[dh]\b[^>]*>/gi, ' ')
      .replace(/<[^>]+>/g, ''),
  )
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');
}
