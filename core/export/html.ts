/**
 * The one layout of an export: a complete, self-contained HTML document
 * (inline CSS, no scripts, fonts as data: URLs) that is both the live preview
 * (a sandboxed iframe's srcdoc) and what Chromium prints to PDF (printToPDF in
 * Electron, page.pdf in tests, the print dialog in the browser preview).
 *
 * Page numbers and the title in the footer are CSS page-margin boxes
 * (@page @bottom-…), which Chromium prints since version 131 in every one of
 * those paths, unlike printToPDF's footerTemplate, which the print dialog and
 * the preview do not have.
 */
import { COLOUR_NAMES, type HighlightColour } from '../annotations/model.js';
import { escapeHtml } from '../util/escape-html.js';
import { citedTitle } from '../citation/citation.js';
import { type ClauseMark, type ExportGroup, type ExportModel, type ExportPassage } from './model.js';
import { base64, EXPORT_FONT_FAMILY, type FontSlice, fontFaceCss, slicesFor } from './fonts.js';

/** Bar and background of each highlight colour, chosen to survive black-and-white copies as a darker bar. */
export const PRINT_COLOURS: Record<HighlightColour, { bar: string; bg: string }> = {
  yellow: { bar: '#d4a600', bg: '#fff6cc' },
  green: { bar: '#3f9a4f', bg: '#e2f3e4' },
  blue: { bar: '#3b78d0', bg: '#e1ebfb' },
  pink: { bar: '#d0508c', bg: '#fbe3ee' },
  purple: { bar: '#8757c4', bg: '#eee4f8' },
  orange: { bar: '#dc7a1e', bg: '#fde8d2' },
};


/** A CSS string literal (for `content:` in the page footer). */
export function cssString(s: string): string {
  return `"${s.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, ' ').replace(/</g, '\\3c ')}"`;
}

const paras = (text: string, cls: string) =>
  text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => `<p class="${cls}">${escapeHtml(l)}</p>`)
    .join('');

/**
 * The clause as printed, one paragraph a line, with the exported passages
 * marked in their colours (a mark across a line break is cut at the break).
 */
function markedClause(text: string, marks: readonly ClauseMark[]): string {
  let at = 0;
  return text
    .split('\n')
    .map((line) => {
      const lineStart = at;
      at += line.length + 1;
      if (line.trim() === '') return '';
      let out = '';
      let pos = 0;
      for (const m of marks) {
        const s = Math.max(m.start - lineStart, pos);
        const e = Math.min(m.end - lineStart, line.length);
        if (e <= s) continue;
        out += escapeHtml(line.slice(pos, s));
        out += `<mark class="${m.colour ? `m-${m.colour}` : 'm-none'}">${escapeHtml(line.slice(s, e))}</mark>`;
        pos = e;
      }
      return `<p class="clause">${out}${escapeHtml(line.slice(pos))}</p>`;
    })
    .join('');
}

