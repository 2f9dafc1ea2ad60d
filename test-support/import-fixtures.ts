/**
 * Real files for the import tests and `npm run bench:import`, made from a real
 * text (test-data/import/face-recognition-rules.md, a 最高人民法院 judicial
 * interpretation): printed to PDF by Chromium the way a gazette prints it —
 * the title broken over three lines, a running header and a page-number
 * footer on every page, a two-column table on the last page — and written to
 * DOCX with the `docx` package. The Markdown is the answer key: the parser
 * never sees it.
 *
 * PDFs are cached in .cache/import-fixtures/ by the hash of their HTML and print options, so
 * only the first run launches Chromium.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { documentHtml, html, renderPdf, type PdfOptions } from './render-pdf';
import { printedUnderSignature } from '../core/citation/printed';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const CACHE = join(ROOT, '.cache', 'import-fixtures');

export interface Article {
  /** 第一条 */
  label: string;
  /** Its paragraphs as printed (the first without the label). */
  paragraphs: string[];
}

export interface AnswerKey {
  /** As the 公报 prints it: the issuing court before the Markdown's title. */
  title: string;
  docNumber: string;
  /** The lines printed under the title (adoption and effective dates). */
  dateLines: string[];
  preamble: string;
  articles: Article[];
  effectiveDate: string;
  /** The laws the preamble cites, printed as a two-column table (序号, 法律名称) on the last page. */
  tableRows: [string, string][];
}

export function lawAnswerKey(): AnswerKey {
  const md = readFileSync(join(ROOT, 'test-data', 'import', 'face-recognition-rules.md'), 'utf8');
  const [head, body] = md.split('<!-- INFO END -->');
  const title = /^#\s+(.+)$/m.exec(head)![1].trim();
  const dateLines = head.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const paras = body.split('\n').map((l) => l.trim()).filter(Boolean);
  const articles: Article[] = [];
  let preamble = '';
  for (const p of paras) {
    const m = /^(第[一二三四五六七八九十百]+条)\s+(.*)$/.exec(p);
    if (m) articles.push({ label: m[1], paragraphs: [m[2]] });
    else if (articles.length) articles[articles.length - 1].paragraphs.push(p);
    else preamble = p;
  }
  const laws = [...preamble.matchAll(/《([^》]+)》/g)].map((m) => m[1]);
  const eff = /(\d{4})年(\d{1,2})月(\d{1,2})日起施行/.exec(body)!;
  return {
    title: `最高人民法院${title}`,
    // The interpretation's number as published (法释 series of 2021); the Markdown does not carry it.
    docNumber: '法释〔2021〕15号',
    dateLines,
    preamble,
    articles,
    effectiveDate: `${eff[1]}-${eff[2].padStart(2, '0')}-${eff[3].padStart(2, '0')}`,
    tableRows: laws.map((l, i) => [String(i + 1), l]),
  };
}

/** The title broken into three centred lines, as long titles are printed (not at the page width). */
export function titleLines(title: string): string[] {
  const a = Math.ceil(title.length / 3);
  return [title.slice(0, a), title.slice(a, 2 * a), title.slice(2 * a)];
}

export const GAZETTE_HEADER = '中华人民共和国最高人民法院公报';

export function lawHtml(key: AnswerKey, opts: { repeat?: number } = {}): string {
  const e = html.esc;
  const once = (n: number) =>
    [
      `<h1${n ? ' class="break"' : ''}>${titleLines(key.title).map(e).join('<br>')}</h1>`,
      `<p class="center">${e(key.docNumber)}</p>`,
      ...key.dateLines.map((l) => `<p class="center">${e(l)}</p>`),
      `<p>${e(key.preamble)}</p>`,
      ...key.articles.flatMap((a) => a.paragraphs.map((p, i) => `<p>${i === 0 ? `${e(a.label)}　` : ''}${e(p)}</p>`)),
    ].join('\n');
  // A long compilation for the benchmark repeats the text (each copy on new pages); the tests print it once.
  const copies = Array.from({ length: opts.repeat ?? 1 }, (_, n) => once(n)).join('\n');
  const table = `<div class="break"></div><p class="flush">附：本规定所依据的法律</p><table><tr><th>序号</th><th>法律名称</th></tr>${key.tableRows.map(([n, l]) => `<tr><td>${e(n)}</td><td>《${e(l)}》</td></tr>`).join('')}</table>`;
  return documentHtml(copies + table);
}

