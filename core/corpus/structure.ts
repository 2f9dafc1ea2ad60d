/**
 * Paragraphs of one document body → the unit tree.
 *
 * Markers nest by rank (章 > 条 > 款 > 项; 一、 > （一） > 1. > （1））.
 * A marker is accepted only when its number starts a sequence (1) or
 * continues one (the previous sibling's number + 1, or + 2 to survive one
 * lost line); anything else is text that happens to start like a marker.
 * The first article may have any number when the next two follow it (a
 * 编 of 民法典 starts at 第四百六十三条, an amendment at 第三十二条).
 * An article with several paragraphs gets them as 款 (clause) children, with
 * the 项 that follow each paragraph inside it, as they are cited: 第十条第二款第（一）项.
 *
 * Paths are meant to survive rebuilds of an edited text: a numbered unit's
 * path is made of its own and its ancestors' numbers (a1.b2, ch3.ar15), never
 * of sibling positions; an unnumbered paragraph outside any numbered unit
 * (a preamble, the paragraphs of an article) is named after its own text
 * (pre-… / p-…, a short hash), so inserting a paragraph before it does not
 * rename it.
 */
import type { Paragraph, Unit, UnitLevel } from './types.js';
import { PATH_CODE, RANK, readMarker, type Marker } from './markers.js';
import { toChineseNumber } from './numerals.js';
import type { RawParagraph } from './paragraphs.js';
import { unitId } from './unit-id.js';
import { NOTE_LINE } from './patterns.js';
import { imprintParagraphs } from './imprint.js';

interface Draft {
  unit: Unit;
  n: number;
  rank: number;
  /** Order of own paragraphs ('p') and children ('c'), to form 款 afterwards. */
  seq: ('p' | 'c')[];
  lastN: Partial<Record<UnitLevel, number>>;
  /** Pages of the marker line: a heading-only unit (一、主要目标) starts there, not where its text does. */
  markerPages: number[];
}

const HEADING_MAX = 50;

/** 附件：1.… (or 附件： alone, its list below): the numbers of a list of attachments. */
const ATTACHMENT_LIST = /^附件\s*[：:]\s*(?:(\d+)\s*[.．、]|$)/;

/**
 * The lines that go on a list of attachments (附件：1.登记表 | 2.申报单 | 3.通知单): the list's, not items of the
 * text's outline. Only numbers that follow on from the list's are, from the line after it.
 */
function attachmentListLines(paras: RawParagraph[], markers: (Marker | null)[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < paras.length; i++) {
    const list = ATTACHMENT_LIST.exec(paras[i].text.trim());
    if (!list) continue;
    let next = list[1] ? Number(list[1]) + 1 : 1;
    for (let j = i + 1; j < paras.length && /^\d+\s*[.．、]/.test(paras[j].text.trim()) && markers[j]?.n === next; j++, next++) out.add(j);
  }
  return out;
}

