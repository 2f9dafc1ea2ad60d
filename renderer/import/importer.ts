/**
 * The import on the UI thread: hands files to the import worker, keeps one
 * progress line per file, and stores each finished file in the user library
 * (one IndexedDB transaction per file, so a failure leaves the library as it
 * was). Components read the state through useImports().
 */
import { useSyncExternalStore } from 'react';
import type { ImportStage } from '../../core/import/pipeline';
import type { Placement } from '../../core/import/placement';
import { ACCEPTED_EXTENSIONS, MAX_IMPORT_BYTES, MAX_IMPORT_LABEL, sourceKind, unsupportedMessage } from '../../core/import/extract';
import { addImportedFile, knownFileHashes, userDocRows } from '../platform/userLibrary';
import { userLibraryChanged } from '../data/userLibrary';
import type { FromImportWorker, ToImportWorker } from './protocol';
import { PDFJS_CMAPS_PATH } from './pdfjs-assets';
import { readChosenFiles } from './read-chosen';

export const STAGE_LABEL: Record<ImportStage | 'storing', string> = { reading: '读取文件', recognising: '识别文字', parsing: '解析结构', storing: '建立索引', comparing: '比对文库' };

export interface ImportLine {
  key: string;
  name: string;
  status: 'waiting' | 'working' | 'done' | 'failed' | 'cancelled';
  stage: ImportStage | 'storing' | null;
  detail?: string;
  message?: string;
  /** For a refused duplicate: the documents of the earlier import, to open. */
  existing?: { id: string; title: string }[];
  docs?: { id: string; title: string; placements: Placement[] }[];
  /** What reading the file noticed but got past (decoded as GB18030, lines split, stray NULs dropped): the user should know. */
  warnings?: string[];
}

interface State {
  lines: ImportLine[];
  running: boolean;
  /** Counts the imports started (files chosen or dropped): the panel takes the focus on each. */
  batch: number;
}

let state: State = { lines: [], running: false, batch: 0 };
const listeners = new Set<() => void>();
function set(next: Partial<State>) {
  state = { ...state, ...next };
  for (const l of listeners) l();
}
function patchLine(key: string, patch: Partial<ImportLine>) {
  set({ lines: state.lines.map((l) => (l.key === key ? { ...l, ...patch } : l)) });
}

export function useImports(): State {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

let worker: Worker | null = null;
let jobSeq = 0;
let currentJob = 0;

export const ACCEPT = ACCEPTED_EXTENSIONS.join(',');

function ensureWorker(): Worker {
  worker ??= new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'import' });
  return worker;
}