/** Gazette margins (wider than the real-text set's) for every fixture PDF. */
const GAZETTE_MARGIN = { top: '28mm', bottom: '25mm', left: '26mm', right: '26mm' };

/** `page` printed with `opts`, from the cache when these bytes were printed before (the options are part of the key). */
function printed(name: string, page: string, opts: PdfOptions): Promise<Uint8Array> | Uint8Array {
  const options = { margin: GAZETTE_MARGIN, footer: 'none' as const, ...opts };
  return cached(name, page + JSON.stringify(options), () => renderPdf(page, options));
}

function cached(name: string, content: string, make: () => Promise<Uint8Array>): Promise<Uint8Array> | Uint8Array {
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 12);
  const file = join(CACHE, `${name}-${hash}.pdf`);
  if (existsSync(file)) return new Uint8Array(readFileSync(file));
  return make().then((bytes) => {
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(file, bytes);
    return bytes;
  });
}

/** The law printed to PDF with a running header and page numbers (see the module comment). */
export async function lawPdf(opts: { repeat?: number } = {}): Promise<Uint8Array> {
  const page = lawHtml(lawAnswerKey(), opts);
  return printed(`law-x${opts.repeat ?? 1}`, page, { header: GAZETTE_HEADER, footer: 'dash' });
}

/** A PDF whose pages are only images (a scan): Chromium prints an SVG drawing, no text. */
export async function scannedPdf(): Promise<Uint8Array> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="800"><rect width="600" height="800" fill="#eee"/>${Array.from({ length: 30 }, (_, i) => `<rect x="60" y="${40 + i * 24}" width="${300 + ((i * 37) % 180)}" height="10" fill="#333"/>`).join('')}</svg>`;
  const page = documentHtml(`<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="600">`);
  return printed('scanned', page, {});
}

/** The same text as a Word document, one paragraph per paragraph, written by the `docx` package. */
export async function lawDocx(): Promise<Uint8Array> {
  const { Document, Packer, Paragraph, TextRun, AlignmentType } = await import('docx');
  const key = lawAnswerKey();
  const centred = (t: string) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(t)] });
  const para = (t: string) => new Paragraph({ children: [new TextRun(t)] });
  const doc = new Document({
    sections: [
      {
        children: [
          centred(key.title),
          centred(key.docNumber),
          ...key.dateLines.map(centred),
          para(key.preamble),
          ...key.articles.flatMap((a) => a.paragraphs.map((p, i) => para(i === 0 ? `${a.label}　${p}` : p))),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/**
 * A real State Council notice (国办发〔2022〕35号, its paragraphs from test-data/import/govcn-notice-page.html) as a
 * Word document laid out as 公文 are printed (GB/T 9704): the issuing office's banner, the 文号, then the title,
 * the addressees, the text, the signature and the date, one paragraph each. mammoth gives it back one paragraph a
 * line, with no blank line, indent or wrap to say where the title ends.
 */
export async function noticeDocx(): Promise<Uint8Array> {
  const { Document, Packer, Paragraph, TextRun, AlignmentType } = await import('docx');
  const page = readFileSync(join(ROOT, 'test-data', 'import', 'govcn-notice-page.html'), 'utf8');
  const content = page.slice(page.indexOf('id="UCAP-CONTENT"'));
  const paras = [...content.slice(0, content.indexOf('</div>')).matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map((m) => m[1].replace(/<[^>]+>/g, '').trim());
  const [title, docNumber, ...rest] = paras;
  const line = (t: string, alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]) => new Paragraph({ alignment, children: [new TextRun(t)] });
  const doc = new Document({
    sections: [{ children: [line('国务院办公厅文件', AlignmentType.CENTER), line(docNumber, AlignmentType.CENTER), line(title, AlignmentType.CENTER), ...rest.map((t) => line(t))] }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/**
 * The same law as a Word document whose labels are Word's automatic numbering, as drafts made in Word or WPS
 * often have them: each article's first paragraph is an item of a list whose level prints 第%1条 in Chinese
 * counting (the 第一条 is not in the text), and its other paragraphs are plain.
 */
export async function lawDocxNumbered(): Promise<Uint8Array> {
  const { Document, Packer, Paragraph, TextRun, AlignmentType, LevelFormat } = await import('docx');
  const key = lawAnswerKey();
  const centred = (t: string) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(t)] });
  const doc = new Document({
    numbering: { config: [{ reference: 'articles', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '第%1条', alignment: AlignmentType.LEFT }] }] },
    sections: [
      {
        children: [
          centred(key.title),
          centred(key.docNumber),
          ...key.dateLines.map(centred),
          new Paragraph({ children: [new TextRun(key.preamble)] }),
          ...key.articles.flatMap((a) => a.paragraphs.map((p, i) => new Paragraph({ ...(i === 0 ? { numbering: { reference: 'articles', level: 0 } } : {}), children: [new TextRun(p)] }))),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/**
 * The same PDF as a reader sees a password-protected one: an incremental
 * update adds a Standard security handler (/Encrypt in the trailer) whose
 * user-password check fails for the empty password, which is what makes a
 * reader ask for a password. No encryption tool is installed here (qpdf),
 * and the refusal only depends on that check.
 */
export function passwordProtected(pdf: Uint8Array): Uint8Array {
  const tail = new TextDecoder('latin1').decode(pdf.subarray(Math.max(0, pdf.length - 2048)));
  const size = Number(/\/Size (\d+)/.exec(tail)![1]);
  const root = /\/Root (\d+ \d+ R)/.exec(tail)![1];
  const prev = Number(/startxref\s+(\d+)/.exec(tail)![1]);
  const hex = (seed: string) => createHash('sha256').update(seed).digest('hex');
  const obj = `\n${size} 0 obj\n<</Filter/Standard/V 1/R 2/O <${hex('owner')}>/U <${hex('user')}>/P -44>>\nendobj\n`;
  const objAt = pdf.length + 1;
  const xrefAt = pdf.length + obj.length;
  const update = `${obj}xref\n${size} 1\n${String(objAt).padStart(10, '0')} 00000 n \ntrailer\n<</Size ${size + 1}/Root ${root}/Encrypt ${size} 0 R/ID [<${hex('id').slice(0, 32)}><${hex('id').slice(0, 32)}>]/Prev ${prev}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  const out = new Uint8Array(pdf.length + update.length);
  out.set(pdf);
  out.set(new TextEncoder().encode(update), pdf.length);
  return out;
}

