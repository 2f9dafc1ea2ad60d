/**
 * A document's shingle sets in one buffer, as they travel between the build's threads (variants-pool.ts):
 * [units, each unit's length…, the document set's length, each unit's shingles…, the document's shingles…].
 * One buffer per document is handed over without a copy; the sets read back are views into it.
 */
export interface DocSets {
  unitSets: Uint32Array[];
  docSet: Uint32Array;
}

export function packSets({ unitSets, docSet }: DocSets): Uint32Array {
  const n = unitSets.length;
  const out = new Uint32Array(2 + n + unitSets.reduce((s, x) => s + x.length, 0) + docSet.length);
  out[0] = n;
  let at = 1;
  for (const s of unitSets) out[at++] = s.length;
  out[at++] = docSet.length;
  for (const s of unitSets) {
    out.set(s, at);
    at += s.length;
  }
  out.set(docSet, at);
  return out;
}

/** The sets in a packed buffer; throws on one whose lengths do not add up (never a silent misread). */
export function unpackSets(packed: Uint32Array): DocSets {
  const n = packed[0] ?? 0;
  let at = 1 + n + 1;
  const unitSets: Uint32Array[] = [];
  for (let k = 0; k < n; k++) unitSets.push(packed.subarray(at, (at += packed[1 + k])));
  const docSet = packed.subarray(at, (at += packed[1 + n] ?? 0));
  // A length past the end reads as undefined and makes `at` NaN: any misfit ends here.
  if (at !== packed.length) throw new Error('packed shingle sets do not add up');
  return { unitSets, docSet };
}