/** Imports the files one after another; resolves when all are done, failed or cancelled. */
export async function importFiles(list: readonly File[]): Promise<void> {
  if (!list.length) return;
  const job = ++jobSeq;
  currentJob = job;
  const keys = list.map((f, i) => `${job}:${i}`);
  const lines: ImportLine[] = list.map((f, i) => ({ key: keys[i], name: f.name, status: 'waiting', stage: null }));
  set({ lines: [...state.lines.filter((l) => l.status === 'working' || l.status === 'waiting'), ...lines], running: true, batch: state.batch + 1 });

  // Refusals that need no reading: type and size (the worker repeats them; here they spare a copy of 50 MB).
  const sendable: { index: number; file: File }[] = [];
  list.forEach((f, i) => {
    if (!sourceKind(f.name)) patchLine(keys[i], { status: 'failed', message: unsupportedMessage(f.name) });
    else if (f.size > MAX_IMPORT_BYTES) patchLine(keys[i], { status: 'failed', message: `文件超过 ${MAX_IMPORT_LABEL} 的上限（${(f.size / 1048576).toFixed(1)} MB）：${f.name}` });
    else sendable.push({ index: i, file: f });
  });
  if (!sendable.length) return set({ running: false });

  let rows;
  try {
    rows = { known: await knownFileHashes(), userDocs: (await userDocRows()).map((r) => r.doc) };
  } catch (e) {
    for (const { index } of sendable) patchLine(keys[index], { status: 'failed', message: e instanceof Error ? e.message : String(e) });
    return set({ running: false });
  }
  // A file that cannot be read is refused here; the others go to the worker.
  const read = await readChosenFiles(sendable.map((s) => s.file));
  const toSend: { index: number; file: File; bytes: ArrayBuffer }[] = [];
  read.forEach((r, k) => {
    if ('error' in r) patchLine(keys[sendable[k].index], { status: 'failed', message: r.error });
    else toSend.push({ ...sendable[k], bytes: r.bytes });
  });
  if (!toSend.length) return set({ running: false });
  const files = toSend.map(({ file, bytes }) => ({ name: file.name, bytes }));
  const original = new Map(toSend.map(({ file }, k) => [k, file]));
  const keyOf = (k: number) => keys[toSend[k].index];

  const w = ensureWorker();
  await new Promise<void>((resolve) => {
    const pending: Promise<void>[] = [];
    // Files the worker has answered for (done or failed): the rest are failed if the worker itself fails.
    const answered = new Set<number>();
    const finish = () => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      void Promise.all(pending).then(() => resolve());
    };
    // The worker could not start (a missing or damaged app file) or threw outside an import's own error handling:
    // it will not answer for the files it holds, and without this the lines would wait for ever. It is let go, so
    // that the next import starts a new one.
    const onError = (ev: Event) => {
      ev.preventDefault();
      console.error('import worker failed', ev instanceof ErrorEvent ? ev.message : ev.type);
      if (worker === w) {
        w.terminate();
        worker = null;
      }
      toSend.forEach((_, k) => {
        if (!answered.has(k)) patchLine(keyOf(k), { status: 'failed', stage: null, message: workerFailedMessage(files[k].name) });
      });
      finish();
    };
    const onMessage = (ev: MessageEvent<FromImportWorker>) => {
      const m = ev.data;
      if (m.job !== job) return;
      if (m.type === 'done' || m.type === 'failed') answered.add(m.index);
      if (m.type === 'stage') patchLine(keyOf(m.index), { status: 'working', stage: m.stage, detail: m.detail });
      else if (m.type === 'failed') {
        const line: Partial<ImportLine> = { status: m.code === 'cancelled' ? 'cancelled' : 'failed', message: m.message };
        if (m.code === 'duplicate' && m.hash) {
          const hash = m.hash;
          pending.push(
            userDocRows().then((all) => patchLine(keyOf(m.index), { ...line, existing: all.filter((r) => r.fileHash === hash).map((r) => ({ id: r.id, title: r.edits.title ?? r.doc.title })) })),
          );
        } else patchLine(keyOf(m.index), line);
      } else if (m.type === 'done') {
        const r = m.result;
        const key = keyOf(m.index);
        patchLine(key, { stage: 'storing' });
        pending.push(
          addImportedFile(
            { hash: r.hash, name: r.name, kind: r.kind, size: r.size, pages: r.pages, importedAt: new Date().toISOString(), original: original.get(m.index)!, rawText: r.rawText, docIds: r.docs.map((d) => d.id) },
            r.docs.map((doc) => ({ doc, placements: r.placements[doc.id] ?? [] })),
          ).then(
            () => {
              patchLine(key, { status: 'done', stage: null, docs: r.docs.map((d) => ({ id: d.id, title: d.title, placements: r.placements[d.id] ?? [] })), warnings: [...new Set(r.warnings)] });
              userLibraryChanged();
            },
            (e: unknown) => patchLine(key, { status: 'failed', message: `保存失败，未导入：${r.name}（${e instanceof Error ? e.message : String(e)}）` }),
          ),
        );
      } else if (m.type === 'finished') finish();
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    const req: ToImportWorker = { type: 'import', job, files, known: rows.known, corpusBase: new URL('corpus/', document.baseURI).href, cMapUrl: new URL(PDFJS_CMAPS_PATH, document.baseURI).href, userDocs: rows.userDocs };
    w.postMessage(req, files.map((f) => f.bytes));
  });
  if (currentJob === job) set({ running: false });
}

/** A file the import worker failed on without saying why (it could not start, or broke): nothing was imported. */
export function workerFailedMessage(name: string): string {
  return `导入中断：${name} 未导入，导入程序出错。请重试；如仍出错，请重新启动应用。`;
}

export function cancelImport(): void {
  if (worker && state.running) worker.postMessage({ type: 'cancel', job: currentJob } satisfies ToImportWorker);
}

export function clearFinished(): void {
  set({ lines: state.lines.filter((l) => l.status === 'working' || l.status === 'waiting') });
}
