/**
 * The PDF and DOCX readers in Node (the CLI's build, tests, benchmarks): pdf.js
 * from its legacy build (the one that runs on Node 20) and mammoth. The
 * renderer's worker loads the browser builds instead; both feed
 * core/import/extract.ts.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ExtractorLibs, PdfJsLike } from '../core/import/extract.js';

let pdfjs: Promise<PdfJsLike> | null = null;

export const nodeExtractorLibs: ExtractorLibs = {
  pdfjs: () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((m) => m as unknown as PdfJsLike)),
  // The CMaps beside the pdf.js that runs (a folder path with its trailing slash: pdf.js reads them with fs).
  pdfCMaps: { url: path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps') + path.sep, fetchInWorker: false },
  docxText: async (bytes) => {
    const mammoth = await import('mammoth');
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return value;
  },
};
