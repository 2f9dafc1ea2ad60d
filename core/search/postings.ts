/** Set operations on sorted posting lists (unit indexes). */

/** Whether sorted `a` contains `x`. */
export function binarySearch(a: Int32Array, x: number): boolean {
  return indexOf(a, x) >= 0;
}

/** Where `x` is in sorted `a`, −1 when it is not there. */
export function indexOf(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] === x) return mid;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The first index at or after `from` where sorted `a` holds a value ≥ `x` (`a.length` when none). Galloping:
 * a walk over ascending `x` costs the steps between them, or their logarithm where `a` is much longer than the
 * walk (a rare phrase's units looked up in a common one's list), never a binary search from the start each time.
 */
export function seek(a: Int32Array, from: number, x: number): number {
  if (from >= a.length || a[from] >= x) return from;
  // a[lo] < x: find a step past x, doubling, then halve back.
  let lo = from;
  let step = 1;
  while (lo + step < a.length && a[lo + step] < x) {
    lo += step;
    step *= 2;
  }
  let hi = Math.min(lo + step, a.length);
  // a[lo] < x, and a[hi] ≥ x or hi is the end.
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** Intersection of two sorted lists (galloping when sizes differ a lot). */
export function intersect(a: Int32Array, b: Int32Array): Int32Array {
  if (a.length > b.length) [a, b] = [b, a];
  const out = new Int32Array(a.length);
  let n = 0;
  if (b.length > a.length * 16) {
    let lo = 0;
    for (let i = 0; i < a.length; i++) {
      const x = a[i];
      let hi = b.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        if (b[mid] < x) lo = mid + 1;
        else hi = mid - 1;
      }
      if (lo < b.length && b[lo] === x) out[n++] = x;
    }
  } else {
    let j = 0;
    for (let i = 0; i < a.length && j < b.length; i++) {
      const x = a[i];
      while (j < b.length && b[j] < x) j++;
      if (j < b.length && b[j] === x) out[n++] = x;
    }
  }
  return out.subarray(0, n);
}

/** Union of sorted lists. */
export function unionAll(lists: Int32Array[]): Int32Array {
  if (lists.length === 0) return new Int32Array(0);
  if (lists.length === 1) return lists[0];
  const s = new Set<number>();
  for (const l of lists) for (let i = 0; i < l.length; i++) s.add(l[i]);
  return Int32Array.from([...s].sort((a, b) => a - b));
}
