/** Messages between the import client (UI thread) and the import worker. */
import type { DocSummary, PolicyDocument } from '../../core/corpus/types';
import type { ImportErrorCode } from '../../core/import/extract';
import type { ImportStage, ImportedFile } from '../../core/import/pipeline';

export interface ImportRequest {
  type: 'import';
  job: number;
  files: { name: string; bytes: ArrayBuffer }[];
  /** Hashes of files already in the user library. */
  known: string[];
  /** Absolute URL of the corpus folder (corpus/), for placement. */
  corpusBase: string;
  /** Absolute URL of pdf.js's packed CMaps (pdfjs/cmaps/, copied there by the build), for PDFs whose Chinese font is not embedded. */
  cMapUrl: string;
  /** The user's documents already imported (placement measures against them too). */
  userDocs: PolicyDocument[];
}

export type ToImportWorker = ImportRequest | { type: 'cancel'; job: number };

export type FromImportWorker =
  | { type: 'stage'; job: number; index: number; stage: ImportStage; detail?: string }
  | { type: 'done'; job: number; index: number; result: ImportedFile }
  | { type: 'failed'; job: number; index: number; code: ImportErrorCode | 'internal'; message: string; hash?: string }
  | { type: 'finished'; job: number };

export type { DocSummary };
