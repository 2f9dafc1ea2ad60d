/**
 * IPC handlers, registered from the contract's channel list. Every call is
 * checked twice before a handler runs: the sender must be the top-level frame
 * of app://reader (not an iframe, not a page that navigated elsewhere), and
 * the arguments must have exactly the contract's shape and size limits.
 */
import type { IpcMainInvokeEvent } from 'electron';
import type { IpcChannel, IpcContract, SaveBackupRequest, SavePdfRequest, UserDocEdits, UserFileImport, UserFileKind } from './contract';
import { isAppUrl } from './security';

/** Runtime list of invoke channels; `satisfies` makes it exhaustive against the contract. */
const CHANNEL_SET = {
  'app:get-info': true,
  'shell:open-external': true,
  'export:save-pdf': true,
  'backup:save': true,
  'backup:open': true,
  'autobackup:write': true,
  'autobackup:read': true,
  'userlib:import': true,
  'userlib:remove': true,
  'userlib:list': true,
  'userlib:edit': true,
} as const satisfies Record<IpcChannel, true>;
export const IPC_CHANNELS = Object.keys(CHANNEL_SET) as IpcChannel[];

export const LIMITS = {
  urlChars: 2048,
  fileNameChars: 255,
  pdfHtmlChars: 20 * 1024 * 1024,
  backupChars: 50 * 1024 * 1024,
  /** The browser side's limit (core/import/extract.ts MAX_IMPORT_BYTES), the same for the bridge. */
  importBytes: 50 * 1024 * 1024,
  /** Files per importFiles call; the importer sends one at a time. */
  importFiles: 20,
  /** Extracted text and built documents of one file: a 50 MB PDF yields far less text than that. */
  importTextChars: 100 * 1024 * 1024,
  editFieldChars: 1000,
} as const;

/** The Chinese message for a file over the limit: the browser side's wording (renderer/import/importer.ts). */
export function tooLargeMessage(name: string, bytes: number): string {
  return `文件超过 50 MB 的上限（${(bytes / 1048576).toFixed(1)} MB）：${name}`;
}

const USER_FILE_KINDS: readonly UserFileKind[] = ['pdf', 'docx', 'doc', 'txt', 'md', 'html'];
const SHA256_HEX = /^[0-9a-f]{64}$/;
const USER_DOC_ID = /^u[0-9a-f]{11}$/;

export class IpcArgumentError extends Error {
  override name = 'IpcArgumentError';
}

export interface SenderFrame {
  url: string;
  parent: unknown;
}

/** The sender must be the top frame of our own origin. */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}

function fail(channel: string, why: string): never {
  throw new IpcArgumentError(`${channel}: ${why}`);
}

function plainObject(channel: string, v: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) fail(channel, 'expected an object');
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) fail(channel, 'expected a plain object');
  for (const key of Object.keys(v)) if (!allowed.includes(key)) fail(channel, `unknown field ${key}`);
  return v as Record<string, unknown>;
}

function str(channel: string, field: string, v: unknown, max: number, { optional = false, nonEmpty = false } = {}): string | undefined {
  if (v === undefined && optional) return undefined;
  if (typeof v !== 'string') fail(channel, `${field} must be a string`);
  if (v.length > max) fail(channel, `${field} is longer than ${max} characters`);
  if (nonEmpty && v.trim() === '') fail(channel, `${field} must not be empty`);
  return v;
}

function arity(channel: string, args: unknown[], n: number): void {
  if (args.length !== n) fail(channel, `expected ${n} argument(s), got ${args.length}`);
}

function userFile(channel: string, v: unknown): UserFileImport {
  const o = plainObject(channel, v, ['name', 'kind', 'bytes', 'hash', 'pages', 'rawText', 'docsJson']);
  const name = str(channel, 'name', o.name, LIMITS.fileNameChars, { nonEmpty: true })!;
  if (/[/\\\u0000]/.test(name)) fail(channel, 'name must not contain a folder');
  if (!USER_FILE_KINDS.includes(o.kind as UserFileKind)) fail(channel, 'kind is not supported');
  if (!(o.bytes instanceof Uint8Array)) fail(channel, 'bytes must be a Uint8Array');
  if (o.bytes.byteLength === 0) fail(channel, 'bytes must not be empty');
  // Over the limit is the user's file, not a programming error: the store answers it with
  // the Chinese message (userLibrary.import); only an absurd size is refused here.
  if (o.bytes.byteLength > LIMITS.importBytes * 2) fail(channel, 'bytes is far over the size limit');
  const hash = str(channel, 'hash', o.hash, 64)!;
  if (!SHA256_HEX.test(hash)) fail(channel, 'hash must be a lowercase SHA-256 hex');
  if (o.pages !== null && !(Number.isSafeInteger(o.pages) && (o.pages as number) >= 0)) fail(channel, 'pages must be null or a count');
  return {
    name,
    kind: o.kind as UserFileKind,
    bytes: o.bytes,
    hash,
    pages: o.pages as number | null,
    rawText: str(channel, 'rawText', o.rawText, LIMITS.importTextChars)!,
    docsJson: str(channel, 'docsJson', o.docsJson, LIMITS.importTextChars, { nonEmpty: true })!,
  };
}

