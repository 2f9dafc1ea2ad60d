/** The same export model as Markdown, for pasting into a report. */
import { citedTitle } from '../citation/citation.js';
import { COLOUR_NAMES } from '../annotations/model.js';
import type { ExportModel, ExportPassage } from './model.js';

/** Every line ending CommonMark knows: a lone \r (imported text) ends a line as surely as \n. */
const LINE_BREAK = /\r\n|\r|\n/;

/**
 * One line of user text as Markdown paragraph text that can open no block and
 * carry no markup: inline markup characters and entity-like `&` are escaped;
 * leading spaces or tabs become character references (four spaces would make
 * code); a leading marker of a heading, quote, list or setext underline
 * (`#`, `>`, `+`, `-`, `=`, `1.`, `1)`) is escaped.
 */
export function mdEscape(line: string): string {
  return line
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/&(?=#?[0-9a-z]+;)/gi, '\\&')
    .replace(/^[ \t]+/, (ws) => ws.replace(/ /g, '&#32;').replace(/\t/g, '&#9;'))
    .replace(/^([#>+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Text that must stay on one line (titles, citations, tags): its line breaks become spaces. */
const mdInline = (text: string) => text.split(LINE_BREAK).map(mdEscape).join(' ');

const quoteBlock = (text: string) =>
  text
    .split(LINE_BREAK)
    .filter((l) => l.trim() !== '')
    .map((l) => `> ${mdEscape(l)}`)
    .join('\n>\n');

/** A note keeps its lines as hard breaks in one paragraph; an empty line is a no-break space, since a blank line would end the paragraph. */
const noteLines = (note: string) =>
  note
    .split(LINE_BREAK)
    .map((l) => (l.trim() === '' ? '&nbsp;' : mdEscape(l)))
    .join('  \n');

function passageMd(p: ExportPassage): string {
  const out: string[] = [quoteBlock(p.quote)];
  const colour = p.kind === 'bookmark' ? '书签' : p.colour ? `${COLOUR_NAMES[p.colour]}标注` : '';
  out.push(`—— ${mdInline(p.citation + p.pages)}${colour ? `（${colour}）` : ''}${p.unplaced ? '（原条款在当前文库中未能定位）' : ''}`);
  if (p.clause) out.push(`原文：\n\n${quoteBlock(p.clause)}`);
  if (p.note) out.push(`**批注**：${noteLines(p.note)}`);
  if (p.tags.length) out.push(`标签：${p.tags.map(mdInline).join('、')}`);
  return out.join('\n\n');
}

export function renderExportMarkdown(model: ExportModel): string {
  const out: string[] = [`# ${mdInline(model.title)}`];
  if (model.author) out.push(mdInline(model.author));
  out.push(`${model.date} · 共 ${model.counts.passages} 处摘录，来自 ${model.counts.documents} 份文件${model.counts.notes ? `，含批注 ${model.counts.notes} 条` : ''}`);
  if (model.filters.length) out.push(model.filters.map((f) => `- ${mdInline(f)}`).join('\n'));
  for (const g of model.groups) {
    out.push(`## ${mdInline(citedTitle(g.title))}`);
    const meta = [g.docNumber, g.issuer, g.date].filter(Boolean) as string[];
    if (g.missing) meta.push('（当前文库中已无此文件）');
    if (meta.length) out.push(mdInline(meta.join(' · ')));
    for (const p of g.passages) out.push(passageMd(p));
  }
  if (!model.groups.length) out.push('所选范围内没有标注。');
  return `${out.join('\n\n')}\n`;
}
