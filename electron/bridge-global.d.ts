/**
 * Renderer-facing global: `window.policyReader` exists only inside the
 * Electron app (it is undefined in the browser preview), hence optional.
 * Include from the renderer with:
 *   /// <reference path="../electron/bridge-global.d.ts" />
 * or by importing a type from '../electron/contract'.
 */
import type { PolicyReaderBridge } from './contract';

declare global {
  interface Window {
    policyReader?: PolicyReaderBridge;
  }
}

export {};
