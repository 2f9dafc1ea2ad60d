/**
 * Annotation files and storage durability, per host. Electron: the existing
 * saveBackup/openBackup dialogs and the automatic backup in the user-data
 * folder. Browser preview: a download and a file input; there is NO automatic
 * backup there (nothing outside IndexedDB a web page could write to).
 */
import type { AutoBackupReadResult } from '../../electron/contract';
import { bridge } from './bridge';
import { downloadText } from './download';

export type FileOutcome = { ok: true; where: string } | { ok: false; canceled: boolean; message: string };
export type OpenOutcome = { ok: true; name: string; text: string } | { ok: false; canceled: boolean; message: string };

/** Saves the annotation file: a save dialog in Electron, a download in the browser. */
export async function saveAnnotationFile(json: string, suggestedName: string): Promise<FileOutcome> {
  const b = bridge();
  if (b) {
    const r = await b.saveBackup({ json, suggestedName });
    return r.ok ? { ok: true, where: r.path } : { ok: false, canceled: r.code === 'canceled', message: r.message };
  }
  return downloadText(json, suggestedName, 'application/json');
}

/** Lets the user pick an annotation file: the open dialog in Electron, a file input in the browser. */
export async function openAnnotationFile(): Promise<OpenOutcome> {
  const b = bridge();
  if (b) {
    const r = await b.openBackup();
    return r.ok ? { ok: true, name: r.path, text: r.json } : { ok: false, canceled: r.code === 'canceled', message: r.message };
  }
  const file = await pickFile();
  if (!file) return { ok: false, canceled: true, message: '已取消。' };
  return readPickedFile(file);
}

/** Reads a File chosen in the browser (also for a drop or a visible <input type=file>). */
export async function readPickedFile(file: File): Promise<OpenOutcome> {
  if (file.size > 50 * 1024 * 1024) return { ok: false, canceled: false, message: '导入失败：文件超过 50 MB，不像是政策阅读器的标注文件。' };
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, name: file.name, text };
  } catch {
    return { ok: false, canceled: false, message: notAnnotationFile(file.name, bytes) };
  }
}

/** The user picked the wrong file (a PDF, a Word file): say that, not what its bytes fail. */
function notAnnotationFile(name: string, bytes: Uint8Array): string {
  const head = String.fromCharCode(...bytes.subarray(0, 5));
  const kind = head.startsWith('%PDF') ? 'PDF 文件' : head.startsWith('PK') ? '压缩包或 Word/Excel 文件' : '二进制文件';
  return `导入失败：「${name}」是${kind}，不是标注文件。请选择政策阅读器导出的 .json 标注文件。未做任何更改。`;
}

function pickFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,application/json';
    input.setAttribute('aria-label', '选择标注文件');
    input.style.display = 'none';
    let settled = false;
    const done = (f: File | null) => {
      if (settled) return;
      settled = true;
      input.remove();
      resolve(f);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null));
    input.addEventListener('cancel', () => done(null));
    document.body.appendChild(input);
    input.click();
  });
}

/** True where an automatic backup exists (Electron); the browser preview has none. */
export const hasAutoBackup = (): boolean => typeof window !== 'undefined' && bridge() !== null;

export async function writeAutoBackup(json: string): Promise<{ ok: boolean; message?: string }> {
  const b = bridge();
  if (!b) return { ok: true };
  const r = await b.writeAutoBackup(json);
  return r.ok ? { ok: true } : { ok: false, message: r.message };
}

export async function readAutoBackup(): Promise<AutoBackupReadResult | null> {
  const b = bridge();
  return b ? b.readAutoBackup() : null;
}

let persistAsked: Promise<boolean> | null = null;

/**
 * Asks once per run that the browser never evict this origin's storage
 * (Electron allows the 'persistent-storage' permission for app://reader only).
 * Resolves to whether storage is persistent; false where the API is missing.
 */
export function requestPersistentStorage(): Promise<boolean> {
  persistAsked ??= (async () => {
    try {
      const storage = navigator.storage;
      if (!storage?.persist) return false;
      if (await storage.persisted?.()) return true;
      return await storage.persist();
    } catch {
      return false;
    }
  })();
  return persistAsked;
}
