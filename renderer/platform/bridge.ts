/**
 * The Electron preload bridge, typed by electron/contract.ts. Absent in the
 * browser preview, so every caller must handle null.
 */
import type { PolicyReaderBridge } from '../../electron/contract';

export type { PolicyReaderBridge };

export function bridge(): PolicyReaderBridge | null {
  // globalThis, not window: renderer modules also run in Node (bench scripts, unit tests), where there is no bridge.
  const b = (globalThis as unknown as { policyReader?: unknown }).policyReader;
  return typeof b === 'object' && b !== null ? (b as PolicyReaderBridge) : null;
}
