import nodeFs from 'node:fs';
import { withExtension } from './fs-safe';
/** Native file dialogs behind a small interface (main.ts binds them to the main window). */
export interface FileFilter {
  name: string;
  extensions: string[];
}
export interface Dialogs {
  showSaveDialog(options: { title: string; defaultPath: string; filters: FileFilter[] }): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(options: { title: string; filters: FileFilter[] }): Promise<{ canceled: boolean; filePaths: string[] }>;
}

/** Serialises dialogs: a second request while one is open gets 'busy' instead of a stacked dialog. */
export function createDialogGate() {
  let open = false;
  return async function gate<T>(busy: T, run: () => Promise<T>): Promise<T> {
    if (open) return busy;
    open = true;
    try {
      return await run();
    } finally {
      open = false;
    }
  };
}

/** The slice of Electron's `dialog` module used here. */
export interface ElectronDialogLike<W> {
  showSaveDialog(window: W, options: object): Promise<{ canceled: boolean; filePath?: string }>;
  showSaveDialog(options: object): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(window: W, options: object): Promise<{ canceled: boolean; filePaths: string[] }>;
  showOpenDialog(options: object): Promise<{ canceled: boolean; filePaths: string[] }>;
}

/** Binds the dialogs to the main window (sheet on macOS, modal elsewhere). */
export function bindDialogs<W>(dialog: ElectronDialogLike<W>, getWindow: () => W | null): Dialogs {
  return {
    showSaveDialog: (o) => {
      const opts = { ...o, properties: ['createDirectory', 'showOverwriteConfirmation'] };
      const w = getWindow();
      return w ? dialog.showSaveDialog(w, opts) : dialog.showSaveDialog(opts);
    },
    showOpenDialog: (o) => {
      const opts = { ...o, properties: ['openFile'] };
      const w = getWindow();
      return w ? dialog.showOpenDialog(w, opts) : dialog.showOpenDialog(opts);
    },
  };
}

const pathExists = async (p: string): Promise<boolean> =>
  nodeFs.promises.access(p).then(
    () => true,
    () => false,
  );

/**
 * Asks where to save. A name typed without the extension gets it; the dialog
 * only confirmed replacing the name as typed, so when the name with the
 * extension already exists the dialog opens again on that name (the system
 * dialog then asks whether to replace it). Null when the user cancels.
 */
export async function chooseSavePath(
  dialogs: Dialogs,
  options: { title: string; defaultPath: string; filters: FileFilter[] },
  ext: string,
  exists: (p: string) => Promise<boolean> = pathExists,
): Promise<string | null> {
  let defaultPath = options.defaultPath;
  for (let attempt = 0; attempt < 5; attempt++) {
    const choice = await dialogs.showSaveDialog({ ...options, defaultPath });
    if (choice.canceled || !choice.filePath) return null;
    const target = withExtension(choice.filePath, ext);
    if (target === choice.filePath || !(await exists(target))) return target;
    defaultPath = target;
  }
  return null;
}
