/**
 * Real PDFs for the import tests and bench: HTML printed by Debian's Chromium
 * (`page.pdf`, the same engine that prints the export), with a running header
 * and a page-number footer on every page as government gazettes print them.
 */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface PrintOptions {
  /** Running header printed at the top of every page (a gazette's name), none when absent. */
  header?: string;
  /** Print `— N —` at the foot of every page. */
  pageNumbers?: boolean;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

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

export async function withBrowser<T>(run: (b: Browser) => Promise<T>): Promise<T> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    return await run(browser);
  } finally {
    await browser.close();
  }
}

export async function printPdf(browser: Browser, htmlText: string, opts: PrintOptions = {}): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setContent(htmlText, { waitUntil: 'load' });
    const small = 'font-family: Noto Sans CJK SC, sans-serif; font-size: 9pt; width: 100%; text-align: center;';
    const pdf = await page.pdf({
      format: 'A4',
      margin: { top: '28mm', bottom: '25mm', left: '26mm', right: '26mm' },
      displayHeaderFooter: Boolean(opts.header || opts.pageNumbers),
      headerTemplate: opts.header ? `<div style="${small}">${esc(opts.header)}</div>` : '<span></span>',
      footerTemplate: opts.pageNumbers ? `<div style="${small}">— <span class="pageNumber"></span> —</div>` : '<span></span>',
    });
    return new Uint8Array(pdf);
  } finally {
    await page.close();
  }
}
