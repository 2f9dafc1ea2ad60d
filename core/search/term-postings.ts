/**
 * What an index build collects before encoding: every term (unigrams, then bigrams, each sorted by code
 * units: term ids in that order) with the units it occurs in, ascending, all lists back to back.
 */
export interface TermPostings {
  /** Unigram terms, sorted, concatenated. */
  uni: string;
  /** Bigram terms, sorted, concatenated (two code units each). */
  bi: string;
  /** Per term id: how many units it occurs in. */
  df: Int32Array;
  /** The units of term 0, then those of term 1, …; each list ascending. */
  refs: Int32Array;
  /** Normalised length of each unit. */
  unitLens: Int32Array;
  /** Their sum. */
  normChars: number;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The same from a map term → ascending units (the lunr reference build collects one). */
export function fromTermMap(merged: Map<string, number[]>, unitLens: Int32Array, normChars: number): TermPostings {
  const all = [...merged.keys()];
  const uni = all.filter((t) => t.length === 1).sort(cmp);
  const bi = all.filter((t) => t.length === 2).sort(cmp);
  if (uni.length + bi.length !== all.length) throw new Error('index terms must be one or two code units');
  const terms = [...uni, ...bi];
  const df = Int32Array.from(terms, (t) => merged.get(t)!.length);
  const refs = new Int32Array(df.reduce((n, k) => n + k, 0));
  let at = 0;
  for (const t of terms) for (const u of merged.get(t)!) refs[at++] = u;
  return { uni: uni.join(''), bi: bi.join(''), df, refs, unitLens, normChars };
}