export function buildUnits(docId: string, paras: RawParagraph[], pathPrefix = '', notes: ReadonlySet<RawParagraph> = new Set()): Unit[] {
  const roots: Unit[] = [];
  const stack: Draft[] = [];
  const docLastN: Partial<Record<UnitLevel, number>> = {};
  const rootLastN: Partial<Record<UnitLevel, number>> = {};
  const drafts = new Map<Unit, Draft>();

  const mkId = (path: string) => unitId(docId, path);
  const usedPaths = new Set<string>();
  const uniquePath = (base: string) => {
    let path = base;
    for (let k = 2; usedPaths.has(path); k++) path = `${base}_${k}`;
    usedPaths.add(path);
    return path;
  };

  const folded = foldTableOfContents(paras);
  const markers = folded.map((p) => readMarker(p.text));
  const listed = attachmentListLines(folded, markers);
  /** The next two article markers after paragraph i continue from n (a 编 of 民法典 or an amendment starts at 第四百六十三条 / 第三十二条). */
  const articlesContinue = (i: number, n: number) => {
    const next = markers.slice(i + 1).filter((m) => m?.level === 'article').slice(0, 2).map((m) => m!.n);
    return next.length === 2 && next[0] === n + 1 && next[1] === n + 2;
  };
  const imprint = imprintParagraphs(folded.map((p) => p.text));
  for (const [i, p] of folded.entries()) {
    // A 版记's paragraph (抄送：…), and a note under the signature (its 附注), close every open unit and are units of their own kind.
    const own: UnitLevel | null = imprint.has(i) ? 'imprint' : notes.has(p) ? 'note' : null;
    if (own) {
      stack.length = 0;
      const path = uniquePath(`${pathPrefix}${PATH_CODE[own]}-${textKey(p.text)}`);
      roots.push({ id: mkId(path), path, level: own, label: '', heading: null, paragraphs: [{ text: p.text, pages: p.pages }], pages: [], children: [] });
      continue;
    }
    // A line of a list of attachments is a paragraph of the unit the list opened (附件：1.…), not an item.
    if (listed.has(i) && roots.length && !stack.length) {
      roots[roots.length - 1].paragraphs.push({ text: p.text, pages: p.pages });
      continue;
    }
    const marker = markers[i];
    let level = marker?.level;
    if (marker && level) {
      if (level === 'outline2' && stack.some((d) => d.unit.level === 'article')) level = 'item';
      const rank = RANK[level]!;
      // Where would it attach?
      let depth = stack.length;
      while (depth > 0 && stack[depth - 1].rank >= rank) depth--;
      const parentLast = depth > 0 ? stack[depth - 1].lastN : rootLastN;
      const prevSibling = parentLast[level] ?? 0;
      const prevDoc = docLastN[level] ?? 0;
      const ok =
        marker.n === 1 ||
        marker.n === prevSibling + 1 ||
        marker.n === prevSibling + 2 ||
        marker.n === prevDoc + 1 ||
        (prevDoc > 0 && marker.n === prevDoc + 2) ||
        // Articles are numbered through the whole law: a text that is one part of it (or an amendment) starts where that part does.
        (level === 'article' && prevDoc === 0 && articlesContinue(i, marker.n));
      if (ok) {
        stack.length = depth;
        const parent = stack[stack.length - 1];
        // A numbering that restarts under the same parent (a second 一、 list) must not reuse a path.
        const path = uniquePath((parent ? parent.unit.path + '.' : pathPrefix) + PATH_CODE[level] + marker.n);
        // A heading may end in a parenthesised note with its own punctuation: 纳税（牵头部门：市税务局；目标位置：全省前5）.
        const bare = marker.rest.replace(/[（(][^（）()]*[）)]$/, '');
        const pureHeading = !/[。；！？!?;]/.test(bare) && marker.rest.length <= HEADING_MAX + 30 && bare.length <= HEADING_MAX && level !== 'article';
        const unit: Unit = {
          id: mkId(path),
          path,
          level,
          label: marker.label,
          ...(marker.printed !== marker.label ? { printedLabel: marker.printed } : {}),
          heading: pureHeading && marker.rest ? marker.rest : null,
          paragraphs: pureHeading || !marker.rest ? [] : [{ text: marker.rest, pages: p.pages }],
          pages: [],
          children: [],
        };
        const draft: Draft = { unit, n: marker.n, rank, seq: unit.paragraphs.length ? ['p'] : [], lastN: {}, markerPages: p.pages };
        drafts.set(unit, draft);
        if (parent) {
          parent.unit.children.push(unit);
          parent.seq.push('c');
        } else roots.push(unit);
        parentLast[level] = marker.n;
        docLastN[level] = marker.n;
        stack.push(draft);
        continue;
      }
    }
    // A closing note (（此件公开发布）, 附件：…（略）) belongs to no item: it closes every open unit.
    if (NOTE_LINE.test(p.text) || /^附件\s*\d*\s*[：:]/.test(p.text)) stack.length = 0;
    // Plain paragraph: it belongs to the innermost open unit, except that text
    // after an article's 项 is the article's next 款, not part of the last 项.
    let target = stack[stack.length - 1];
    if (target && target.unit.level === 'item') {
      const art = [...stack].reverse().find((d) => d.unit.level === 'article');
      if (art) {
        stack.length = stack.indexOf(art) + 1;
        target = art;
      }
    }
    const para: Paragraph = { text: p.text, pages: p.pages };
    if (target) {
      target.unit.paragraphs.push(para);
      target.seq.push('p');
    } else {
      const level = roots.every((u) => u.level === 'preamble' || u.level === 'note') ? 'preamble' : 'para';
      const path = uniquePath(`${pathPrefix}${PATH_CODE[level]}-${textKey(p.text)}`);
      roots.push({ id: mkId(path), path, level, label: '', heading: null, paragraphs: [para], pages: [], children: [] });
    }
  }

  for (const u of roots) finish(u);
  return roots;

  function finish(u: Unit) {
    const d = drafts.get(u);
    // A short lead sentence on its own (1.进一步放宽市场准入门槛。 then the text) is the item's heading.
    const pages = new Set<number>(d?.markerPages);
    if (u.level.startsWith('outline') && !u.heading && u.paragraphs.length >= 2 && isLead(u.paragraphs[0].text)) {
      u.paragraphs[0].pages.forEach((x) => pages.add(x));
      // (Its full stop is kept: the heading is quoted and searched as printed.)
      u.heading = u.paragraphs[0].text;
      u.paragraphs = u.paragraphs.slice(1);
    }
    if (d && u.level === 'article' && u.paragraphs.length >= 2) formClauses(u, d.seq);
    for (const c of u.children) finish(c);
    for (const p of u.paragraphs) p.pages.forEach((x) => pages.add(x));
    for (const c of u.children) c.pages.forEach((x) => pages.add(x));
    u.pages = [...pages].sort((a, b) => a - b);
  }

  function formClauses(article: Unit, seq: ('p' | 'c')[]) {
    const clauses: Unit[] = [];
    let pi = 0;
    let ci = 0;
    let current: Unit | null = null;
    const orphans: Unit[] = [];
    for (const s of seq) {
      if (s === 'p') {
        const n = clauses.length + 1;
        const path = `${article.path}.${PATH_CODE.clause}${n}`;
        current = { id: mkId(path), path, level: 'clause', label: `第${toChineseNumber(n)}款`, heading: null, paragraphs: [article.paragraphs[pi++]], pages: [], children: [] };
        clauses.push(current);
      } else {
        const child = article.children[ci++];
        if (current) current.children.push(rebase(child, current.path));
        else orphans.push(child);
      }
    }
    article.paragraphs = [];
    article.children = [...orphans, ...clauses];
  }

  function rebase(u: Unit, parentPath: string): Unit {
    const own = u.path.slice(u.path.lastIndexOf('.') + 1);
    const path = `${parentPath}.${own}`;
    return { ...u, id: mkId(path), path, children: u.children.map((c) => rebase(c, path)) };
  }
}