interface PrintableUnit {
  label: string;
  printedLabel?: string;
  level: string;
  heading: string | null;
  paragraphs: { text: string }[];
  children: PrintableUnit[];
}
interface PrintableDoc {
  title: string;
  docNumber: string | null;
  addressees: string | null;
  signature: string[];
  units: PrintableUnit[];
}

/**
 * A document of the bundled corpus printed as its issuer prints it: title
 * (three lines), 文号, addressees, the notice's text, signature and date,
 * the notes under the date, then what it issues under 附件 on a new page. Importing it must place it as
 * the same text as the corpus's copy.
 */
export function corpusDocHtml(d: PrintableDoc): string {
  const e = html.esc;
  const unit = (u: PrintableUnit): string => {
    if (u.level === 'appendix') return `<p class="flush break">${e(u.label)}</p><h1>${e(u.heading ?? '')}</h1>${u.paragraphs.map((p) => `<p>${e(p.text)}</p>`).join('')}${u.children.map(unit).join('')}`;
    const label = u.level === 'clause' ? '' : (u.printedLabel ?? u.label);
    const first = [label, u.heading ?? ''].join('');
    const paras = u.paragraphs.map((p, i) => `<p>${i === 0 && !u.heading ? e(label) : ''}${e(p.text)}</p>`);
    return (u.heading ? `<p>${e(first)}</p>` : '') + paras.join('') + u.children.map(unit).join('');
  };
  // As GB/T 9704 orders them: the text, the signature, its 附注 under the date, the attachments, the 版记.
  const of = (...levels: string[]) => d.units.filter((u) => levels.includes(u.level));
  const notice = d.units.filter((u) => !printedUnderSignature(u));
  return documentHtml(
    [
      `<h1>${titleLines(d.title).map(e).join('<br>')}</h1>`,
      d.docNumber ? `<p class="center">${e(d.docNumber)}</p>` : '',
      d.addressees ? `<p class="flush">${e(d.addressees)}</p>` : '',
      ...notice.map(unit),
      ...d.signature.map((s) => `<p class="right">${e(s)}</p>`),
      ...of('note').map(unit),
      ...of('appendix').map(unit),
      ...of('imprint').map(unit),
    ].join('\n'),
  );
}

export async function corpusDocPdf(d: PrintableDoc & { id: string }, header = '政府公报'): Promise<Uint8Array> {
  const page = corpusDocHtml(d);
  return printed(`corpus-${d.id}`, page, { header, footer: 'dash' });
}
