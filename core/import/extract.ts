/**
 * A user's file (name + bytes) → raw text in the corpus's raw format, or a
 * refusal with a Chinese message saying why. One dispatch for the app's
 * import worker and for `policy-reader build` (a `.pdf` or `.docx` in raw/),
 * so a maintainer gets the text the app gets. The libraries that read PDF
 * and DOCX are passed in (`ExtractorLibs`): core stays free of platform code,
 * and the renderer and Node load each library their own way.
 */
import { ALMOST_NO_CHINESE, decodeRaw } from '../corpus/decode.js';
import { withNumberLabels } from './docx-numbering.js';
import { htmlToText } from './html-text.js';
import { Word97Error, word97Text } from './word97.js';
import { isCompoundFile } from './compound-file.js';
import { markdownToText } from '../text/markdown.js';
import { type PdfTextItem, pageLines, toRawText } from './pdf-lines.js';

export type SourceKind = 'pdf' | 'docx' | 'doc' | 'txt' | 'md' | 'html';

/** Files larger than this are refused before they are read (a policy PDF of 500 pages is ~20 MB). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const MAX_IMPORT_LABEL = '50 MB';

/** The subset of pdf.js this module uses (`getDocument(...).promise`, pages, text content). */
export interface PdfJsLike {
  getDocument(src: { data: Uint8Array; isEvalSupported?: boolean; useSystemFonts?: boolean; disableFontFace?: boolean; verbosity?: number; cMapUrl?: string; cMapPacked?: boolean; useWorkerFetch?: boolean }): {
    promise: Promise<PdfDocumentLike>;
    destroy(): Promise<void>;
  };
}
interface PdfDocumentLike {
  numPages: number;
  getPage(n: number): Promise<{ getTextContent(): Promise<{ items: unknown[] }>; cleanup(): unknown }>;
}
export interface ExtractorLibs {
  pdfjs?: () => Promise<PdfJsLike>;
  /**
   * Where pdf.js finds its packed CMaps (pdfjs-dist/cmaps/; `url` ends in '/'): a folder path in Node, a URL in the
   * app, where pdf.js must fetch them itself (`fetchInWorker`: its other loader reads `document.baseURI`, which a
   * Web Worker has not). A PDF whose Chinese font is not embedded names a standard CMap instead (UniGB-UCS2-H, as
   * ReportLab's STSong-Light and many office tools write it); without the CMap pdf.js reads no character of it and
   * the file looked scanned.
   */
  pdfCMaps?: { url: string; fetchInWorker: boolean };
  /** mammoth's `extractRawText`. */
  docxText?: (bytes: Uint8Array) => Promise<string>;
}

export type ImportErrorCode = 'duplicate' | 'empty' | 'too-large' | 'unsupported' | 'no-text-layer' | 'encrypted' | 'corrupt-pdf' | 'not-docx' | 'undecodable' | 'no-document' | 'cancelled';

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

export interface Extracted {
  kind: SourceKind;
  /** Raw text: `# Page N:` markers for a PDF, plain lines otherwise. */
  text: string;
  pages: number | null;
  warnings: string[];
}

export interface ExtractOptions {
  /** Called between pages; a true answer stops the extraction with an ImportError('cancelled'). */
  cancelled?: () => boolean;
  /** Pages done of total (PDF only). */
  onPage?: (done: number, total: number) => void;
}

export function sourceKind(name: string): SourceKind | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'pdf') return 'pdf';
  if (ext === 'docx') return 'docx';
  if (ext === 'doc') return 'doc';
  if (ext === 'txt' || ext === 'text') return 'txt';
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'html' || ext === 'htm') return 'html';
  return null;
}

export const ACCEPTED_EXTENSIONS = ['.pdf', '.docx', '.doc', '.txt', '.md', '.html', '.htm'];

const SAVE_AS_DOCX = '请先在 Word 或 WPS 中另存为 .docx 或 PDF 再导入';

/**
 * What to do with a file of a kind the import does not read, for the kinds an office has most: Word's and WPS's older
 * formats, OFD (the format of China's electronic official documents) and pictures.
 */
const CONVERT_FIRST: [RegExp, string][] = [
  [/\.(wps|rtf|odt)$/i, SAVE_AS_DOCX],
  [/\.ofd$/i, 'OFD 文件请先用 OFD 阅读器另存或打印为 PDF 再导入'],
  [/\.(jpe?g|png|gif|bmp|tiff?|webp|heic)$/i, '图片中的文字需要先做文字识别（OCR），存为 PDF 或文本后再导入'],
];

