import { putVlq } from './codec.js';

/** A byte buffer that grows: the new lists' lengths are known only once they are written. */
export class ByteWriter {
  bytes: Uint8Array;
  at = 0;

  /** `size`: what it will most likely hold (growing copies it all). */
  constructor(size: number) {
    this.bytes = new Uint8Array(Math.max(16, size));
  }

  private room(n: number): void {
    if (this.at + n <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.at + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.at));
    this.bytes = grown;
  }

  vlq(n: number): void {
    this.room(8);
    this.at = putVlq(this.bytes, this.at, n);
  }

  copy(from: Uint8Array, start: number, end: number): void {
    this.room(end - start);
    // Most parts are a few bytes: a view made for each costs more than the loop.
    if (end - start < 64) for (let k = start; k < end; k++) this.bytes[this.at++] = from[k];
    else {
      this.bytes.set(from.subarray(start, end), this.at);
      this.at += end - start;
    }
  }

  done(): Uint8Array {
    return this.bytes.subarray(0, this.at);
  }
}