function docEdits(channel: string, v: unknown): UserDocEdits {
  const o = plainObject(channel, v, ['title', 'docNumber', 'issuer', 'date', 'kind', 'region']);
  const out: UserDocEdits = {};
  if (o.region !== undefined) {
    const r = plainObject(channel, o.region, ['level', 'province', 'city']);
    if (!['national', 'province', 'city', 'district', 'unknown'].includes(r.level as string)) fail(channel, 'region.level is not supported');
    const part = (k: 'province' | 'city') => (r[k] === null ? null : str(channel, `region.${k}`, r[k], LIMITS.editFieldChars)!);
    out.region = { level: r.level as NonNullable<UserDocEdits['region']>['level'], province: part('province'), city: part('city') };
  }
  for (const key of ['title', 'issuer', 'kind'] as const) {
    const s = str(channel, key, o[key], LIMITS.editFieldChars, { optional: true });
    if (s !== undefined) out[key] = s;
  }
  for (const key of ['docNumber', 'date'] as const) {
    if (o[key] === null) out[key] = null;
    else {
      const s = str(channel, key, o[key], LIMITS.editFieldChars, { optional: true });
      if (s !== undefined) out[key] = s;
    }
  }
  return out;
}

type Validators = { [C in IpcChannel]: (args: unknown[]) => IpcContract[C]['args'] };

export const validators: Validators = {
  'app:get-info': (args) => {
    arity('app:get-info', args, 0);
    return [];
  },
  'shell:open-external': (args) => {
    arity('shell:open-external', args, 1);
    return [str('shell:open-external', 'url', args[0], LIMITS.urlChars)!];
  },
  'export:save-pdf': (args) => {
    const c = 'export:save-pdf';
    arity(c, args, 1);
    const o = plainObject(c, args[0], ['html', 'suggestedName', 'pageSize', 'landscape']);
    const request: SavePdfRequest = {
      html: str(c, 'html', o.html, LIMITS.pdfHtmlChars, { nonEmpty: true })!,
      suggestedName: str(c, 'suggestedName', o.suggestedName, LIMITS.fileNameChars)!,
    };
    if (o.pageSize !== undefined) {
      if (!['A4', 'A3', 'A5', 'Letter', 'Legal'].includes(o.pageSize as string)) fail(c, 'pageSize is not supported');
      request.pageSize = o.pageSize as SavePdfRequest['pageSize'];
    }
    if (o.landscape !== undefined) {
      if (typeof o.landscape !== 'boolean') fail(c, 'landscape must be a boolean');
      request.landscape = o.landscape;
    }
    return [request];
  },
  'backup:save': (args) => {
    const c = 'backup:save';
    arity(c, args, 1);
    const o = plainObject(c, args[0], ['json', 'suggestedName']);
    const request: SaveBackupRequest = { json: str(c, 'json', o.json, LIMITS.backupChars, { nonEmpty: true })! };
    const name = str(c, 'suggestedName', o.suggestedName, LIMITS.fileNameChars, { optional: true });
    if (name !== undefined) request.suggestedName = name;
    return [request];
  },
  'backup:open': (args) => {
    arity('backup:open', args, 0);
    return [];
  },
  'autobackup:write': (args) => {
    arity('autobackup:write', args, 1);
    return [str('autobackup:write', 'json', args[0], LIMITS.backupChars, { nonEmpty: true })!];
  },
  'autobackup:read': (args) => {
    arity('autobackup:read', args, 0);
    return [];
  },
  'userlib:import': (args) => {
    const c = 'userlib:import';
    arity(c, args, 1);
    const list = args[0];
    if (!Array.isArray(list)) fail(c, 'expected an array of files');
    if (list.length === 0 || list.length > LIMITS.importFiles) fail(c, `expected 1 to ${LIMITS.importFiles} files`);
    return [list.map((f) => userFile(c, f))];
  },
  'userlib:remove': (args) => {
    const c = 'userlib:remove';
    arity(c, args, 1);
    const hash = str(c, 'fileHash', args[0], 64)!;
    if (!SHA256_HEX.test(hash)) fail(c, 'fileHash must be a lowercase SHA-256 hex');
    return [hash];
  },
  'userlib:list': (args) => {
    arity('userlib:list', args, 0);
    return [];
  },
  'userlib:edit': (args) => {
    const c = 'userlib:edit';
    arity(c, args, 2);
    const id = str(c, 'docId', args[0], 12)!;
    if (!USER_DOC_ID.test(id)) fail(c, 'docId must be a user document id (u + 11 hex digits)');
    return [id, docEdits(c, args[1])];
  },
};

export type IpcHandlers = {
  [C in IpcChannel]: (event: IpcMainInvokeEvent, ...args: IpcContract[C]['args']) => Promise<IpcContract[C]['result']> | IpcContract[C]['result'];
};

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
}

/** Wraps a handler with sender and argument validation. Exported for tests. */
export function guarded<C extends IpcChannel>(channel: C, handler: IpcHandlers[C], log: (m: string) => void = () => {}) {
  return async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<IpcContract[C]['result']> => {
    if (!isTrustedSender(event.senderFrame as SenderFrame | null)) {
      log(`refused ${channel} from ${event.senderFrame?.url ?? '(no frame)'}`);
      throw new Error(`${channel}: untrusted sender`);
    }
    const valid = validators[channel](args);
    return (handler as (e: IpcMainInvokeEvent, ...a: unknown[]) => Promise<IpcContract[C]['result']>)(event, ...valid);
  };
}

export function registerIpcHandlers(ipcMain: IpcMainLike, handlers: IpcHandlers, log?: (m: string) => void): void {
  for (const channel of IPC_CHANNELS) {
    ipcMain.handle(channel, guarded(channel, handlers[channel] as never, log));
  }
}
