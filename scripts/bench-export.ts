/**
 * `npm run bench:export`: the time to produce the PDF
 *   - of 500 passages (highlights with notes spread over the real corpus), target < 5 s
 *   - of the largest document (打印 / 导出本文, with structure)
 * Each time = export model + HTML with embedded font slices + Chromium's page.pdf
 * (the engine of Electron's printToPDF). Baseline in the same run: the same HTML
 * rendered as a page (setContent until load). Medians over N runs; figures only.
 *   - and in the app (preview server, real IndexedDB): the preview of 50
 *     passages until it shows all 50 (target < 500 ms), from 导出 PDF… in
 *     我的标注 and from a fresh page load (also until its fonts are embedded),
 *     against the same fresh page load to 我的标注's count (the app's boot and
 *     annotation read, without the export).
 *
 *   npm run bench:export -- [--runs N] [--corpus DIR]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { newAnnotation } from '../core/annotations/create';
import type { Annotation } from '../core/annotations/model';
import { HIGHLIGHT_COLOURS } from '../core/annotations/model';
import type { PolicyDocument } from '../core/corpus/types';
import { documentBoldText, renderDocumentHtml } from '../core/export/document';
import { parseFontSlices } from '../core/export/fonts';
import { embedFonts, exportHtmlWithFonts, type FontSlices } from '../core/export/html';
import { buildExportModel, defaultExportOptions } from '../core/export/model';
import { flatten, readCorpus } from '../e2e/browser/corpus-facts';
import { serializeAnnotationFile } from '../core/annotations/file';
import { FIXTURE_CORPUS, launch, startServer } from '../e2e/browser/harness';
import { DEFAULT_CORPUS } from './preview-server';
import { median } from './bench-stats';

const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const RUNS = Math.max(1, Number(opt('--runs') ?? 5));
const corpus = opt('--corpus') ?? (existsSync(join(DEFAULT_CORPUS, 'library.json')) ? DEFAULT_CORPUS : FIXTURE_CORPUS);
const FONT_DIR = resolve(fileURLToPath(import.meta.url), '../../node_modules/@fontsource/noto-sans-sc');

const ms = (x: number) => `${Math.round(x)} ms`;

function passages(docs: PolicyDocument[], n: number, contentHash: string): Annotation[] {
  const candidates = docs.flatMap((doc) => flatten(doc.units).filter((u) => (u.paragraphs[0]?.text.length ?? 0) >= 24).map((unit) => ({ doc, unit })));
  const step = Math.max(1, Math.floor(candidates.length / n));
  const out: Annotation[] = [];
  for (let i = 0; out.length < n && i < candidates.length * step; i += step) {
    const { doc, unit } = candidates[i % candidates.length];
    const start = (out.length * 3) % 8;
    out.push(
      newAnnotation({
        motivation: out.length % 3 === 0 ? 'commenting' : 'highlighting',
        doc,
        unit,
        range: { start, end: start + 16 },
        colour: HIGHLIGHT_COLOURS[out.length % HIGHLIGHT_COLOURS.length],
        note: out.length % 3 === 0 ? `第${out.length + 1}条批注：与现行做法对照，需要在会上说明。` : undefined,
        contentHash,
        now: new Date(Date.UTC(2026, 0, 1, 0, out.length)),
      }),
    );
  }
  return out;
}

async function time<T>(run: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await run();
  return [performance.now() - t0, v];
}

async function measure(label: string, page: Page, build: () => Promise<string>) {
  const total: number[] = [];
  const htmlMs: number[] = [];
  const pdfMs: number[] = [];
  const baseline: number[] = [];
  let bytes = 0;
  let pdfBytes = 0;
  for (let r = 0; r < RUNS; r++) {
    const [tHtml, html] = await time(build);
    // Baseline: the same HTML shown as a page.
    const [tPage] = await time(() => page.setContent(html, { waitUntil: 'load' }));
    await page.setContent('<p></p>');
    const [tPdf, pdf] = await time(async () => {
      await page.setContent(html, { waitUntil: 'load' });
      return page.pdf({ format: 'A4', printBackground: true });
    });
    htmlMs.push(tHtml);
    pdfMs.push(tPdf);
    total.push(tHtml + tPdf);
    baseline.push(tPage);
    bytes = html.length;
    pdfBytes = pdf.byteLength;
  }
  console.log(
    `${label}: PDF produced in ${ms(median(total))} median (HTML+fonts ${ms(median(htmlMs))}, load+page.pdf ${ms(median(pdfMs))}); ` +
      `baseline: same HTML rendered as a page ${ms(median(baseline))}; HTML ${(bytes / 1024).toFixed(0)} KiB, PDF ${(pdfBytes / 1024).toFixed(0)} KiB`,
  );
}

const facts = readCorpus(corpus, corpus !== FIXTURE_CORPUS);
const contentHash = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')).contentHash as string;
const docs = facts.library.map((d) => facts.doc(d.id));
const byId = new Map(docs.map((d) => [d.id, d]));
const slices: FontSlices = {
  regular: parseFontSlices(readFileSync(join(FONT_DIR, '400.css'), 'utf8')),
  bold: parseFontSlices(readFileSync(join(FONT_DIR, '700.css'), 'utf8')),
};
const load = async (file: string) => new Uint8Array(readFileSync(join(FONT_DIR, 'files', file)));

const marks = passages(docs, 500, contentHash);
const largest = [...docs].sort((a, b) => b.charCount - a.charCount)[0];
console.log(`corpus ${corpus}: ${marks.length} passages from ${new Set(marks.map((a) => a.target['policyReader:document'].id)).size} documents; largest document ${largest.title} (${largest.charCount} characters); ${RUNS} runs`);

/** #/export in the app: the preview of `n` passages, from a fresh page load. */
async function measurePreview(n: number) {
  const server = await startServer(corpus);
  const app = await launch();
  try {
    const { page } = app;
    await page.goto(`${server.url}#/annotations`);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '导入标注' }).click()]);
    await chooser.setFiles({ name: 'bench.json', mimeType: 'application/json', buffer: Buffer.from(serializeAnnotationFile(passages(docs, n, contentHash), new Date())) });
    await page.getByTestId('annot-count').filter({ hasText: `共 ${n} 条` }).waitFor({ timeout: 60_000 });
    const shown: number[] = [];
    const embedded: number[] = [];
    const baseline: number[] = [];
    const inApp: number[] = [];
    const passagesIn = (html: string | null) => (html?.match(/<section class="passage/g) ?? []).length;
    for (let r = 0; r < RUNS; r++) {
      await page.goto('about:blank');
      const [tBase] = await time(async () => {
        await page.goto(`${server.url}#/annotations`);
        await page.getByTestId('annot-count').filter({ hasText: `共 ${n} 条` }).waitFor({ timeout: 60_000 });
      });
      await page.goto('about:blank');
      const t0 = performance.now();
      await page.goto(`${server.url}#/export`);
      const frame = page.locator('iframe[title="导出预览"]');
      await page.waitForFunction((k) => ((document.querySelector('iframe[title="导出预览"]')?.getAttribute('srcdoc') ?? '').match(/<section class="passage/g) ?? []).length === k, n, { timeout: 60_000 });
      shown.push(performance.now() - t0);
      await page.locator('section[aria-label="导出预览"][aria-busy="false"]').waitFor({ timeout: 60_000 });
      embedded.push(performance.now() - t0);
      baseline.push(tBase);
      if (passagesIn(await frame.getAttribute('srcdoc')) !== n) throw new Error('the preview lost passages');
      // As a user gets there: 导出 PDF… in 我的标注, the app already open.
      await page.goto(`${server.url}#/annotations`);
      await page.getByTestId('annot-count').filter({ hasText: `共 ${n} 条` }).waitFor({ timeout: 60_000 });
      const t1 = performance.now();
      await page.getByRole('button', { name: '导出 PDF…' }).click();
      await page.waitForFunction((k) => ((document.querySelector('iframe[title="导出预览"]')?.getAttribute('srcdoc') ?? '').match(/<section class="passage/g) ?? []).length === k, n, { timeout: 60_000 });
      inApp.push(performance.now() - t1);
    }
    console.log(
      `preview of ${n} passages: from 导出 PDF… in 我的标注 ${ms(median(inApp))} median; from a fresh page load shown after ${ms(median(shown))}, ` +
        `fonts embedded after ${ms(median(embedded))}; baseline: the same fresh page load to 我的标注's count ${ms(median(baseline))}`,
    );
  } finally {
    await app.close();
    await server.close();
  }
}

declare const document: { querySelector(s: string): { getAttribute(n: string): string | null } | null };

await measurePreview(50);

const browser = await launch();
try {
  await measure('500 passages', browser.page, async () => {
    const now = new Date();
    const model = buildExportModel({ annotations: marks, docOf: (id) => byId.get(id), options: defaultExportOptions(now), filters: [], now });
    return exportHtmlWithFonts(model, slices, load);
  });
  await measure('largest document', browser.page, () =>
    embedFonts((fontCss) => renderDocumentHtml(largest, { annotations: [], date: '2026-11-23' }, fontCss), documentBoldText(largest), slices, load),
  );
} finally {
  await browser.close();
}
