import { describe, expect, it } from 'vitest';
import { wholeBuffer } from './whole-buffer.js';

describe('wholeBuffer', () => {
  it('gives the buffer a view fills whole, and nothing for a part of one, or shared memory', () => {
    const own = new Uint8Array(16);
    expect(wholeBuffer(own)).toBe(own.buffer);
    expect(wholeBuffer(own.subarray(0, 8))).toBeNull();
    expect(wholeBuffer(own.subarray(8))).toBeNull();
    expect(wholeBuffer(own.subarray(4, 12))).toBeNull();
    expect(wholeBuffer(new Uint8Array(new SharedArrayBuffer(16)))).toBeNull();
    // A small Node Buffer is a view of the shared pool.
    expect(wholeBuffer(Buffer.from('abc'))).toBeNull();
    const empty = new Uint8Array(0);
    expect(wholeBuffer(empty)).toBe(empty.buffer);
  });
});
