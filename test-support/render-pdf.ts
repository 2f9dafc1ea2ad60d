/**
 * HTML → PDF with Chromium's own printing (the same engine officials' "print
 * to PDF" uses, and the one that prints the export), through playwright-core
 * and Debian's chromium: real PDF bytes for the real-text set
 * (scripts/realtext), the import tests and `npm run bench:import`. In
 * test-support/ so scripts, cli and core tests may all import it.
 *
 *   const r = await openPdfRenderer();
 *   const bytes = await r.render(html, { header: '…', footer: 'dash' });
 *   await r.close();
 *
 * or `renderPdf(html, opts)` for one file. `documentHtml(body)` wraps a body
 * in official-document typography.
 */
import { chromium, type Browser } from 'playwright-core';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export type FooterStyle = 'dash' | 'di-ye' | 'plain' | 'none';

export interface PdfOptions {
  /** CSS page size, e.g. 'A4', 'A5', or explicit width/height. */
  format?: 'A4' | 'A5' | 'B5';
  width?: string;
  height?: string;
  /** Running header printed on every page (e.g. a gazette's name). */
  header?: string;
  /** Page number in the footer: '— 3 —', '第 3 页', '3', or none. */
  footer?: FooterStyle;
  margin?: { top: string; bottom: string; left: string; right: string };
}

const FOOTERS: Record<Exclude<FooterStyle, 'none'>, string> = {
  dash: '— <span class="pageNumber"></span> —',
  'di-ye': '第 <span class="pageNumber"></span> 页',
  plain: '<span class="pageNumber"></span>',
};

/** ISO sizes (Chromium knows A4/A5 but not B5). */
const PAGE_SIZES = { A4: { width: '210mm', height: '297mm' }, A5: { width: '148mm', height: '210mm' }, B5: { width: '176mm', height: '250mm' } };


export interface PdfRenderer {
  render(html: string, opts?: PdfOptions): Promise<Uint8Array>;
  close(): Promise<void>;
}

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export async function openPdfRenderer(): Promise<PdfRenderer> {
  const browser: Browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
  const context = await browser.newContext();
  return {
    async render(html, opts = {}) {
      const page = await context.newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        const font = 'font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif;';
        const footer = opts.footer ?? 'dash';
        const buf = await page.pdf({
          ...(opts.width && opts.height ? { width: opts.width, height: opts.height } : PAGE_SIZES[opts.format ?? 'A4']),
          printBackground: false,
          displayHeaderFooter: Boolean(opts.header) || footer !== 'none',
          headerTemplate: opts.header
            ? `<div style="${font} font-size: 9px; width: 100%; text-align: center; color: #333;">${esc(opts.header)}</div>`
            : '<span></span>',
          footerTemplate: footer !== 'none' ? `<div style="${font} font-size: 10px; width: 100%; text-align: center;">${FOOTERS[footer]}</div>` : '<span></span>',
          margin: opts.margin ?? { top: '22mm', bottom: '20mm', left: '24mm', right: '22mm' },
        });
        return new Uint8Array(buf);
      } finally {
        await page.close();
      }
    },
    async close() {
      await browser.close();
    },
  };
}

export async function renderPdf(html: string, opts: PdfOptions = {}): Promise<Uint8Array> {
  const r = await openPdfRenderer();
  try {
    return await r.render(html, opts);
  } finally {
    await r.close();
  }
}

/** A page of official-document typography: 小标宋-sized centred title, 仿宋-sized body with a two-character indent. */
export function documentHtml(body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
  body { font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif; font-size: 16pt; line-height: 1.7; margin: 0; }
  h1 { font-size: 20pt; text-align: center; font-weight: normal; line-height: 1.5; margin: 0 0 0.8em; }
  p { margin: 0; text-indent: 2em; text-align: justify; }
  p.flush { text-indent: 0; }
  p.center { text-align: center; text-indent: 0; }
  p.right { text-align: right; }
  table { border-collapse: collapse; width: 100%; font-size: 12pt; }
  td, th { border: 1px solid #000; padding: 4pt; vertical-align: top; }
  .break { break-before: page; }
  </style></head><body>${body}</body></html>`;
}

export const html = { esc };
