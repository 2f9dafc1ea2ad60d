/** The answer key of the real-text set (test-data/realtext/key.json): what each raw file holds, taken from the sources, never from our parser. */

export type KeyLevel = 'national' | 'province' | 'city' | 'district';

export interface KeyRegion {
  level: KeyLevel;
  province: string | null;
  city: string | null;
}

export interface KeySource {
  repo: string;
  path: string;
  commit: string;
  /** What we changed, if anything (e.g. "first 60 articles only"). */
  note?: string;
}

export interface KeyDoc {
  /** Stable within the set: `<file>#<n>`. */
  key: string;
  title: string;
  /** 文号 where the document prints one; null otherwise (laws print none). */
  docNumber: string | null;
  /** Date of the version the text is (latest of 通过/公布/修正/修订/批准 printed), ISO; null when none is printed. */
  date: string | null;
  /** Another date of the same version the scorer accepts: a city's adoption when the province's approval is the latest date printed. */
  dateAlternatives?: string[];
  adoptedDate: string | null;
  effectiveDate: string | null;
  /** The issuing body as the header names it; null when the header does not say. */
  issuer: string | null;
  /** Other names the scorer accepts for the issuer (the body that made the latest version). */
  issuerAlternatives: string[];
  region: KeyRegion;
  /** 法 条例 规定 办法 细则 规则 解释 决定 修正案 意见 通知 方案 …, from the title's last words. */
  kind: string;
  /** Paragraphs that begin with 第X条 in the source. */
  articles: number;
  /** 1-based raw line of the document's first heading line (title, or 文号 above it), and of its last text line. */
  startLine: number;
  endLine: number;
  /** 1-based raw line where the title begins (after a 公文 banner and 文号 printed above it; else startLine). */
  titleLine: number;
  /** Whole sentences of the body, as the source prints them. */
  sentences: string[];
  /** Phrases that span a line wrap in this raw file (the text on both sides of one break). */
  wrapPhrases: string[];
  /** Same law at another date: documents sharing this id are versions of one text. */
  versionGroup: string | null;
  /** A mutated copy of a real document (benchmark sets beyond the real text): not scored. */
  mutated?: boolean;
  source: KeySource;
}

export interface KeyFile {
  file: string;
  layout: string;
  genre: 'law' | 'notice';
  extractor: 'pdftotext' | 'pdftotext-layout' | 'pdfjs';
  pages: number;
  /** Character accuracy of the extracted text against what the PDF prints (accuracy.ts). */
  accuracy: number;
  docs: KeyDoc[];
}

export interface AnswerKey {
  formatVersion: 1;
  note: string;
  files: KeyFile[];
}
