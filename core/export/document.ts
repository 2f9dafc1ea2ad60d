/**
 * 打印 / 导出本文: a whole document with its structure (chapters, articles,
 * outline items indented by depth, markers as printed), optionally with the
 * user's highlights marked in the text and their notes after the clause. Same
 * page CSS, fonts and footer as the annotation export.
 */
import { resolveInUnit } from '../annotations/anchor.js';
import { COLOUR_NAMES, type Annotation, displayedQuote, noteOf } from '../annotations/model.js';
import { printedMarker } from '../citation/citation.js';
import type { PolicyDocument, Unit } from '../corpus/types.js';
import { unitBodyText } from '../corpus/units.js';
import { baseCss, PRINT_COLOURS as PALETTE } from './html.js';
import { escapeHtml } from '../util/escape-html.js';

export interface DocumentExportOptions {
  /** Highlights and notes of this document; empty = the plain text. */
  annotations: readonly Annotation[];
  /** YYYY-MM-DD shown under the title. */
  date: string;
}

interface Span {
  start: number;
  end: number;
  cls: string;
}

/** Where each annotation sits in its unit's body text (the position if it still holds the quote, else the first occurrence). */
function spansByUnit(doc: PolicyDocument, annotations: readonly Annotation[], bodies: Map<string, string>): Map<string, { spans: Span[]; notes: Annotation[] }> {
  const out = new Map<string, { spans: Span[]; notes: Annotation[] }>();
  for (const a of annotations) {
    const unitId = a.target['policyReader:unitId'];
    if (!unitId || a.motivation === 'bookmarking') continue;
    const body = bodies.get(unitId);
    if (body === undefined) continue;
    // The words the clause holds now (width-folded, or the approximate place): nothing is marked where they are not.
    const range = resolveInUnit(a, { paragraphs: [{ text: body, pages: [] }] });
    if (!range) continue;
    const entry = out.get(unitId) ?? { spans: [], notes: [] };
    entry.spans.push({ start: range.start, end: range.end, cls: `hl c-${a['policyReader:colour'] ?? 'yellow'}` });
    if (noteOf(a).trim()) entry.notes.push(a);
    out.set(unitId, entry);
  }
  return out;
}

/** Text with spans as <mark>, offsets relative to `base`; overlapping spans are cut at their boundaries. */
function markText(text: string, base: number, spans: Span[]): string {
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    for (const x of [s.start - base, s.end - base]) if (x > 0 && x < text.length) cuts.add(x);
  }
  const points = [...cuts].sort((a, b) => a - b);
  let out = '';
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const cover = spans.filter((s) => s.start - base <= a && s.end - base >= b);
    const piece = escapeHtml(text.slice(a, b));
    out += cover.length ? `<mark class="${cover[cover.length - 1].cls}">${piece}</mark>` : piece;
  }
  return out;
}

const HEADING_LEVELS = new Set(['part', 'subpart', 'chapter', 'section', 'appendix']);