export function baseCss(title: string): string {
  const font = `'${EXPORT_FONT_FAMILY}', sans-serif`;
  return `
@page { size: A4; margin: 22mm 20mm 24mm 20mm;
  @bottom-left { content: ${cssString(title)}; font-family: ${font}; font-size: 8.5pt; color: #666; }
  @bottom-right { content: "第 " counter(page) " 页 / 共 " counter(pages) " 页"; font-family: ${font}; font-size: 8.5pt; color: #666; }
}
@page cover { @bottom-left { content: none; } @bottom-right { content: none; } }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${font}; font-size: 11pt; line-height: 1.75; color: #1a1a1a; background: #fff;
  text-align: justify; line-break: strict; overflow-wrap: anywhere; font-kerning: none; }
@media screen {
  html { background: #8a8a8a; }
  body { padding: 16px 0; background: transparent; }
  /* Sheets of A4 width, so the preview reads as the pages it prints as. */
  .cover, main { box-sizing: border-box; width: 210mm; max-width: calc(100vw - 24px); margin: 0 auto 16px; padding: 22mm 20mm; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.35); }
  .cover { min-height: 297mm; }
}
.cover { page: cover; break-after: page; display: flex; flex-direction: column; justify-content: center; min-height: 230mm; }
.cover h1 { font-size: 24pt; font-weight: 700; letter-spacing: 0.05em; margin: 0 0 10mm; line-height: 1.4; }
.cover .meta { font-size: 11pt; color: #333; margin: 0 0 2mm; }
.cover .filters { margin-top: 8mm; padding-top: 4mm; border-top: 0.6pt solid #999; font-size: 10pt; color: #444; }
.cover .filters p { margin: 0 0 1mm; }
.doc { margin-bottom: 8mm; }
/* A document's heading never ends a page: it is kept with its first passage (break-after alone is only a hint to Chromium). */
.lead { break-inside: avoid; }
.doc h2 { break-after: avoid; break-inside: avoid; font-size: 15pt; font-weight: 700; line-height: 1.45; margin: 0 0 2mm; }
.doc .docmeta { break-after: avoid; font-size: 9.5pt; color: #555; margin: 0 0 6mm; padding-bottom: 2mm; border-bottom: 0.6pt solid #bbb; }
.passage { break-inside: avoid; margin: 0 0 5mm; padding: 2.5mm 4mm 2.5mm 5mm; border-left: 3pt solid #999; background: #f4f4f4; }
${Object.entries(PRINT_COLOURS)
  .map(([c, v]) => `.passage.c-${c} { border-left-color: ${v.bar}; background: ${v.bg}; }`)
  .join('\n')}
.passage.bookmark { background: #fff; border-left-style: double; border-left-width: 4pt; }
.quote { margin: 0 0 1.5mm; font-size: 11.5pt; }
.clause { margin: 0 0 1mm; font-size: 9.5pt; color: #444; }
.clausebox { margin: 1.5mm 0; padding: 1.5mm 0 0; border-top: 0.5pt dashed #aaa; }
.clause mark { color: inherit; background: #fff0a8; padding: 0 0.3mm; }
${Object.entries(PRINT_COLOURS)
  .map(([c, v]) => `.clause mark.m-${c} { background: ${v.bg}; box-shadow: inset 0 -1.2pt 0 ${v.bar}; }`)
  .join('\n')}
.above { font-size: 8.5pt; color: #666; margin: 0.5mm 0 0; }
.cite { margin: 1mm 0 0; font-size: 9pt; color: #444; }
.colour { font-size: 8.5pt; color: #555; margin-right: 2mm; }
.note { margin: 2mm 0 0; padding: 1.5mm 3mm; background: #fff; border: 0.5pt solid #bbb; border-radius: 1mm; font-size: 10pt; }
.note .label { font-weight: 700; color: #333; margin-right: 1.5mm; }
.note p { margin: 0; }
.tags { font-size: 8.5pt; color: #555; margin: 1mm 0 0; }
.unplaced { font-size: 8.5pt; color: #a33; }
.empty { font-size: 12pt; color: #555; margin-top: 20mm; text-align: center; }
`;
}

function passageHtml(p: ExportPassage): string {
  const cls = ['passage', p.colour ? `c-${p.colour}` : '', p.kind === 'bookmark' ? 'bookmark' : ''].filter(Boolean).join(' ');
  const colour = p.colour ? `<span class="colour">${p.kind === 'bookmark' ? '书签' : `${COLOUR_NAMES[p.colour]}标注`}</span>` : '';
  const clause = p.clause ? `<div class="clausebox">${markedClause(p.clause, p.clauseMarks ?? [])}</div>` : p.clauseAbove ? `<p class="above">（所在条款全文见上）</p>` : '';
  const note = p.note ? `<div class="note"><span class="label">批注</span>${paras(p.note, 'notetext')}</div>` : '';
  const tags = p.tags.length ? `<p class="tags">标签：${p.tags.map(escapeHtml).join('、')}</p>` : '';
  const unplaced = p.unplaced ? `<span class="unplaced">（原条款在当前文库中未能定位）</span>` : '';
  return `<section class="${cls}">${paras(p.quote, 'quote')}${clause}<p class="cite">${colour}${escapeHtml(p.citation + p.pages)}${unplaced}</p>${note}${tags}</section>`;
}

