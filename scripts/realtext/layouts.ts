/**
 * How the real-text set prints its documents: each layout is a way official
 * PDFs of Chinese laws and notices are typeset (page size and font, so lines
 * wrap at different places; title centred over 1–3 lines; metadata as dated
 * lines or one bracketed note; paragraphs indented with two ideographic
 * spaces, separated by a blank line, or neither; a gazette's running header;
 * a 目录 page set as a two-column table; compilations of several texts), and
 * the tool its text is then extracted with.
 */
import type { Block } from './law-source.js';
import type { Extractor } from './extract.js';
import type { PdfOptions } from '../../test-support/render-pdf.js';
import type { NoticeText } from './notice-source.js';

export interface PrintDoc {
  title: string;
  subtitle?: string | null;
  /** 文号, printed under (or above) the title. */
  docNumber?: string | null;
  docNumberAbove?: boolean;
  /** Dated metadata lines as the source prints them. */
  metaLines: string[];
  addressees?: string | null;
  blocks: Block[];
  /** Signature lines (issuing bodies) and date, printed right-aligned after the body. */
  signature?: string[];
  signDate?: string | null;
  /** Notes after the signature: （此件公开发布）. */
  closing?: string[];
  /** 附件 after the signature: a heading and its blocks, or a table. */
  attachments?: { label: string; title: string; blocks: Block[]; table?: string[][] }[];
}

export interface Layout {
  id: string;
  extractor: Extractor;
  pdf: PdfOptions;
  fontPt: number;
  lineHeight: number;
  /** Paragraph start: two ideographic spaces typed before the text, a blank gap, or nothing. */
  paragraph: 'indent' | 'gap' | 'plain' | 'indent-gap';
  meta: 'lines' | 'note';
  /** Width of the title box in em of the title font: narrow boxes wrap a title over 2–3 lines. */
  titleEm: number;
  /** Instead of titleEm: a box as wide as a third (half) of the title, so every title wraps over 3 (2) lines. */
  titleLines?: number;
  /** Letter-spaced short titles (森 林 法). */
  spacedTitle?: boolean;
  /** A 目录 page (chapters in a two-column table) after the metadata. */
  toc?: boolean;
  /** Documents per file (compilations); 1 for a single text. */
  perFile: number;
  /** Compilation: each text starts on a new page. */
  pageBreak?: boolean;
  /** Only for notices. */
  notice?: boolean;
  /** 公文 版头: the issuing office's name as a banner (国务院办公厅文件) and the 文号 above the title. */
  banner?: boolean;
  /** Paragraph indent set by CSS (text-indent), not typed: extraction sees no spaces. */
  cssIndent?: boolean;
}

const A4 = { format: 'A4' as const };

