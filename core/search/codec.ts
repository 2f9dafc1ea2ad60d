/**
 * Compact text encoding of sorted integer lists: delta + variable-length
 * quantities in a URL-safe base-64 alphabet (5 payload bits per character,
 * bit 6 = continuation), so postings live in one JSON string, gzip well and
 * decode with charCodeAt only (no atob/Buffer: core has neither DOM nor Node).
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DECODE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

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

/** Encode non-negative integers (no delta). */
export function encodeInts(values: ArrayLike<number>): string {
  const parts: string[] = [];
  for (let i = 0; i < values.length; i++) parts.push(encodeVlq(values[i]));
  return parts.join('');
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

/** Decode `count` integers starting at `offset`; returns the values and the end offset. */
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

export function decodeInts(s: string, offset: number, count: number, out: Int32Array, delta: boolean): number {
  let pos = offset;
  let prev = -1;
  for (let k = 0; k < count; k++) {
    let value = 0;
    let shift = 1;
    for (;;) {
      const digit = DECODE[s.charCodeAt(pos++)];
      value += (digit & 31) * shift;
      if (digit < 32) break;
      shift *= 32;
    }
    if (delta) {
      prev = prev + 1 + value;
      out[k] = prev;
    } else {
      out[k] = value;
    }
  }
  return pos;
}
