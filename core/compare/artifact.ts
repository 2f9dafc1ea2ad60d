/** The corpus build's entry point into variant detection: `variants.json` as a file of the parsed corpus. */
import type { PolicyDocument } from '../corpus/types.js';
import { detectVariants } from './detect.js';
import { VARIANTS_FILE } from './format.js';

export function variantsArtifact(docs: PolicyDocument[]): { path: string; data: string } {
  return { path: VARIANTS_FILE, data: JSON.stringify(detectVariants(docs), null, 1) + '\n' };
}