/** What the import reads, in the words the refusals and the import button use. */
export const IMPORTABLE = '可导入 PDF、Word（.docx、.doc）、TXT、Markdown 和 HTML 文件';

/** Why a file is refused by its name, and what the user can do. */
export function unsupportedMessage(name: string): string {
  const hint = CONVERT_FIRST.find(([ext]) => ext.test(name))?.[1];
  return `不支持的文件类型：${name}。${IMPORTABLE}${hint ? `；${hint}` : ''}。`;
}

/** Fewer printable characters than this per page, on average, is an image-only (scanned) PDF. */
const MIN_CHARS_PER_PAGE = 5;

export async function extractText(name: string, bytes: Uint8Array, libs: ExtractorLibs, opts: ExtractOptions = {}): Promise<Extracted> {
  const kind = sourceKind(name);
  if (!kind) throw new ImportError('unsupported', unsupportedMessage(name));
  if (bytes.length === 0) throw new ImportError('empty', `文件是空的：${name}`);
  if (bytes.length > MAX_IMPORT_BYTES) throw new ImportError('too-large', `文件超过 ${MAX_IMPORT_LABEL} 的上限（${(bytes.length / 1048576).toFixed(1)} MB）：${name}`);
  switch (kind) {
    case 'pdf':
      return extractPdf(name, bytes, libs, opts);
    case 'docx':
    case 'doc':
      return extractWord(name, kind, bytes, libs);
    default:
      return extractTextFile(name, kind, bytes);
  }
}

/** A text, Markdown or HTML file through the build's decoder: its words, and what decoding it noticed. */
function extractTextFile(name: string, kind: 'txt' | 'md' | 'html', bytes: Uint8Array): Extracted {
  const decoded = decodeRaw(bytes);
  if (!decoded.ok) throw new ImportError('undecodable', `无法读取文件中的文字：${name}（${decoded.reason}）`);
  const text = kind === 'md' ? markdownToText(decoded.text) : kind === 'html' ? htmlToText(decoded.text) : decoded.text;
  // A saved web page is mostly markup and script: whether it has Chinese is asked of its text, by the build.
  const warnings = kind === 'txt' ? decoded.warnings : decoded.warnings.filter((w) => w !== ALMOST_NO_CHINESE);
  return { kind, text, pages: null, warnings };
}

const isPdf = (b: Uint8Array) => b.length > 5 && String.fromCharCode(...b.subarray(0, 5)) === '%PDF-';

