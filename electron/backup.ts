/**
 * Backup files for user data (import/export is implemented in the renderer):
 * saving writes the JSON atomically; opening reads at most 50 MiB, requires
 * strict UTF-8 and JSON that parses. The renderer validates the schema.
 */
import path from 'node:path';
import type { OpenBackupResult, SaveBackupRequest, SaveResult } from './contract';
import { chooseSavePath, type Dialogs } from './dialogs';
import { atomicWriteFile, decodeUtf8, readFileLimited, safeFileName, toFileError } from './fs-safe';

export const BACKUP_MAX_BYTES = 50 * 1024 * 1024;
const FILTERS = [{ name: '政策阅读器备份 (JSON)', extensions: ['json'] }];

export interface BackupDeps {
  dialogs: Dialogs;
  /** Folder the save dialog starts in (app.getPath('documents')). */
  defaultDir: string;
  write?: (file: string, data: string) => Promise<void>;
  read?: (file: string, maxBytes: number) => Promise<Uint8Array | null>;
  now?: () => Date;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export function defaultBackupName(now: Date): string {
  const d = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return `政策阅读器备份-${d}.json`;
}

export async function saveBackup(request: SaveBackupRequest, deps: BackupDeps): Promise<SaveResult> {
  if (!isJson(request.json)) return { ok: false, code: 'invalid', message: '备份内容不是有效的 JSON，未保存。' };
  const name = safeFileName(request.suggestedName ?? defaultBackupName((deps.now ?? (() => new Date()))()), 'json', '政策阅读器备份');
  const target = await chooseSavePath(deps.dialogs, { title: '保存备份', defaultPath: path.join(deps.defaultDir, name), filters: FILTERS }, 'json');
  if (!target) return { ok: false, code: 'canceled', message: '已取消。' };
  try {
    await (deps.write ?? atomicWriteFile)(target, request.json);
  } catch (e) {
    return toFileError(e, '保存备份');
  }
  return { ok: true, path: target };
}

export async function openBackup(deps: BackupDeps): Promise<OpenBackupResult> {
  const choice = await deps.dialogs.showOpenDialog({ title: '打开备份', filters: FILTERS });
  const file = choice.filePaths[0];
  if (choice.canceled || !file) return { ok: false, code: 'canceled', message: '已取消。' };
  let bytes: Uint8Array | null;
  try {
    bytes = await (deps.read ?? readFileLimited)(file, BACKUP_MAX_BYTES);
  } catch (e) {
    return toFileError(e, '读取备份');
  }
  if (bytes === null) {
    return { ok: false, code: 'too-large', message: `读取备份失败：文件超过 ${BACKUP_MAX_BYTES / 1024 / 1024} MB，不像是政策阅读器的备份。` };
  }
  const text = decodeUtf8(bytes);
  if (text === null) return { ok: false, code: 'invalid', message: notBackup(bytes) };
  const json = text.replace(/^\uFEFF/, '');
  if (!isJson(json)) return { ok: false, code: 'invalid', message: '读取备份失败：这不是政策阅读器的标注备份（文件不是 JSON 格式，或已损坏）。未做任何更改。' };
  return { ok: true, path: file, json };
}

const startsWith = (bytes: Uint8Array, magic: string) => bytes.length >= magic.length && [...magic].every((c, i) => bytes[i] === c.charCodeAt(0));

/**
 * Why a file that is not UTF-8 text is no backup, in words the user can act on: the likely slip is picking
 * the policy PDF or Word file next to the backup, and "not UTF-8" would send them looking for an encoding.
 */
function notBackup(bytes: Uint8Array): string {
  const looksLike = startsWith(bytes, '%PDF-') ? 'PDF 文件' : startsWith(bytes, 'PK\x03\x04') ? 'Word 文档或压缩包' : null;
  const why = looksLike ? `它看起来是${looksLike}` : '它不是 UTF-8 编码的文本';
  return `读取备份失败：这不是政策阅读器的标注备份（${why}）。请选择“导出标注”或自动备份保存的 .json 文件。未做任何更改。`;
}