export const LAW_LAYOUTS: Layout[] = [
  { id: 'L01-note-gap', extractor: 'pdftotext', pdf: { ...A4, footer: 'dash' }, fontPt: 12, lineHeight: 1.6, paragraph: 'gap', meta: 'note', titleEm: 16, perFile: 1 },
  { id: 'L02-lines-indent-layout', extractor: 'pdftotext-layout', pdf: { ...A4, footer: 'di-ye' }, fontPt: 14, lineHeight: 1.7, paragraph: 'indent', meta: 'lines', titleEm: 14, perFile: 1 },
  { id: 'L03-note-indent-pdfjs', extractor: 'pdfjs', pdf: { ...A4, footer: 'plain' }, fontPt: 12, lineHeight: 1.6, paragraph: 'indent', meta: 'note', titleEm: 18, perFile: 1 },
  { id: 'L04-a5-plain', extractor: 'pdftotext', pdf: { format: 'A5', footer: 'dash', margin: { top: '16mm', bottom: '16mm', left: '15mm', right: '15mm' } }, fontPt: 13, lineHeight: 1.6, paragraph: 'plain', meta: 'lines', titleEm: 9, perFile: 1 },
  { id: 'L05-small-gap-pdfjs', extractor: 'pdfjs', pdf: { ...A4, footer: 'di-ye', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } }, fontPt: 10, lineHeight: 1.5, paragraph: 'gap', meta: 'lines', titleEm: 22, perFile: 1 },
  { id: 'L06-gazette-header', extractor: 'pdftotext-layout', pdf: { ...A4, footer: 'dash', header: '' }, fontPt: 12, lineHeight: 1.6, paragraph: 'indent', meta: 'note', titleEm: 15, perFile: 1 },
  { id: 'L07-toc-table', extractor: 'pdftotext', pdf: { format: 'B5', footer: 'plain' }, fontPt: 12, lineHeight: 1.6, paragraph: 'indent', meta: 'note', titleEm: 14, toc: true, perFile: 1 },
  { id: 'L08-title3-pdfjs', extractor: 'pdfjs', pdf: { ...A4, footer: 'dash' }, fontPt: 12, lineHeight: 1.7, paragraph: 'indent-gap', meta: 'lines', titleEm: 7, titleLines: 3, perFile: 1 },
  { id: 'L09-compilation-pages', extractor: 'pdftotext', pdf: { ...A4, footer: 'dash', header: '' }, fontPt: 12, lineHeight: 1.6, paragraph: 'indent', meta: 'note', titleEm: 15, perFile: 4, pageBreak: true },
  { id: 'L10-compilation-run-pdfjs', extractor: 'pdfjs', pdf: { ...A4, footer: 'plain' }, fontPt: 11, lineHeight: 1.6, paragraph: 'gap', meta: 'lines', titleEm: 16, perFile: 4 },
  { id: 'L11-compilation-layout', extractor: 'pdftotext-layout', pdf: { format: 'B5', footer: 'di-ye' }, fontPt: 11, lineHeight: 1.6, paragraph: 'plain', meta: 'note', titleEm: 13, perFile: 3 },
  { id: 'L12-spaced-title', extractor: 'pdftotext', pdf: { ...A4, footer: 'dash' }, fontPt: 14, lineHeight: 1.8, paragraph: 'indent', meta: 'lines', titleEm: 14, spacedTitle: true, perFile: 1 },
];

/** Notices as 公文 print them (GB/T 9704: 3号 text, 28 characters a line), and a gazette issue of several. */
export const NOTICE_LAYOUTS: Layout[] = [
  { id: 'N01-notice-gap', extractor: 'pdftotext', pdf: { ...A4, footer: 'dash', margin: { top: '37mm', bottom: '35mm', left: '28mm', right: '26mm' } }, fontPt: 16, lineHeight: 1.75, paragraph: 'gap', meta: 'lines', titleEm: 14, perFile: 1, notice: true, cssIndent: true },
  { id: 'N02-notice-indent-layout', extractor: 'pdftotext-layout', pdf: { ...A4, footer: 'dash' }, fontPt: 14, lineHeight: 1.7, paragraph: 'indent', meta: 'lines', titleEm: 16, perFile: 1, notice: true },
  { id: 'N03-notice-banner-pdfjs', extractor: 'pdfjs', pdf: { ...A4, footer: 'di-ye' }, fontPt: 15, lineHeight: 1.7, paragraph: 'indent', meta: 'lines', titleEm: 15, perFile: 1, notice: true, banner: true },
  { id: 'N04-gazette-notices', extractor: 'pdftotext', pdf: { ...A4, footer: 'plain', header: '' }, fontPt: 12, lineHeight: 1.6, paragraph: 'plain', meta: 'lines', titleEm: 18, perFile: 3, notice: true, cssIndent: true },
];

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const IDEO2 = '\u3000\u3000';

function para(text: string, layout: Layout, cls = ''): string {
  const indent = layout.paragraph === 'indent' || layout.paragraph === 'indent-gap' ? IDEO2 : '';
  // The source separates 第X条 from its text by one space; print it as an ideographic space the way official texts set it.
  const t = text.replace(/^(第[零〇一二三四五六七八九十百千两]+条(?:之[一二三四五六七八九十]+)?)[ \u3000]+/, '$1\u3000');
  return `<p class="${cls}">${indent}${esc(t)}</p>`;
}

