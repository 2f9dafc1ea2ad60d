import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../util/random.js';
import { countInts, decodeInts, encodeInts, encodeSorted, encodeSortedLists, encodeVlq, isVlqText, vlqLength } from './codec.js';

/** Values at every length boundary of the 5-bit digits, and past 2^31 (bit operations would wrap there). */
const EDGES = [0, 1, 31, 32, 33, 1023, 1024, 32767, 32768, 2 ** 20 - 1, 2 ** 20, 2 ** 25 - 1, 2 ** 25, 2 ** 30, 2 ** 31 - 1, 2 ** 31 + 5, 2 ** 40 + 3];

describe('VLQ codec', () => {
  it('encodes by hand-checked digits: 5 bits a character, low digits first, bit 6 = more follow', () => {
    expect(encodeInts([0, 31, 32, 1024])).toBe('A' + 'f' + 'gB' + 'ggB');
    expect(encodeSorted([0, 1, 5, 37])).toBe('A' + 'A' + 'D' + 'f');
  });

  it('vlqLength is the length of encodeVlq at every digit boundary', () => {
    for (const n of EDGES) expect([n, vlqLength(n)]).toEqual([n, encodeVlq(n).length]);
  });

  it('encodeInts is the concatenation of encodeVlq, and decodes back', () => {
    expect(encodeInts(EDGES)).toBe(EDGES.map(encodeVlq).join(''));
    const small = EDGES.filter((n) => n < 2 ** 31);
    const out = new Int32Array(small.length);
    decodeInts(encodeInts(small), 0, small.length, out, false);
    expect([...out]).toEqual(small);
  });

  it('encodeSortedLists gives each list as encodeSorted would, back to back, with their lengths', () => {
    const rnd = mulberry32(7);
    const lists: number[][] = [[], [0], [2 ** 25 + 7], []];
    for (let k = 0; k < 200; k++) {
      const list: number[] = [];
      for (let v = Math.floor(rnd() * 40); list.length < k % 30; v += 1 + Math.floor(rnd() * (k % 3 ? 50 : 70000))) list.push(v);
      lists.push(list);
    }
    const refs = Int32Array.from(lists.flat());
    const counts = Int32Array.from(lists, (l) => l.length);
    const { bytes, lens } = encodeSortedLists(refs, counts);
    expect(new TextDecoder().decode(bytes)).toBe(lists.map((l) => encodeSorted(l)).join(''));
    expect([...lens]).toEqual(lists.map((l) => encodeSorted(l).length));
  });
});

describe('decodeInts on a damaged stream', () => {
  it('throws instead of looping when the stream ends inside a number, or holds a foreign character', () => {
    const out = new Int32Array(3);
    const s = encodeInts([1, 40, 5000]);
    expect(() => decodeInts(s.slice(0, -1), 0, 3, out, false)).toThrow(/damaged/);
    expect(() => decodeInts(s.slice(0, 1) + '!' + s.slice(2), 0, 3, out, false)).toThrow(/damaged/);
    expect(() => decodeInts(s, 0, 4, new Int32Array(4), false)).toThrow(/damaged/);
    expect(decodeInts(s, 0, 3, out, false)).toBe(s.length);
    expect([...out]).toEqual([1, 40, 5000]);
  });
});

describe('countInts', () => {
  it('counts the numbers of a whole stream, and refuses one that ends inside a number or holds a foreign character', () => {
    expect(countInts('')).toBe(0);
    // 'A' = 0, 'f' = 31, 'gB' = 32, 'ggB' = 1024.
    expect(countInts('AfgBggB')).toBe(4);
    expect(countInts('Ag')).toBe(-1);
    expect(countInts('gg')).toBe(-1);
    expect(countInts('A!B')).toBe(-1);
    expect(countInts('A多')).toBe(-1);
    expect(countInts('A\u00ff')).toBe(-1);
  });

  it('decodes a run in the middle of a stream, with deltas', () => {
    // Two lists back to back: [0, 1, 5, 37] and [3, 4] as encodeSorted writes them.
    const s = encodeSorted([0, 1, 5, 37]) + encodeSorted([3, 4]);
    const out = new Int32Array(2);
    expect(decodeInts(s, 4, 2, out, true)).toBe(6);
    expect([...out]).toEqual([3, 4]);
  });

  it('decodes into the middle of an array, leaving the rest as it was', () => {
    const s = encodeSorted([0, 1, 5, 37]) + encodeSorted([3, 4]);
    const out = Int32Array.from([-7, -7, -7, -7, -7]);
    expect(decodeInts(s, 4, 2, out, true, 2)).toBe(6);
    expect([...out]).toEqual([-7, -7, 3, 4, -7]);
    expect(decodeInts(s, 0, 4, out, false, 1)).toBe(4);
    // Without deltas, the gaps as written: 0, 0, 3, 31.
    expect([...out]).toEqual([-7, 0, 0, 3, 31]);
  });
});

describe('isVlqText', () => {
  const ascii = (s: string) => new TextEncoder().encode(s);
  it('holds for every digit of the alphabet, at any length, and for nothing', () => {
    const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    expect(isVlqText(ascii(digits))).toBe(true);
    for (let n = 0; n <= 9; n++) expect(isVlqText(ascii(digits.slice(0, n)))).toBe(true);
  });

  it('fails on one foreign byte wherever it stands: each of four in a step, and the last few', () => {
    for (let n = 1; n <= 11; n++)
      for (let at = 0; at < n; at++)
        for (const foreign of [0x22, 0x2b, 0x3d, 0x80, 0xe4, 0x00, 0x7f]) {
          const bytes = ascii('A'.repeat(n));
          bytes[at] = foreign;
          expect(isVlqText(bytes), `${n} bytes, 0x${foreign.toString(16)} at ${at}`).toBe(false);
        }
  });
});
