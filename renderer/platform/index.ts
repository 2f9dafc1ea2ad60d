/**
 * Everything that differs between Electron and the browser preview. Components
 * import from here; nothing else reads `window.policyReader`.
 */
import type { MenuCommand } from '../../electron/contract';
import { bridge } from './bridge';

/** Copies text; resolves to false when every method failed. */
export async function copyText(text: string): Promise<boolean> {
  // The bridge has no clipboard channel: Electron's renderer supports the
  // Clipboard API itself, and the textarea path covers refusals.
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
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

/** window.print works in both hosts; PDF export through the bridge (savePdf) is a later feature. */
export function printPage(): void {
  window.print();
}

/** Subscribes to application-menu commands; a no-op in the browser. */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  const b = bridge();
  return b ? b.onMenuCommand(listener) : () => {};
}
