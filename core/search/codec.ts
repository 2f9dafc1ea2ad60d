/**
 * Compact text encoding of sorted integer lists: delta + variable-length
 * quantities in a URL-safe base-64 alphabet (5 payload bits per character,
 * bit 6 = continuation), so postings live in one JSON string, gzip well and
 * decode with charCodeAt only (no atob/Buffer: core has neither DOM nor Node).
 */
import { SearchIndexDamaged } from './shard-reader.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DECODE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;
const ALPHABET_CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
/** The alphabet is ASCII: its bytes decode to the same characters, one string made natively. */
const ascii = new TextDecoder('utf-8');

/** Bytes written with `putVlq` as the string they spell. */
export function asciiString(bytes: Uint8Array): string {
  return ascii.decode(bytes);
}

export function encodeVlq(n: number): string {
  let out = '';
  do {
    let digit = n & 31;
    n = Math.floor(n / 32);
    if (n > 0) digit |= 32;
    out += ALPHABET[digit];
  } while (n > 0);
  return out;
}

/** Encode a strictly increasing list as deltas. */
export function encodeSorted(values: ArrayLike<number>): string {
  const parts: string[] = [];
  let prev = -1;
  for (let i = 0; i < values.length; i++) {
    parts.push(encodeVlq(values[i] - prev - 1));
    prev = values[i];
  }
  return parts.join('');
}

/** Characters `encodeVlq(n)` takes. */
export function vlqLength(n: number): number {
  if (n < 32) return 1;
  if (n < 1024) return 2;
  if (n < 32768) return 3;
  let len = 3;
  for (n = Math.floor(n / 32768); n > 0; n = Math.floor(n / 32)) len++;
  return len;
}

/** Write `encodeVlq(n)` as ASCII bytes at `at`; returns the position after it. */
export function putVlq(out: Uint8Array, at: number, n: number): number {
  if (n < 32) {
    out[at] = ALPHABET_CODES[n];
    return at + 1;
  }
  do {
    let digit = n & 31;
    n = Math.floor(n / 32);
    if (n > 0) digit |= 32;
    out[at++] = ALPHABET_CODES[digit];
  } while (n > 0);
  return at;
}

/**
 * Many sorted lists stored back to back (`refs`, list k has `counts[k]` values), each encoded as
 * `encodeSorted` would, concatenated, with each encoding's length: the same text without a string per
 * value or per list (the index build encodes tens of millions of postings).
 */
export function encodeSortedLists(refs: Int32Array, counts: Int32Array): { bytes: Uint8Array; lens: Int32Array } {
  const lens = new Int32Array(counts.length);
  let total = 0;
  for (let k = 0, at = 0; k < counts.length; k++) {
    let prev = -1;
    let len = 0;
    for (const end = at + counts[k]; at < end; at++) {
      len += vlqLength(refs[at] - prev - 1);
      prev = refs[at];
    }
    lens[k] = len;
    total += len;
  }
  const out = new Uint8Array(total);
  let pos = 0;
  for (let k = 0, at = 0; k < counts.length; k++) {
    let prev = -1;
    for (const end = at + counts[k]; at < end; at++) {
      pos = putVlq(out, pos, refs[at] - prev - 1);
      prev = refs[at];
    }
  }
  return { bytes: out, lens };
}

/** Encode non-negative integers (no delta): one byte buffer, one string (the index has millions: df, lens). */
export function encodeInts(values: ArrayLike<number>): string {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += vlqLength(values[i]);
  const out = new Uint8Array(total);
  let pos = 0;
  for (let i = 0; i < values.length; i++) pos = putVlq(out, pos, values[i]);
  return ascii.decode(out);
}

/**
 * Reads VLQ numbers (no delta) one at a time from the ASCII bytes of an encoded string, from `pos` on. Throws
 * SearchIndexDamaged past the end or on a foreign character.
 */
export class VlqReader {
  constructor(
    readonly bytes: Uint8Array,
    public pos = 0,
  ) {}

  next(): number {
    let value = 0;
    let shift = 1;
    for (;;) {
      const digit = DECODE[this.bytes[this.pos++]];
      if (!(digit >= 0)) throw new SearchIndexDamaged('search index is damaged: a number list ends early or holds a foreign character');
      value += (digit & 31) * shift;
      if (digit < 32) return value;
      shift *= 32;
    }
  }
}

/** Per byte value: 1 for a digit of the alphabet (all 256, so that no read falls outside the table: that is slow). */
const IS_DIGIT = Uint8Array.from({ length: 256 }, (_, b) => (b < 128 && DECODE[b] >= 0 ? 1 : 0));

/**
 * Whether every byte is a digit of the alphabet (the ASCII of an encoded string). Four bytes a step, their flags
 * and-ed: one branch for four (a rebuild checks the 155 MB of postings it copies: 0.6 s a byte at a time).
 */
export function isVlqText(bytes: Uint8Array): boolean {
  const n = bytes.length;
  let i = 0;
  for (; i + 4 <= n; i += 4) if ((IS_DIGIT[bytes[i]] & IS_DIGIT[bytes[i + 1]] & IS_DIGIT[bytes[i + 2]] & IS_DIGIT[bytes[i + 3]]) === 0) return false;
  for (; i < n; i++) if (IS_DIGIT[bytes[i]] === 0) return false;
  return true;
}

/** How many numbers `s` holds (digits without the continuation bit), or -1 when it is not a whole VLQ stream. */
export function countInts(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const digit = DECODE[s.charCodeAt(i)] ?? -1;
    if (digit < 0) return -1;
    if (digit < 32) n++;
  }
  return s.length && (DECODE[s.charCodeAt(s.length - 1)] & 32) !== 0 ? -1 : n;
}

/**
 * Decode `count` numbers of `s` from `offset` into `out` from index `into`; returns the position after them.
 * `into`, not a subarray of `out`: a term's positions are decoded unit by unit, and a view a unit was an
 * object a unit (27,000 for 国务院) to make and collect before the first search's results.
 */
export function decodeInts(s: string, offset: number, count: number, out: Int32Array, delta: boolean, into = 0): number {
  let pos = offset;
  let prev = -1;
  for (let k = 0; k < count; k++) {
    let value = 0;
    let shift = 1;
    for (;;) {
      const digit = DECODE[s.charCodeAt(pos++)];
      // Past the end (undefined) or not a digit (-1): a damaged index must fail, not loop or read garbage.
      if (!(digit >= 0)) throw new SearchIndexDamaged('search index is damaged: a number list ends early or holds a foreign character');
      value += (digit & 31) * shift;
      if (digit < 32) break;
      shift *= 32;
    }
    if (delta) {
      prev = prev + 1 + value;
      out[into + k] = prev;
    } else {
      out[into + k] = value;
    }
  }
  return pos;
}
