/**
 * The renderer's view of `window.policyReader`, the Electron preload bridge.
 *
 * TODO(contract): electron/contract.ts does not exist yet. This is the minimal
 * subset the renderer uses, every member optional so a bridge that lacks one
 * falls back to the browser implementation. Replace with
 * `import type { PolicyReaderApi } from '../../electron/contract'` once it lands.
 */
export interface PolicyReaderBridge {
  copyText?(text: string): Promise<void>;
  print?(): Promise<void>;
  saveFile?(suggestedName: string, content: string): Promise<boolean>;
}

export function bridge(): PolicyReaderBridge | null {
  const b = (window as unknown as { policyReader?: unknown }).policyReader;
  return typeof b === 'object' && b !== null ? (b as PolicyReaderBridge) : null;
}
