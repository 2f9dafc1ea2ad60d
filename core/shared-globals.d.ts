/**
 * The few web-platform globals core/ may use because Node and browsers both
 * provide them. core/ is type-checked with no DOM and no Node types, so
 * anything else (fs, window, document) fails to compile here.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare const performance: { now(): number };
