/**
 * Everything that differs between Electron and the browser preview. Components
 * import from here; nothing else reads `window.policyReader`.
 */
import { bridge } from './bridge';

export const isDesktop = (): boolean => bridge() !== null;

/** Copies text; resolves to false when every method failed. */
export async function copyText(text: string): Promise<boolean> {
  const b = bridge();
  if (b?.copyText) {
    try {
      await b.copyText(text);
      return true;
    } catch {
      // fall through to the browser paths
    }
  }
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API refused (no permission, insecure context): the old way still works on a user gesture.
    return copyWithTextarea(text);
  }
}

function copyWithTextarea(text: string): boolean {
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.style.position = 'fixed';
  ta.style.opacity = '0';
  document.body.appendChild(ta);
  const focused = document.activeElement as HTMLElement | null;
  ta.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  ta.remove();
  focused?.focus({ preventScroll: true });
  return ok;
}

export async function printPage(): Promise<void> {
  const b = bridge();
  if (b?.print) return b.print();
  window.print();
}

/** Saves text to a file: the bridge's save dialog on the desktop, a Blob download in the browser. */
export async function saveTextFile(suggestedName: string, content: string): Promise<boolean> {
  const b = bridge();
  if (b?.saveFile) return b.saveFile(suggestedName, content);
  const url = URL.createObjectURL(new Blob([content], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = suggestedName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return true;
}