function groupHtml(g: ExportGroup): string {
  const meta = [g.docNumber, g.issuer, g.date].filter(Boolean).map((x) => escapeHtml(x!));
  if (g.missing) meta.push('（当前文库中已无此文件）');
  const head = `<h2>${escapeHtml(citedTitle(g.title))}</h2>${meta.length ? `<p class="docmeta">${meta.join(' · ')}</p>` : ''}`;
  const [first, ...rest] = g.passages.map(passageHtml);
  return `<section class="doc"><div class="lead">${head}${first ?? ''}</div>${rest.join('')}</section>`;
}

export interface HtmlOptions {
  /** @font-face rules (fontFaceCss) to embed; '' in tests and for measuring which characters are used. */
  fontCss?: string;
}

export function renderExportHtml(model: ExportModel, opts: HtmlOptions = {}): string {
  const counts = `共 ${model.counts.passages} 处摘录，来自 ${model.counts.documents} 份文件${model.counts.notes ? `，含批注 ${model.counts.notes} 条` : ''}`;
  const filters = model.filters.length ? model.filters : ['范围：全部标注'];
  const cover = `<header class="cover"><h1>${escapeHtml(model.title)}</h1>${model.author ? `<p class="meta">${escapeHtml(model.author)}</p>` : ''}<p class="meta">${escapeHtml(model.date)}</p><p class="meta">${counts}</p><div class="filters">${filters.map((f) => `<p>${escapeHtml(f)}</p>`).join('')}</div></header>`;
  const body = model.groups.length ? model.groups.map(groupHtml).join('') : `<p class="empty">所选范围内没有标注。</p>`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(model.title)}</title><style>${opts.fontCss ?? ''}${baseCss(model.title)}</style></head><body>${cover}<main>${body}</main></body></html>`;
}

/** Loads a font slice's woff2 bytes (fetch in the renderer, readFile in Node). */
export type LoadFontSlice = (file: string) => Promise<Uint8Array>;

/** The bundled font's slices: regular for text, bold for headings (else Chromium fakes bold with Type 3 glyphs). */
export interface FontSlices {
  regular: readonly FontSlice[];
  bold: readonly FontSlice[];
}

/** Text set in bold: the cover title, document titles, the 批注 label. */
function boldText(model: ExportModel): string {
  return [model.title, '批注', ...model.groups.map((g) => citedTitle(g.title))].join('');
}

/**
 * A page rendered with the font slices its text needs embedded: rendered once
 * without fonts to learn which characters it holds (the footer's CSS strings
 * included), then again with them. `bold` is the text set in bold.
 */
export async function embedFonts(render: (fontCss: string) => string, bold: string, slices: FontSlices, load: LoadFontSlice): Promise<string> {
  const regular = slicesFor(render(''), slices.regular);
  const boldSlices = slicesFor(bold, slices.bold);
  const data = new Map<string, string>();
  await Promise.all([...regular, ...boldSlices].map(async (s) => data.set(s.file, `data:font/woff2;base64,${base64(await load(s.file))}`)));
  const url = (s: FontSlice) => data.get(s.file)!;
  return render(`${fontFaceCss(regular, url, 400)}\n${fontFaceCss(boldSlices, url, 700)}`);
}

export function exportHtmlWithFonts(model: ExportModel, slices: FontSlices, load: LoadFontSlice): Promise<string> {
  return embedFonts((fontCss) => renderExportHtml(model, { fontCss }), boldText(model), slices, load);
}
