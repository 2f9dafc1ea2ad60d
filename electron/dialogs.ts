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
