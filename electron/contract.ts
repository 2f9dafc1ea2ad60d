/**
 * The preload bridge contract: the ONLY surface the renderer gets from the
 * main process. No imports and no runtime code but one constant list of the
 * bridge's methods, so both electron/ (main + preload) and renderer/ can
 * import it without pulling in anything else.
 *
 * - `IpcContract` maps each invoke channel to its argument tuple and result.
 *   `electron/ipc.ts` registers exactly these channels (each handler checks the
 *   sender and validates arguments); `electron/preload.ts` calls exactly these.
 * - `PolicyReaderBridge` is what the preload exposes as `window.policyReader`.
 *   In the browser preview (`npm run preview`) there is no bridge, so the
 *   renderer must treat `window.policyReader` as optional (see bridge-global.d.ts).
 *
 * Expected outcomes (user cancelled, disk full, bad file) are returned as
 * `{ ok: false, … }` values; only programming errors (a wrong argument type,
 * an untrusted sender) reject the promise.
 */

export interface AppInfo {
  /** package.json version, e.g. "0.1.0". */
  version: string;
  /** Node's process.platform of the main process: 'win32' | 'darwin' | 'linux' | … */
  platform: string;
  /** false when run from the source tree (`npm start`). */
  isPackaged: boolean;
}

/** Why a file operation did not complete. */
export type FileErrorCode =
  | 'canceled' // the user closed the dialog
  | 'no-space' // ENOSPC / EDQUOT: the disk is full
  | 'permission' // EACCES / EPERM / EROFS
  | 'not-found' // the file or its folder vanished
  | 'too-large' // larger than the size limit
  | 'invalid' // not UTF-8, not JSON, empty PDF …
  | 'busy' // another save/open dialog is already open
  | 'duplicate' // the same file (same content hash) is already in the user library
  | 'failed'; // anything else (message says what)

export interface FileError {
  ok: false;
  code: FileErrorCode;
  /** A sentence in Chinese for the UI (English detail may follow in parentheses). */
  message: string;
}

export type SaveResult = { ok: true; path: string } | FileError;

export interface SavePdfRequest {
  /**
   * A complete, self-contained HTML document (inline <style>, images as data:
   * URLs). Scripts never run: the export window has JavaScript disabled and a
   * CSP without script-src. At most 20 MiB.
   */
  html: string;
  /** Suggested file name without folder, e.g. "关于印发…的通知.pdf". */
  suggestedName: string;
  /** Default 'A4'. */
  pageSize?: 'A4' | 'A3' | 'A5' | 'Letter' | 'Legal';
  /** Default false. */
  landscape?: boolean;
}

export interface SaveBackupRequest {
  /** The backup as JSON text (must parse). At most 50 MiB. */
  json: string;
  /** Suggested file name; defaults to 政策阅读器备份-YYYY-MM-DD.json */
  suggestedName?: string;
}

export type OpenBackupResult = { ok: true; path: string; json: string } | FileError;

/** An automatic backup written (or skipped because nothing changed since the newest). */
export type AutoBackupWriteResult = { ok: true; file: string; skipped: boolean } | FileError;

/**
 * The newest automatic backup that parses as an annotation file; `none` when
 * there is no valid one.
 */
export type AutoBackupReadResult = { ok: true; json: string; file: string; savedAt: string } | { ok: false; code: 'none'; message: string } | FileError;

export type OpenExternalResult = { ok: true } | { ok: false; message: string };

/** The kinds of file the user library takes (core/import/extract.ts SourceKind). */
export type UserFileKind = 'pdf' | 'docx' | 'doc' | 'txt' | 'md' | 'html';

/**
 * One imported file, extracted and built by the renderer's import worker, to
 * store in the user library (electron/user-library.ts). The main process
 * checks `hash` against the bytes itself.
 */
export interface UserFileImport {
  /** The file's name as the user had it, without folders. */
  name: string;
  kind: UserFileKind;
  /** The original bytes; at most 50 MB (the browser side's limit), never empty. */
  bytes: Uint8Array;
  /** SHA-256 of `bytes`, lowercase hex: the file's identity (duplicates are refused). */
  hash: string;
  pages: number | null;
  /** The extracted raw text (`# Page N:` form for a PDF). */
  rawText: string;
  /** JSON text of the built documents: `{ doc: PolicyDocument; placements: Placement[] }[]`, ids `u…`. */
  docsJson: string;
}

/** The user's corrections of recognised metadata (renderer/db/user-library.ts DocEdits). */
export interface UserDocEdits {
  title?: string;
  docNumber?: string | null;
  issuer?: string;
  date?: string | null;
  kind?: string;
  region?: { level: 'national' | 'province' | 'city' | 'district' | 'unknown'; province: string | null; city: string | null };
}

/** A stored file as listed: no bytes. */
export interface UserFileEntry {
  hash: string;
  name: string;
  kind: UserFileKind;
  size: number;
  pages: number | null;
  importedAt: string;
  docIds: string[];
  /** Per document id: the user's corrections. */
  edits: Record<string, UserDocEdits>;
  /** JSON text as given at import: `{ doc, placements }[]`. */
  docsJson: string;
}