function titleHtml(title: string, layout: Layout): string {
  const t = layout.spacedTitle && title.length <= 10 ? title.split('').join(' ') : title;
  const width = layout.titleLines && title.length >= layout.titleLines * 4 ? ` style="width: ${Math.ceil(title.length / layout.titleLines) + 0.5}em"` : '';
  return `<h1 class="title"${width}>${esc(t)}</h1>`;
}

/** One note in brackets, events separated by an ideographic space, as npc.gov.cn prints it. */
function metaNote(lines: string[]): string {
  if (!lines.length) return '';
  return `<p class="meta">（${esc(lines.join('\u3000'))}）</p>`;
}

function tocTable(blocks: Block[]): string {
  const heads = blocks.filter((b) => b.kind === 'heading').map((b) => b.text);
  if (heads.length < 2) return '';
  const rows: string[] = [];
  const half = Math.ceil(heads.length / 2);
  for (let i = 0; i < half; i++) rows.push(`<tr><td>${esc(heads[i])}</td><td>${esc(heads[i + half] ?? '')}</td></tr>`);
  return `<div class="toc"><p class="toc-h">目　　录</p><table>${rows.join('')}</table></div>`;
}

function docHtml(d: PrintDoc, layout: Layout, first: boolean): string {
  const parts: string[] = [];
  const cls = first ? 'doc' : layout.pageBreak ? 'doc break' : 'doc next';
  parts.push(`<section class="${cls}">`);
  if (d.docNumber && d.docNumberAbove) parts.push(`<p class="docno">${esc(d.docNumber)}</p>`);
  parts.push(titleHtml(d.title, layout));
  if (d.subtitle) parts.push(`<p class="subtitle">${esc(d.subtitle)}</p>`);
  if (d.docNumber && !d.docNumberAbove) parts.push(`<p class="docno">${esc(d.docNumber)}</p>`);
  if (layout.meta === 'note') parts.push(metaNote(d.metaLines));
  else for (const l of d.metaLines) parts.push(`<p class="meta">${esc(l)}</p>`);
  if (layout.toc) parts.push(tocTable(d.blocks));
  if (d.addressees) parts.push(`<p class="addr">${esc(d.addressees)}</p>`);
  for (const b of d.blocks) parts.push(b.kind === 'heading' ? `<p class="h h${b.level}">${esc(b.text)}</p>` : para(b.text, layout));
  for (const s of d.signature ?? []) parts.push(`<p class="sig">${esc(s)}</p>`);
  if (d.signDate) parts.push(`<p class="sig">${esc(d.signDate)}</p>`);
  for (const c of d.closing ?? []) parts.push(para(c, layout));
  for (const a of d.attachments ?? []) {
    parts.push(`<div class="att"><p class="att-label">${esc(a.label)}</p><h2 class="title">${esc(a.title)}</h2>`);
    if (a.table) parts.push(`<table class="grid">${a.table.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</table>`);
    for (const b of a.blocks) parts.push(b.kind === 'heading' ? `<p class="h">${esc(b.text)}</p>` : para(b.text, layout));
    parts.push('</div>');
  }
  parts.push('</section>');
  return parts.join('\n');
}

