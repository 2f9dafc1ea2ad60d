/**
 * Where the app serves pdf.js's packed CMaps, relative to index.html: vite.config.ts copies
 * pdfjs-dist/cmaps/ there at build time (and serves it in dev). The import worker hands the absolute URL to
 * pdf.js (core/import/extract.ts says why a PDF needs them).
 */
export const PDFJS_CMAPS_PATH = 'pdfjs/cmaps/';