async function extractPdf(name: string, bytes: Uint8Array, libs: ExtractorLibs, opts: ExtractOptions): Promise<Extracted> {
  if (!libs.pdfjs) throw new ImportError('unsupported', `此处无法读取 PDF：${name}`);
  // pdf.js finds a header anywhere in the first KB; a file that is not a PDF at all gets the plain answer.
  if (!isPdf(bytes) && !new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).includes('%PDF-')) throw new ImportError('corrupt-pdf', `不是有效的 PDF 文件：${name}`);
  const pdfjs = await libs.pdfjs();
  // pdf.js takes ownership of the buffer it is given (it transfers it to its worker): hand it a copy.
  const task = pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0, ...(libs.pdfCMaps ? { cMapUrl: libs.pdfCMaps.url, cMapPacked: true, useWorkerFetch: libs.pdfCMaps.fetchInWorker } : {}) });
  let doc: PdfDocumentLike;
  try {
    doc = await task.promise;
  } catch (e) {
    const n = (e as { name?: string }).name;
    if (n === 'PasswordException') throw new ImportError('encrypted', `此 PDF 已加密（需要密码），无法读取：${name}`);
    throw new ImportError('corrupt-pdf', `PDF 文件已损坏或格式无效，无法读取：${name}`);
  }
  try {
    const pages: string[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      if (opts.cancelled?.()) throw new ImportError('cancelled', `已取消：${name}`);
      let items: PdfTextItem[];
      try {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        items = content.items.filter((it): it is PdfTextItem => typeof (it as { str?: unknown }).str === 'string');
        page.cleanup();
      } catch (e) {
        if (e instanceof ImportError) throw e;
        throw new ImportError('corrupt-pdf', `PDF 第 ${n} 页已损坏，无法读取：${name}`);
      }
      pages.push(pageLines(items, { layout: 'lines' }));
      opts.onPage?.(n, doc.numPages);
    }
    const chars = pages.reduce((s, lines) => s + lines.join('').replace(/\s/g, '').length, 0);
    if (chars < MIN_CHARS_PER_PAGE * Math.max(1, pages.length)) throw new ImportError('no-text-layer', `此 PDF 没有文字层（可能是扫描件），无法识别文字：${name}`);
    return { kind: 'pdf', text: toRawText(pages), pages: pages.length, warnings: [] };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

const isZip = (b: Uint8Array) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** Markup at the start, after white space and a byte-order mark: what many systems save as .doc (Word's "web page"). */
const looksLikeHtml = (b: Uint8Array) => /^(?:\ufeff|\u00ef\u00bb\u00bf)?\s*<(!doctype html|html|\?xml[^>]*>\s*<html)/i.test(new TextDecoder('latin1').decode(b.subarray(0, 512)));

/**
 * A Word file, read by what it holds rather than by its name: files are renamed (.doc to .docx and back), and many
 * systems save a web page or RTF under .doc. A .docx (a ZIP package) goes to mammoth, a Word 97–2003 document (a
 * compound file) to word97.ts, a web page to the page reader; a name that says otherwise is told in a warning.
 */
async function extractWord(name: string, named: 'docx' | 'doc', bytes: Uint8Array, libs: ExtractorLibs): Promise<Extracted> {
  // A space only between Chinese and a Latin word, as Chinese text sets them.
  const asNamed = (actual: string) => (actual === named ? [] : [`文件名是 .${named}，内容其实是${actual === 'doc' ? '旧版 Word 97–2003（.doc）' : actual === 'docx' ? ' Word .docx ' : '网页（HTML）'}格式，已按内容读取`]);
  let read: Extracted;
  if (isZip(bytes)) read = { kind: named, text: await docxText(name, bytes, libs), pages: null, warnings: asNamed('docx') };
  else if (isCompoundFile(bytes)) read = { kind: named, text: docText(name, bytes), pages: null, warnings: asNamed('doc') };
  else if (looksLikeHtml(bytes)) {
    const page = extractTextFile(name, 'html', bytes);
    read = { ...page, kind: named, warnings: [...asNamed('html'), ...page.warnings] };
  } else {
    const rtf = new TextDecoder('latin1').decode(bytes.subarray(0, 5)) === '{\\rtf';
    throw new ImportError('not-docx', rtf ? `这是 RTF 格式的文件，无法读取：${name}。${SAVE_AS_DOCX}。` : `不是有效的 Word 文档：${name}。`);
  }
  if (!read.text.replace(/\s/g, '')) throw new ImportError('empty', `文档中没有文字：${name}`);
  return read;
}

/** A Word 97–2003 document's text (word97.ts), its refusals in the user's words. */
function docText(name: string, bytes: Uint8Array): string {
  try {
    return word97Text(bytes);
  } catch (e) {
    if (!(e instanceof Word97Error)) throw e;
    if (e.reason === 'encrypted') throw new ImportError('encrypted', `此 Word 文档已加密（需要密码），无法读取：${name}`);
    throw new ImportError('not-docx', e.reason === 'damaged' ? `Word 文档已损坏，无法读取：${name}` : `不是有效的 Word 文档：${name}（这个文件不是 Word 97–2003 格式）。`);
  }
}

/** A .docx's text through mammoth, one paragraph per line. */
async function docxText(name: string, bytes: Uint8Array, libs: ExtractorLibs): Promise<string> {
  if (!libs.docxText) throw new ImportError('unsupported', `此处无法读取 DOCX：${name}`);
  const notDocx = new ImportError('not-docx', `不是有效的 Word 文档（.docx）：${name}。`);
  let text: string;
  try {
    // Word's automatic numbering (第一条, 一、 made by a list) is written into the text first: mammoth drops it.
    text = await libs.docxText(await withNumberLabels(bytes));
  } catch {
    throw notDocx;
  }
  // mammoth separates paragraphs with a blank line; the corpus's raw text has one paragraph or printed line per line.
  return text.replace(/\r\n?/g, '\n').replace(/\n{2,}/g, '\n').trim();
}