export function renderHtml(docs: PrintDoc[], layout: Layout): string {
  const gap = layout.paragraph === 'gap' || layout.paragraph === 'indent-gap' ? '0.9em' : '0';
  const css = `
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: ${layout.fontPt}pt; line-height: ${layout.lineHeight}; margin: 0; }
p { margin: 0 0 ${gap} 0; text-align: justify; }
h1.title, h2.title { font-weight: normal; font-size: 1.5em; line-height: 1.4; text-align: center; width: ${layout.titleEm}em; max-width: 100%; margin: 0 auto 0.6em auto; }
h2.title { font-size: 1.3em; }
p.subtitle { text-align: center; font-size: 1.2em; margin-bottom: 0.6em; }
p.docno { text-align: center; margin: 0.3em 0 1em 0; }
p.meta { text-align: center; font-size: 0.95em; margin: 0 1.5em 0.4em 1.5em; }
p.h { text-align: center; margin: 0.8em 0 0.6em 0; }
p.sig { text-align: right; margin: 0 2em 0 0; }
p.addr { margin: 0.8em 0 0.2em 0; }
section.doc { margin-bottom: 2.5em; }
section.next { margin-top: 2em; }
section.break { break-before: page; }
div.toc { break-after: page; margin: 1em 0; }
div.toc table { width: 100%; border-collapse: collapse; }
div.toc td { width: 50%; padding: 0.2em 0.5em; vertical-align: top; }
p.toc-h { text-align: center; font-size: 1.2em; margin: 0.5em 0 1em 0; }
div.att { break-before: page; }
p.att-label { text-align: left; }
table.grid { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em 0; }
table.grid td { border: 1px solid #000; padding: 0.2em 0.4em; vertical-align: top; font-size: 0.9em; }
`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${css}</style></head><body>${docs.map((d, i) => docHtml(d, layout, i === 0)).join('\n')}</body></html>`;
}

/** The first printed line of a notice in this layout: the banner, or the title. */
export function bannerOf(n: NoticeText): string {
  return `${n.issuer.split('、')[0]}文件`;
}

function noticeHtml(n: NoticeText, layout: Layout, first: boolean): string {
  const parts: string[] = [`<section class="${first ? 'doc' : layout.pageBreak ? 'doc break' : 'doc next'}">`];
  if (layout.banner) {
    parts.push(`<p class="banner">${esc(bannerOf(n))}</p>`);
    if (n.docNumber) parts.push(`<p class="docno">${esc(n.docNumber)}</p>`);
    parts.push('<hr class="red">');
  }
  for (const it of n.items) {
    if (it.kind === 'table') {
      parts.push(`<table class="grid">${it.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</table>`);
      continue;
    }
    const p = it.p;
    // The banner already printed the 文号 above the title.
    if (layout.banner && n.docNumber && p.text === n.docNumber) continue;
    if (p.big) parts.push(`<h1 class="title">${esc(p.text)}</h1>`);
    else if (p.align === 'center') parts.push(`<p class="c">${esc(p.text)}</p>`);
    else if (p.align === 'right') parts.push(`<p class="sig">${esc(p.text)}</p>`);
    else if (p.align === 'indent') parts.push(layout.cssIndent ? `<p class="ti">${esc(p.text)}</p>` : para(p.text, layout));
    else parts.push(`<p>${esc(p.text)}</p>`);
  }
  parts.push('</section>');
  return parts.join('\n');
}

export function renderNoticeHtml(notices: NoticeText[], layout: Layout): string {
  const gap = layout.paragraph === 'gap' || layout.paragraph === 'indent-gap' ? '0.5em' : '0';
  const css = `
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: ${layout.fontPt}pt; line-height: ${layout.lineHeight}; margin: 0; }
p { margin: 0 0 ${gap} 0; text-align: justify; }
p.ti { text-indent: 2em; }
p.c { text-align: center; }
h1.title { font-weight: bold; font-size: 1.35em; line-height: 1.45; text-align: center; width: ${layout.titleEm}em; max-width: 100%; margin: 0.8em auto 0.8em auto; }
p.banner { text-align: center; color: #c00; font-size: 2em; letter-spacing: 0.15em; margin: 0.5em 0 0.8em 0; }
p.docno { text-align: center; margin: 0 0 0.3em 0; }
hr.red { border: 0; border-top: 2px solid #c00; margin: 0 0 1em 0; }
p.sig { text-align: right; margin: 0 2em ${gap} 0; }
section.next { margin-top: 3em; }
section.break { break-before: page; }
table.grid { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em 0; font-size: 0.8em; }
table.grid td { border: 1px solid #000; padding: 0.15em 0.3em; vertical-align: top; }
`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${css}</style></head><body>${notices.map((n, i) => noticeHtml(n, layout, i === 0)).join('\n')}</body></html>`;
}
