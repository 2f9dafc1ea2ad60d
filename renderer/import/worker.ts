/// <reference lib="webworker" />
/**
 * Import worker: reads the user's files (pdf.js, mammoth, the build's
 * decoder), parses them with the corpus pipeline and places them among the
 * held documents, off the UI thread. pdf.js runs inside this worker (its
 * "main-thread" mode: its own worker module is loaded here as
 * globalThis.pdfjsWorker), so no second worker and no worker URL are needed.
 * Files are done one after another; 'cancel' stops the job between pages.
 */
import * as pdfjsWorker from 'pdfjs-dist/build/pdf.worker.mjs';
import type { DocSummary, PolicyDocument } from '../../core/corpus/types';
import { restoreDocument, restoreLibrary } from '../../core/corpus/restore';
import type { LshTables } from '../../core/compare/format';
import { restoreLshTables } from '../../core/compare/restore';
import { ImportError, type ExtractorLibs, type PdfJsLike } from '../../core/import/extract';
import { DuplicateImport, importFile } from '../../core/import/pipeline';
import { sha256Hex } from '../../core/util/sha256';
import type { FromImportWorker, ImportRequest, ToImportWorker } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope & { pdfjsWorker?: unknown };
scope.pdfjsWorker = pdfjsWorker;

const libs: ExtractorLibs = {
  pdfjs: () => import('pdfjs-dist').then((m) => m as unknown as PdfJsLike),
  docxText: async (bytes) => {
    const mammoth = (await import('mammoth')).default;
    const { value } = await mammoth.extractRawText({ arrayBuffer: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });
    return value;
  },
};

const cancelledJobs = new Set<number>();
const post = (m: FromImportWorker) => scope.postMessage(m);

async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`读取 ${url} 失败（${res.status}）`);
  return res.json();
}

async function run(req: ImportRequest) {
  const known = new Set(req.known);
  const userById = new Map(req.userDocs.map((d) => [d.id, d]));
  let library: Promise<DocSummary[]> | null = null;
  const loadLibrary = () =>
    (library ??= getJson(new URL('library.json', req.corpusBase).href)
      .then((v) => restoreLibrary(v).docs)
      // Placement is a bonus: a corpus that cannot be read places nothing, the import still succeeds.
      .catch(() => [] as DocSummary[])
      .then((docs) => [...docs, ...req.userDocs]));
  let lsh: Promise<LshTables | null> | null = null;
  // Like the library: a corpus without tables (or with unreadable ones) places by title and 文号 alone.
  const lshTables = () => (lsh ??= getJson(new URL('variants-lsh.json', req.corpusBase).href).then(restoreLshTables, () => null));
  const loadDocument = async (id: string): Promise<PolicyDocument> => userById.get(id) ?? restoreDocument(await getJson(new URL(`docs/${encodeURIComponent(id)}.json`, req.corpusBase).href), id);

  for (let index = 0; index < req.files.length; index++) {
    const f = req.files[index];
    if (cancelledJobs.has(req.job)) {
      post({ type: 'failed', job: req.job, index, code: 'cancelled', message: `已取消：${f.name}` });
      continue;
    }
    try {
      const result = await importFile(f.name, new Uint8Array(f.bytes), {
        libs: { ...libs, pdfCMaps: { url: req.cMapUrl, fetchInWorker: true } },
        sha256Hex,
        known,
        library: loadLibrary,
        loadDocument,
        lshTables,
        onStage: (stage, detail) => post({ type: 'stage', job: req.job, index, stage, detail }),
        cancelled: () => cancelledJobs.has(req.job),
      });
      known.add(result.hash);
      for (const d of result.docs) userById.set(d.id, d);
      post({ type: 'done', job: req.job, index, result });
    } catch (e) {
      if (e instanceof DuplicateImport) post({ type: 'failed', job: req.job, index, code: 'duplicate', message: e.message, hash: e.hash });
      else if (e instanceof ImportError) post({ type: 'failed', job: req.job, index, code: e.code, message: e.message });
      else post({ type: 'failed', job: req.job, index, code: 'internal', message: `导入失败：${f.name}（${e instanceof Error ? e.message : String(e)}）` });
    }
  }
  cancelledJobs.delete(req.job);
  post({ type: 'finished', job: req.job });
}

scope.onmessage = (ev: MessageEvent<ToImportWorker>) => {
  const m = ev.data;
  if (m.type === 'cancel') cancelledJobs.add(m.job);
  else void run(m);
};
