/**
 * The document in a saved web page, without the page around it. A policy page saved from a government
 * site holds, besides the text, a share menu, breadcrumbs, 【字体：大 中 小】 and 打印, an index table
 * (索引号, 发文机关, 发文字号 …), 【我要纠错】, 扫一扫, a list of 相关稿件 whose titles read like documents of
 * their own, hidden copies of the title and summary for sharing, 回到顶部. Read whole, the parser took
 * the page's <title> with its site name for the document's, missed the 文号, and ended the text in links.
 *
 * No DOM here (core runs in a worker, which has no DOMParser): a tolerant pass over the tags finds each
 * element's extent and its text. What is never the document goes (scripts, navigation, forms, elements
 * hidden by style or attribute); the text is then the element its paragraphs sit in, found as article
 * extractors find it (Readability's paragraph scores). The
 * page's title, and a 文号 that only its index table gives, are put before it when it lacks them.
 */

import { endsLikeTitle } from '../corpus/patterns.js';

/** Elements whose content is never the document's text. */
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'canvas', 'select', 'button', 'textarea', 'nav', 'aside', 'footer', 'form']);
/** Elements whose content is raw text up to their closing tag. */
const RAW = new Set(['script', 'style', 'textarea', 'title']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Opening one of these closes an open element of the same name (they do not nest in HTML). */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'tr', 'td', 'th', 'dt', 'dd', 'option']);
/** Share of the page's words (outside links) the chosen element must hold. */
const HELD = 0.5;
/** Characters of its own text that make an element a paragraph (Readability's 25). */
const PARAGRAPH = 25;

interface Element {
  tag: string;
  attrs: string;
  /** Offsets in the page: from its opening tag to the end of its closing tag (or where it was closed). */
  start: number;
  end: number;
  parent: Element | null;
  /** Characters of text (white space aside) inside it and outside links; and inside links. */
  words: number;
  linkWords: number;
  /** Words and commas of the text directly in it (not in a child element), outside links. */
  own: number;
  commas: number;
  /** Never the document's text: dropped itself (a script, a hidden element …) or inside one that is. */
  dropped: boolean;
}