export type UserLibraryListResult = { ok: true; files: UserFileEntry[] } | FileError;
export type UserImportResult = { ok: true; hashes: string[] } | FileError;
/** `docIds`: the documents removed, whose annotations the renderer marks orphaned (未能定位). */
export type UserRemoveResult = { ok: true; docIds: string[] } | FileError;
export type UserEditResult = { ok: true } | FileError;

/** Commands the application menu sends to the renderer. */
export type MenuCommand =
  | 'find'
  // Annotations (renderer/annotations/): the shortcuts h/n/b, 我的标注, export/import, the 快捷键 help.
  | 'highlight'
  | 'note'
  | 'bookmark'
  | 'annotations'
  | 'export-annotations'
  | 'import-annotations'
  | 'shortcuts'
  // 导出 PDF 摘编 (renderer/export/): opens #/export, scoped to the document being read.
  | 'export-pdf'
  // 导入文件… (renderer/import/): the user's own PDF, Word (.docx, .doc), TXT, Markdown or HTML files.
  | 'import-files';

/**
 * Every MenuCommand, once: the preload passes only these to the renderer. The
 * `satisfies` makes a command added to MenuCommand but not here a type error
 * (a forgotten entry would silently drop that menu item's command).
 */
export const MENU_COMMANDS = {
  find: true,
  highlight: true,
  note: true,
  bookmark: true,
  annotations: true,
  'export-annotations': true,
  'import-annotations': true,
  shortcuts: true,
  'export-pdf': true,
  'import-files': true,
} as const satisfies Record<MenuCommand, true>;

export function isMenuCommand(v: unknown): v is MenuCommand {
  return typeof v === 'string' && Object.hasOwn(MENU_COMMANDS, v);
}

/** Invoke channels: channel → [argument tuple, resolved result]. */
export interface IpcContract {
  'app:get-info': { args: []; result: AppInfo };
  'shell:open-external': { args: [url: string]; result: OpenExternalResult };
  'export:save-pdf': { args: [request: SavePdfRequest]; result: SaveResult };
  'backup:save': { args: [request: SaveBackupRequest]; result: SaveResult };
  'backup:open': { args: []; result: OpenBackupResult };
  'autobackup:write': { args: [json: string]; result: AutoBackupWriteResult };
  'autobackup:read': { args: []; result: AutoBackupReadResult };
  'userlib:import': { args: [files: UserFileImport[]]; result: UserImportResult };
  'userlib:remove': { args: [fileHash: string]; result: UserRemoveResult };
  'userlib:list': { args: []; result: UserLibraryListResult };
  'userlib:edit': { args: [docId: string, edits: UserDocEdits]; result: UserEditResult };
}

export type IpcChannel = keyof IpcContract;

/** Main → renderer events: channel → payload. */
export interface IpcEvents {
  'menu:command': MenuCommand;
}

/** `window.policyReader`, exposed by electron/preload.ts. */
export interface PolicyReaderBridge {
  getAppInfo(): Promise<AppInfo>;
  /** Opens an https link in the system browser if its host is allow-listed (*.gov.cn). */
  openExternal(url: string): Promise<OpenExternalResult>;
  /** Renders `html` to PDF, asks where to save it, writes it atomically. */
  savePdf(request: SavePdfRequest): Promise<SaveResult>;
  /** Asks where to save, writes the JSON atomically. */
  saveBackup(request: SaveBackupRequest): Promise<SaveResult>;
  /** Asks for a file, reads it (size-limited, UTF-8 and JSON checked). */
  openBackup(): Promise<OpenBackupResult>;
  /**
   * Writes the annotation file (JSON text) as a rotating automatic backup in
   * the user-data folder (temp file, fsync, rename; the last 10 kept).
   */
  writeAutoBackup(json: string): Promise<AutoBackupWriteResult>;
  /** Reads the newest valid automatic backup (the restore offer at start). */
  readAutoBackup(): Promise<AutoBackupReadResult>;
  /**
   * Stores imported files in the user library under the user-data folder, all
   * of them or none (one atomic switch). A file already stored is refused
   * ('duplicate'), a file over 50 MB ('too-large').
   */
  importFiles(files: UserFileImport[]): Promise<UserImportResult>;
  /** Removes an imported file (by its hash) and every document built from it. */
  removeUserDocument(fileHash: string): Promise<UserRemoveResult>;
  /** Lists the user library: each file's metadata, documents and corrections. */
  listUserLibrary(): Promise<UserLibraryListResult>;
  /** Saves the user's corrections of one document's recognised metadata. */
  saveUserDocEdits(docId: string, edits: UserDocEdits): Promise<UserEditResult>;
  /** Subscribes to menu commands (查找 → 'find'); returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** The exact method names of the bridge; tests compare against this list. */
export type PolicyReaderBridgeMethod = keyof PolicyReaderBridge;

/**
 * Every method the bridge exposes, checked against the interface by the
 * compiler; tests compare what the preload really exposes with this list.
 */
export const BRIDGE_METHODS = {
  getAppInfo: true,
  openExternal: true,
  savePdf: true,
  saveBackup: true,
  openBackup: true,
  writeAutoBackup: true,
  readAutoBackup: true,
  importFiles: true,
  removeUserDocument: true,
  listUserLibrary: true,
  saveUserDocEdits: true,
  onMenuCommand: true,
} as const satisfies Record<PolicyReaderBridgeMethod, true>;