export function renderDocumentHtml(doc: PolicyDocument, opts: DocumentExportOptions, fontCss = ''): string {
  const bodies = new Map<string, string>();
  const walkBodies = (us: Unit[]) =>
    us.forEach((u) => {
      bodies.set(u.id, unitBodyText(u));
      walkBodies(u.children);
    });
  walkBodies(doc.units);
  const marks = spansByUnit(doc, opts.annotations, bodies);
  const parts: string[] = [];
  const walk = (units: Unit[], depth: number) => {
    for (const u of units) {
      const m = marks.get(u.id);
      const marker = printedMarker(u);
      const indent = `style="margin-left:${Math.min(depth, 4) * 1.2}em"`;
      if (HEADING_LEVELS.has(u.level) || (u.heading && !u.paragraphs.length)) {
        const tag = HEADING_LEVELS.has(u.level) ? 'h2' : 'h3';
        parts.push(`<${tag} class="unit-h" ${tag === 'h3' ? indent : ''}>${escapeHtml([marker, u.heading].filter(Boolean).join(marker && /[、）).．]$/.test(marker) ? '' : ' '))}</${tag}>`);
      } else if (u.heading) {
        parts.push(`<h3 class="unit-h" ${indent}>${escapeHtml(marker)}${escapeHtml(u.heading)}</h3>`);
      }
      let base = 0;
      u.paragraphs.forEach((p, i) => {
        const lead = i === 0 && marker && !u.heading && !HEADING_LEVELS.has(u.level) && !p.text.startsWith(marker) ? `<span class="marker">${escapeHtml(marker)}${u.level === 'article' ? '　' : ''}</span>` : '';
        parts.push(`<p class="para" ${indent}>${lead}${markText(p.text, base, m?.spans ?? [])}</p>`);
        base += p.text.length + 1;
      });
      for (const a of m?.notes ?? []) {
        const c = a['policyReader:colour'];
        parts.push(
          `<div class="note doc-note" ${indent}><span class="label">批注</span>${c ? `<span class="colour">（${COLOUR_NAMES[c]}）</span>` : ''}「${escapeHtml(displayedQuote(a) ?? '')}」：${escapeHtml(noteOf(a).trim())}</div>`,
        );
      }
      walk(u.children, depth + 1);
    }
  };
  walk(doc.units, 0);
  const meta = [doc.docNumber, doc.issuer, doc.date ?? doc.effectiveDate].filter(Boolean).map((x) => escapeHtml(x!));
  const css = `${baseCss(doc.title)}
.doc-title { font-size: 18pt; font-weight: 700; text-align: center; line-height: 1.5; margin: 0 0 3mm; }
.doc-meta { text-align: center; color: #555; font-size: 10pt; margin: 0 0 8mm; }
.unit-h { font-size: 12pt; font-weight: 700; margin: 5mm 0 2mm; break-after: avoid; }
h2.unit-h { text-align: center; font-size: 13pt; }
.para { margin: 0 0 2mm; text-indent: 2em; }
.marker { font-weight: 700; }
mark.hl { padding: 0 0.05em; border-bottom: 1.5pt solid #999; }
${(['yellow', 'green', 'blue', 'pink', 'purple', 'orange'] as const).map((c) => `mark.c-${c} { background: var(--bg-${c}); border-bottom-color: var(--bar-${c}); }`).join('\n')}
.doc-note { margin: 0 0 3mm; }
.addressees, .signature { margin: 0 0 2mm; }
.signature { text-align: right; }`;
  const vars = `:root{${(['yellow', 'green', 'blue', 'pink', 'purple', 'orange'] as const).map((c) => `--bg-${c}:${PALETTE[c].bg};--bar-${c}:${PALETTE[c].bar};`).join('')}}`;
  const head = `<h1 class="doc-title">${escapeHtml(doc.title)}</h1>${meta.length ? `<p class="doc-meta">${meta.join(' · ')}</p>` : ''}${doc.addressees ? `<p class="addressees">${escapeHtml(doc.addressees)}</p>` : ''}`;
  const sig = doc.signature.map((l) => `<p class="signature">${escapeHtml(l)}</p>`).join('');
  const empty = doc.units.length ? '' : `<p class="empty">本文件没有正文${doc.bodyMissing ? '（来源页为空白或无文字）' : ''}。</p>`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title><style>${fontCss}${vars}${css}</style></head><body class="whole-doc"><main>${head}${parts.join('')}${empty}${sig}<p class="doc-meta">导出于 ${escapeHtml(opts.date)}</p></main></body></html>`;
}


/** Bold text of a whole document: the title and the headings. */
export function documentBoldText(doc: PolicyDocument): string {
  const out: string[] = [doc.title, '批注'];
  const walk = (us: Unit[]) =>
    us.forEach((u) => {
      out.push(u.label, printedMarker(u), u.heading ?? '');
      walk(u.children);
    });
  walk(doc.units);
  return out.join('');
}
