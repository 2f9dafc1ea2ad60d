/**
 * A few real PDFs for tests that need PDF bytes (issue 17's import, the
 * extraction tests here), each with what it holds:
 *
 *   import { makeSamplePdfs } from '../scripts/realtext/sample-pdfs.js';
 *   for (const s of await makeSamplePdfs()) { s.name; s.pdf; s.expected.title; … }
 *
 *   npx tsx scripts/realtext/sample-pdfs.ts --out DIR   # NAME.pdf + NAME.json
 *
 * - `toc-two-column`: a regulation with a 目录 page set as a two-column table, then its text (B5);
 * - `table-notice`: a real State Council notice whose attachment is a five-column table;
 * - `header-footer`: a law printed under a gazette's running header, page numbers in the footer, over several pages;
 * - `title-three-lines`: a judicial interpretation whose long title is centred over three lines.
 * The texts are real (LawRefBook/Laws, gov.cn via ZhouYNF/platform-1); `expected` comes from the source, not from our parser.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LAW_LAYOUTS, NOTICE_LAYOUTS, renderHtml, renderNoticeHtml, type Layout } from './layouts.js';
import { countArticles, kindOfTitle, lawsCommit, parseLawMarkdown, readLawFile, type LawText } from './law-source.js';
import { noticeBlocks, noticeKind, readNotices } from './notice-source.js';
import { openPdfRenderer, type PdfOptions } from '../../test-support/render-pdf.js';
import { gazetteHeader } from './gazette.js';

export interface SamplePdf {
  name: string;
  what: string;
  pdf: Uint8Array;
  expected: {
    title: string;
    docNumber: string | null;
    /** Version date (laws) or signature date (notices), ISO. */
    date: string | null;
    issuer: string | null;
    kind: string;
    /** Paragraphs beginning with 第X条. */
    articles: number;
    /** The source's paragraphs, in order (title and metadata excluded), for character-accuracy checks. */
    paragraphs: string[];
    /** Running header and footer printed on every page, if any (furniture). */
    header: string | null;
    footer: PdfOptions['footer'];
  };
  source: { repo: string; path: string; commit: string; note?: string };
}

const LAWS = {
  toc: '行政法规/不动产登记暂行条例(2019-03-24).md',
  header: '行政法/义务教育法(2018-12-29).md',
  title3: '司法解释/最高人民法院关于审理食品药品纠纷案件适用法律若干问题的规定(2021-11-18).md',
};

function layout(id: string): Layout {
  const l = [...LAW_LAYOUTS, ...NOTICE_LAYOUTS].find((x) => x.id.startsWith(id));
  if (!l) throw new Error(`no layout ${id}`);
  return l;
}

function lawExpected(l: LawText, header: string | null, footer: PdfOptions['footer']): SamplePdf['expected'] {
  const acts = l.meta.filter((m) => m.event !== 'effective');
  return {
    title: l.title,
    docNumber: null,
    date: acts.length ? acts.map((m) => m.date).sort().at(-1)! : null,
    issuer: acts.find((m) => m.body && m.event !== 'approved')?.body ?? null,
    kind: kindOfTitle(l.title),
    articles: countArticles(l.blocks),
    paragraphs: l.blocks.map((b) => b.text),
    header,
    footer,
  };
}

export async function makeSamplePdfs(): Promise<SamplePdf[]> {
  const commit = lawsCommit();
  const law = (p: string): LawText => {
    const l = parseLawMarkdown(readLawFile(p), p, commit);
    if (!l) throw new Error(`cannot read ${p}`);
    return l;
  };
  const r = await openPdfRenderer();
  const out: SamplePdf[] = [];
  try {
    const doc = (l: LawText) => ({ title: l.title, metaLines: l.meta.map((m) => m.text), blocks: l.blocks });

    const toc = law(LAWS.toc);
    const L7 = layout('L07');
    out.push({ name: 'toc-two-column', what: 'a 目录 page set as a two-column table, then the text', pdf: await r.render(renderHtml([doc(toc)], L7), L7.pdf), expected: lawExpected(toc, null, L7.pdf.footer), source: toc.source });

    const notice = readNotices(60000).find((n) => n.docNumber === '国办发〔2018〕126号');
    if (!notice) throw new Error('notice 国办发〔2018〕126号 not in the source');
    const N1 = layout('N01');
    const nb = noticeBlocks(notice);
    out.push({
      name: 'table-notice',
      what: 'a State Council notice with a five-column table attachment',
      pdf: await r.render(renderNoticeHtml([notice], N1), N1.pdf),
      expected: { title: notice.title, docNumber: notice.docNumber, date: notice.date, issuer: notice.issuer, kind: noticeKind(notice.title, kindOfTitle), articles: countArticles(nb), paragraphs: nb.map((b) => b.text), header: null, footer: N1.pdf.footer },
      source: notice.source,
    });

    const hf = law(LAWS.header);
    const L6 = layout('L06');
    const header = gazetteHeader(hf, false);
    out.push({ name: 'header-footer', what: 'a running header and page numbers on every page', pdf: await r.render(renderHtml([doc(hf)], L6), { ...L6.pdf, header }), expected: lawExpected(hf, header, L6.pdf.footer), source: hf.source });

    const t3 = law(LAWS.title3);
    const L8 = layout('L08');
    out.push({ name: 'title-three-lines', what: 'a title centred over three lines', pdf: await r.render(renderHtml([doc(t3)], L8), L8.pdf), expected: lawExpected(t3, null, L8.pdf.footer), source: t3.source });
  } finally {
    await r.close();
  }
  return out;
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--out');
  const dir = path.resolve(i >= 0 ? process.argv[i + 1] : 'test-data/realtext/pdf');
  mkdirSync(dir, { recursive: true });
  for (const s of await makeSamplePdfs()) {
    writeFileSync(path.join(dir, `${s.name}.pdf`), s.pdf);
    writeFileSync(path.join(dir, `${s.name}.json`), JSON.stringify({ name: s.name, what: s.what, expected: s.expected, source: s.source }, null, 1) + '\n');
    console.log(`${s.name}.pdf ${Math.round(s.pdf.length / 1024)} KB — ${s.what}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(1);
  });
}