/**
 * A table of contents (第一章 总则 / 第二章 … listed back to back, then the
 * chapters again with their articles) is one paragraph of text, not a
 * second set of empty chapters.
 */
function foldTableOfContents(paras: RawParagraph[]): RawParagraph[] {
  const isChapter = (p: RawParagraph, n: number) => {
    const m = readMarker(p.text);
    return !!m && (m.level === 'chapter' || m.level === 'part') && m.n === n && !/[。；]/.test(m.rest);
  };
  const fold = (i: number, j: number) => {
    // (The 目录 line above the list, when printed, becomes the folded paragraph's own label.)
    const from = i > 0 && /^目\s*录$/.test(paras[i - 1].text) ? i - 1 : i;
    const toc: RawParagraph = { ...paras[from], text: `目录：${paras.slice(i, j).map((p) => p.text).join('　')}`, lastLine: paras[j - 1].lastLine };
    return [...paras.slice(0, from), toc, ...paras.slice(j)];
  };
  for (let i = 0; i < paras.length; i++) {
    if (!isChapter(paras[i], 1)) continue;
    let j = i + 1;
    while (j < paras.length && isChapter(paras[j], j - i + 1)) j++;
    const restartsLater = paras.slice(j).some((p) => isChapter(p, 1));
    if (j - i >= 2 && restartsLater) return fold(i, j);
  }
  // A plan's contents (1 总则 / 1.1 编制目的 / … / 7 附则, or 一、 / （一） headings) listed back to back, each heading
  // printed again further on above its text.
  for (let i = 0; i < paras.length; i++) {
    let j = i;
    // (The list ends where its first heading is printed again: the text's own first heading may follow straight on.)
    while (j < paras.length && isOutlineHeading(paras[j]) && (j === i || paras[j].text !== paras[i].text)) j++;
    if (j - i >= 3) {
      const later = new Set(paras.slice(j).map((p) => p.text));
      const again = paras.slice(i, j).filter((p) => later.has(p.text)).length;
      if (later.has(paras[i].text) && again >= (j - i) * 0.8) return fold(i, j);
    }
    // (Runs are taken whole: the next starts after this one.)
    i = j;
  }
  return paras;
}

/** A numbered heading with no text of its own (1.1 编制目的及依据, （二）工作目标). */
function isOutlineHeading(p: RawParagraph): boolean {
  const m = readMarker(p.text);
  return !!m && m.level.startsWith('outline') && m.rest.length >= 2 && m.rest.length <= 30 && !/[。；，：]/.test(m.rest);
}

/** Five base-36 characters from the paragraph's text (FNV-1a over its first 200 characters, white space ignored). */
export function textKey(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text.replace(/\s+/g, '').slice(0, 200)) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h % 36 ** 5).toString(36).padStart(5, '0');
}

function isLead(text: string): boolean {
  return text.length <= 30 && /。$/.test(text) && !/[。；：]/.test(text.slice(0, -1));
}

// Walking and reading units lives in ./units.ts (one home for the build, search and the reader).
export { allUnits as flattenUnits, unitOwnText } from './units.js';
