/**
 * The Electron preload bridge, typed by electron/contract.ts. Absent in the
 * browser preview, so every caller must handle null.
 */
import type { PolicyReaderBridge } from '../../electron/contract';

export type { PolicyReaderBridge };

export function bridge(): PolicyReaderBridge | null {
  const b = (window as unknown as { policyReader?: unknown }).policyReader;
  return typeof b === 'object' && b !== null ? (b as PolicyReaderBridge) : null;
}
