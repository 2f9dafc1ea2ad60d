/**
 * PDF → raw corpus text with the real tools: poppler's pdftotext (reading
 * order, or -layout) and pdf.js (the library the app's import uses, lines
 * joined by core/import/pdf-lines.ts). Every page gets its `# Page N:` marker.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { pageLines, toRawText, type PdfTextItem } from '../../core/import/pdf-lines.js';

const run = promisify(execFile);

export type Extractor = 'pdftotext' | 'pdftotext-layout' | 'pdfjs';
export const EXTRACTORS: readonly Extractor[] = ['pdftotext', 'pdftotext-layout', 'pdfjs'];

/** pdftotext writes a form feed after each page; the text between them is the page. */
export async function extractWithPdftotext(pdfPath: string, layout: boolean): Promise<string[][]> {
  const args = [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', pdfPath, '-'];
  const { stdout } = await run('pdftotext', args, { maxBuffer: 256 << 20, encoding: 'utf8' });
  const pages = stdout.split('\f');
  if (pages.length > 1 && pages[pages.length - 1].trim() === '') pages.pop();
  return pages.map((p) => p.replace(/\n+$/, '').split('\n').map((l) => l.replace(/\s+$/, '')));
}

/** pdf.js in Node (legacy build, the one that runs on Node 20). */
export async function extractWithPdfjs(bytes: Uint8Array): Promise<string[][]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false }).promise;
  try {
    const pages: string[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const tc = await page.getTextContent();
      pages.push(pageLines(tc.items.filter((it): it is PdfTextItem & typeof it => 'str' in it)));
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

export async function extractRaw(pdfPath: string, bytes: Uint8Array, how: Extractor): Promise<{ text: string; pages: number }> {
  const pages = how === 'pdfjs' ? await extractWithPdfjs(bytes) : await extractWithPdftotext(pdfPath, how === 'pdftotext-layout');
  return { text: toRawText(pages), pages: pages.length };
}
