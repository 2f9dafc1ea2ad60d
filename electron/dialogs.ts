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
