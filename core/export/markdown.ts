/** The same export model as Markdown, for pasting into a report. */
import { citedTitle } from '../citation/citation.js';
import { COLOUR_NAMES } from '../annotations/model.js';
import type { ExportModel, ExportPassage } from './model.js';

/** Escapes what Markdown would take as markup: emphasis, links, HTML, and list or heading markers at a line start. */
export function mdEscape(line: string): string {
  return line
    .replace(/[\\`*_[\]<>|]/g, '\\$&')
    .replace(/^(\s*)([#>+-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

const quoteBlock = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => `> ${mdEscape(l)}`)
    .join('\n>\n');

function passageMd(p: ExportPassage): string {
  const out: string[] = [quoteBlock(p.quote)];
  const colour = p.kind === 'bookmark' ? '书签' : p.colour ? `${COLOUR_NAMES[p.colour]}标注` : '';
  out.push(`—— ${mdEscape(p.citation + p.pages)}${colour ? `（${colour}）` : ''}${p.unplaced ? '（原条款在当前文库中未能定位）' : ''}`);
  if (p.clause) out.push(`原文：\n\n${quoteBlock(p.clause)}`);
  if (p.note) out.push(`**批注**：${p.note.split('\n').map(mdEscape).join('  \n')}`);
  if (p.tags.length) out.push(`标签：${p.tags.map(mdEscape).join('、')}`);
  return out.join('\n\n');
}

export function renderExportMarkdown(model: ExportModel): string {
  const out: string[] = [`# ${mdEscape(model.title)}`];
  if (model.author) out.push(mdEscape(model.author));
  out.push(`${model.date} · 共 ${model.counts.passages} 处摘录，来自 ${model.counts.documents} 份文件${model.counts.notes ? `，含批注 ${model.counts.notes} 条` : ''}`);
  if (model.filters.length) out.push(model.filters.map((f) => `- ${mdEscape(f)}`).join('\n'));
  for (const g of model.groups) {
    out.push(`## ${mdEscape(citedTitle(g.title))}`);
    const meta = [g.docNumber, g.issuer, g.date].filter(Boolean) as string[];
    if (g.missing) meta.push('（当前文库中已无此文件）');
    if (meta.length) out.push(mdEscape(meta.join(' · ')));
    for (const p of g.passages) out.push(passageMd(p));
  }
  if (!model.groups.length) out.push('所选范围内没有标注。');
  return `${out.join('\n\n')}\n`;
}