const hidden = (attrs: string) =>
  /\shidden(?=[\s=>/]|$)/i.test(attrs) || /\saria-hidden\s*=\s*["']?true/i.test(attrs) || /\sstyle\s*=\s*(["'])[^"']*\b(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(attrs);

const countWords = (text: string) => text.replace(/&[a-z#0-9]+;/gi, 'x').replace(/[\s\u3000]/g, '').length;

/** Every element of the page with its extent and words; the root (index 0) stands for the whole page. */
function elementsOf(html: string): Element[] {
  const root: Element = { tag: '#root', attrs: '', start: 0, end: html.length, parent: null, words: 0, linkWords: 0, own: 0, commas: 0, dropped: false };
  const all = [root];
  const stack: Element[] = [root];
  let lower: string | undefined; // the page in lower case, made at the first raw-text element
  const token = /<!--[\s\S]*?(?:-->|$)|<![^>]*>|<\?[^>]*>|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+|</g;
  const close = (at: number, end: number) => {
    for (const e of stack.splice(at)) e.end = end;
  };
  for (let m = token.exec(html); m; m = token.exec(html)) {
    const [whole, slash, name, attrs] = m;
    if (name === undefined) {
      if (whole.startsWith('<!') || whole.startsWith('<?')) continue; // comments, DOCTYPE, CDATA, XML declarations
      const n = countWords(whole);
      if (!n) continue;
      const inLink = stack.some((e) => e.tag === 'a');
      if (stack[stack.length - 1].dropped) continue;
      for (const e of stack) {
        if (inLink) e.linkWords += n;
        else e.words += n;
      }
      if (!inLink) {
        const top = stack[stack.length - 1];
        top.own += n;
        top.commas += (whole.match(/[，,；;]/g) ?? []).length;
      }
      continue;
    }
    const tag = name.toLowerCase();
    if (slash) {
      const at = stack.map((e) => e.tag).lastIndexOf(tag);
      if (at > 0) close(at, m.index + whole.length);
      continue;
    }
    if (SELF_CLOSING_SIBLINGS.has(tag)) {
      const open = stack.map((e) => e.tag).lastIndexOf(tag);
      // Only within the same table or list: a <p> in a <td> does not close an outer <p>.
      if (open > 0 && !stack.slice(open + 1).some((e) => e.tag === 'table' || e.tag === 'ul' || e.tag === 'ol' || e.tag === 'div')) close(open, m.index);
    }
    const element: Element = { tag, attrs, start: m.index, end: m.index + whole.length, parent: stack[stack.length - 1], words: 0, linkWords: 0, own: 0, commas: 0, dropped: DROPPED.has(tag) || hidden(attrs) || stack[stack.length - 1].dropped };
    all.push(element);
    if (VOID.has(tag) || attrs.trimEnd().endsWith('/')) continue;
    if (RAW.has(tag)) {
      lower ??= html.toLowerCase();
      const end = lower.indexOf(`</${tag}`, token.lastIndex);
      const stop = end < 0 ? html.length : html.indexOf('>', end) + 1 || html.length;
      element.end = stop;
      if (tag === 'title') element.words = countWords(html.slice(token.lastIndex, end < 0 ? html.length : end));
      token.lastIndex = stop;
      continue;
    }
    stack.push(element);
  }
  close(1, html.length);
  return all;
}

/** The page's text and title, as htmlToText renders them, from the parts of the page that hold the document. */
export interface PageParts {
  /** The page's title (<h1> outside the text, else <title>) without a site name after it; null when it has none. */
  title: string | null;
  /** The page with everything but the chosen element blanked out, dropped elements inside it removed. */
  body: string;
}

/** The page's <title> without the site and column names sites add after it (政策文件_中国政府网). */
function cleanTitle(t: string): string {
  return t.split(/\s*(?:_|\||｜|\s-\s|—\s)\s*/)[0].trim();
}

export function pageParts(html: string, textOf: (fragment: string) => string): PageParts {
  const elements = elementsOf(html);
  const root = elements[0];
  const isInside = (e: Element, outer: Element) => e.start >= outer.start && e.end <= outer.end;
  // Paragraphs (text of its own, outside links, of a sentence or more) score their parent, and half that the
  // grandparent: the element the document's paragraphs sit in scores most (Readability's measure, with Chinese
  // commas). Links weigh against an element: a list of 相关稿件 is not the text.
  const score = new Map<Element, number>();
  for (const e of elements) {
    if (e.own < PARAGRAPH || e.dropped || e.tag === 'title' || e.tag === 'a') continue;
    const points = 1 + e.commas + Math.min(Math.floor(e.own / 100), 3);
    // A <p> is a paragraph; a <div> or <td> with text of its own is both a paragraph and possibly the container.
    const holders = e.tag === 'p' ? [e.parent, e.parent?.parent] : [e, e.parent];
    holders.forEach((h, k) => h && h !== root && score.set(h, (score.get(h) ?? 0) + points / (k + 1)));
  }
  let chosen = root;
  let best = 0;
  for (const e of elements) {
    const s = (score.get(e) ?? 0) * (1 - e.linkWords / Math.max(1, e.words + e.linkWords));
    if (s > best) [chosen, best] = [e, s];
  }
  // An element holding less than half the page's words is not its text (a footer's line among short paragraphs).
  if (chosen.words < HELD * root.words) chosen = root;
  const removed = elements.filter((e) => e.dropped && isInside(e, chosen) && e !== chosen);
  let body = '';
  let at = chosen.start;
  for (const e of removed) {
    if (e.start < at) continue; // inside one already removed
    body += html.slice(at, e.start);
    at = e.end;
  }
  body += html.slice(at, chosen.end);
  if (chosen === root) return { title: null, body };
  const oneLine = (e: Element) => textOf(html.slice(e.start, e.end)).replace(/\n/g, '');
  // The title: the last block above the text that reads as one (ends in a document's kind, no sentence in it), as
  // most sites print it in a <div class="title"> of their own; else the page's <h1>; else its <title>.
  // (Not breadcrumbs: 首页 > 通知公告 ends in a kind too, but its words are links.)
  const above = elements.filter((e) => e.end <= chosen.start && !e.dropped && e.tag !== 'a' && e.tag !== 'title' && e.own > 0 && e.linkWords < e.words);
  const titled = above.map(oneLine).filter((t) => t.length >= 6 && t.length <= 100 && endsLikeTitle(t) && !/[。，；！？：:,;!?]/.test(t)).pop();
  const h1 = elements.find((e) => e.tag === 'h1' && !e.dropped && !isInside(e, chosen));
  const titleElement = elements.find((e) => e.tag === 'title');
  const titleText = titled ?? (h1 ? oneLine(h1) : titleElement ? cleanTitle(textOf(html.slice(titleElement.start, titleElement.end)).replace(/\n/g, ' ')) : '');
  return { title: titleText || null, body };
}
