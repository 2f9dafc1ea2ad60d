/**
 * Every unit's MinHash signature (SIGNATURE_LENGTH words), held in blocks of consecutive signatures: a document's
 * stored entry (prepared-cache.ts), or the buffer of those computed in this build. A unit is a block and a place in it.
 *
 * Not a view per unit: 700,000 views at 10,000 documents were 70 MB of small objects in the build's heap through
 * clause matching, where six full collections each marked them (issue 20; in a rebuild those collections are started
 * by the matching's large buffers, whatever the heap holds). A rebuild asks for a few thousand units' signatures;
 * each is a view made when asked, and let go.
 */
import { SIGNATURE_LENGTH } from './minhash.js';

export class UnitSigs {
  private readonly blocks: Uint32Array[] = [];
  /** Per unit: its block (−1: none given yet), and the word its signature starts at there. */
  private readonly blockOf: Int32Array;
  private readonly at: Int32Array;

  constructor(readonly length: number) {
    this.blockOf = new Int32Array(length).fill(-1);
    this.at = new Int32Array(length);
  }

  /** Units `units` take the signatures in `block`, one after the other from its start. */
  put(units: readonly number[], block: Uint32Array): void {
    if (block.length < units.length * SIGNATURE_LENGTH) throw new Error(`UnitSigs: ${block.length} words for ${units.length} signatures`);
    const b = this.blocks.push(block) - 1;
    units.forEach((u, k) => {
      this.blockOf[u] = b;
      this.at[u] = k * SIGNATURE_LENGTH;
    });
  }

  /** Unit u's signature: a view, made when asked. */
  of(u: number): Uint32Array {
    const b = this.blockOf[u];
    if (b < 0) throw new Error(`UnitSigs: no signature for unit ${u}`);
    return this.blocks[b].subarray(this.at[u], this.at[u] + SIGNATURE_LENGTH);
  }

  /** `out` lowered, word by word, to unit u's signature where that is lower (a document's signature: docSignature). */
  lowerTo(out: Uint32Array, u: number): void {
    const b = this.blockOf[u];
    if (b < 0) throw new Error(`UnitSigs: no signature for unit ${u}`);
    const block = this.blocks[b];
    const from = this.at[u];
    for (let i = 0; i < SIGNATURE_LENGTH; i++) if (block[from + i] < out[i]) out[i] = block[from + i];
  }

  /** The signatures of `sigs`, each its own block (a few units; tests). */
  static of(sigs: readonly Uint32Array[]): UnitSigs {
    const out = new UnitSigs(sigs.length);
    sigs.forEach((s, u) => out.put([u], s));
    return out;
  }
}
