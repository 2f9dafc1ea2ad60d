/**
 * The Electron preload bridge, typed by electron/contract.ts. Absent in the
 * browser preview, so every caller must handle null.
 */
import type { PolicyReaderBridge } from '../../electron/contract';

export type { PolicyReaderBridge };

export function bridge(): PolicyReaderBridge | null {
  // Through globalThis: renderer modules also run in Node (bench scripts, unit tests), where `window` may not exist.
  const b = (globalThis as unknown as { window?: { policyReader?: unknown } }).window?.policyReader;
  return typeof b === 'object' && b !== null ? (b as PolicyReaderBridge) : null;
}
