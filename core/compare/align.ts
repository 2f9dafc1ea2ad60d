/**
 * Align the units of two documents by content, not by number: inserted and
 * deleted units, moved ones (matched out of order), renumbered ones (第十条 ↔
 * 第十二条), and a unit split into two adjacent ones (or two merged into one).
 * Each aligned row carries a character diff of its texts (diff.ts).
 */
import type { PolicyDocument } from '../corpus/types.js';
import { type CancellationToken, throwIfCancelled } from '../util/cancellation.js';
import { DEFAULT_DIFF_OPTIONS, diffUnits, isUnchanged, sharedInRuns, type DiffOp, type DiffOptions } from './diff.js';
import { clauseSimilarity, documentOverlap, unitShingles } from './measures.js';
import { intersectionSize, overlap, shingleSet } from './shingles.js';
import { compareUnits, overlapKey, type CompareUnit } from './units.js';

/** Units are compared on 3-character shingles: clauses are short, and a changed number must not hide the rest. */
const ALIGN_SHINGLE = 3;
/** Two units are the same clause from this Dice similarity: rewordings score 0.5–0.95, different clauses of one document under 0.3. */
export const ALIGN_MIN_SIMILARITY = 0.4;
/** A neighbour of a matched unit is part of a split (or merge) when this much of it is found in the matched unit. */
export const SPLIT_CONTAINED = 0.7;
/**
 * Aligned clauses sharing less than half their wording (in runs of at least
 * REWRITE_MIN_RUN characters, `sharedInRuns`) are rewritten rather than edited:
 * a character diff of them scatters single characters (a district's rewrite of
 * a city's point reads as confetti), so they are shown side by side, unmarked
 * (改写). Edited clauses share whole phrases and sentences and stay marked.
 */
export const REWRITE_BELOW = 0.5;
/** A shared run shorter than this (one or two characters, 办 or 的) is not shared wording. */
export const REWRITE_MIN_RUN = 4;
/** Units with fewer shingles than this (≈ 40 characters: headings, one-line items) are always marked: a changed word in a line reads well. */
export const REWRITE_MIN_SHINGLES = 36;

export type AlignStatus = 'same' | 'changed' | 'moved' | 'only-a' | 'only-b';

export interface AlignedRow {
  status: AlignStatus;
  /** Unit ids on each side: one, none (only-b / only-a), or two for a split or merge. */
  a: string[];
  b: string[];
  /** Clause similarity (measures.ts, 条文相似度) of the two sides' wording; 0 for only-a/only-b. */
  similarity: number;
  /**
   * `=`/`-`/`+` operations over the display texts. For a rewritten row (or one
   * whose edit exceeds the diff's bound) they are the whole of A removed and the
   * whole of B inserted: no character marks.
   */
  ops: DiffOp[];
  /** The clauses share too few characters for a character diff to help (REWRITE_BELOW, or more edits than MAX_EDIT_LENGTH): shown side by side as 改写. */
  rewritten?: true;
  /** Set when both units are numbered and the numbers differ: the markers as printed (the number where the source prints none, a 款). */
  renumbered?: { a: string; b: string };
  /** One unit on one side became two adjacent units on the other. */
  split?: 'a-split' | 'b-split';
}

export interface AlignmentSummary {
  same: number;
  changed: number;
  moved: number;
  onlyA: number;
  onlyB: number;
  /** Document overlap (measures.ts, 文本重合度): the same figure 相似文本 shows for this pair. */
  overlap: number;
}

export interface AlignControl {
  /** Checked between units: a cancelled alignment throws a CancellationError. */
  token?: CancellationToken;
  /** Units aligned so far, of all (rows are emitted one group at a time). */
  onProgress?: (done: number, total: number) => void;
}

export interface Alignment {
  a: string;
  b: string;
  options: DiffOptions;
  summary: AlignmentSummary;
  rows: AlignedRow[];
}

interface Group {
  a: number[];
  b: number[];
  sim: number;
}

function unitSets(units: CompareUnit[]): Uint32Array[] {
  return units.map((u) => shingleSet(overlapKey(u.text.slice(u.labelLength)), ALIGN_SHINGLE));
}

/** Pairs (i, j, Dice) at or above the threshold, found through an inverted index of B's shingles. */
function similarPairs(sa: Uint32Array[], sb: Uint32Array[]): [number, number, number][] {
  const index = new Map<number, number[]>();
  sb.forEach((set, j) => {
    for (const h of set) {
      const list = index.get(h);
      if (list) list.push(j);
      else index.set(h, [j]);
    }
  });
  const out: [number, number, number][] = [];
  const counts = new Map<number, number>();
  sa.forEach((set, i) => {
    counts.clear();
    for (const h of set) for (const j of index.get(h) ?? []) counts.set(j, (counts.get(j) ?? 0) + 1);
    for (const [j, shared] of counts) {
      const dice = (2 * shared) / (set.length + sb[j].length);
      if (dice >= ALIGN_MIN_SIMILARITY) out.push([i, j, dice]);
    }
  });
  return out;
}

/** Indexes (into `seq`) of a longest strictly increasing subsequence, O(n log n). */
function longestIncreasing(seq: number[]): Set<number> {
  const tails: number[] = [];
  const prev: number[] = new Array(seq.length).fill(-1);
  for (let k = 0; k < seq.length; k++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]] < seq[k]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1];
    tails[lo] = k;
  }
  const keep = new Set<number>();
  for (let k = tails.length ? tails[tails.length - 1] : -1; k >= 0; k = prev[k]) keep.add(k);
  return keep;
}

export function alignUnits(docA: string, docB: string, ua: CompareUnit[], ub: CompareUnit[], options: DiffOptions = DEFAULT_DIFF_OPTIONS, control: AlignControl = {}): Alignment {
  const { token, onProgress } = control;
  throwIfCancelled(token);
  const sa = unitSets(ua);
  const sb = unitSets(ub);
  const na = ua.length;
  const nb = ub.length;

  // One-to-one matches, best first; ties go to the pair whose positions are closest.
  const pairs = similarPairs(sa, sb).sort((x, y) => y[2] - x[2] || Math.abs(x[0] / na - x[1] / nb) - Math.abs(y[0] / na - y[1] / nb) || x[0] - y[0] || x[1] - y[1]);
  const matchA = new Array<number>(na).fill(-1);
  const matchB = new Array<number>(nb).fill(-1);
  for (const [i, j] of pairs) {
    if (matchA[i] >= 0 || matchB[j] >= 0) continue;
    matchA[i] = j;
    matchB[j] = i;
  }
  // An article whose words are all in its 款 is a unit with its label only (第三条): no wording to be matched by.
  // It is the other side's article when the units after the two (their first 款) are a pair. From the end, so
  // that a match made here can anchor the unit before it.
  for (let i = na - 2; i >= 0; i--) {
    const j = matchA[i + 1] - 1;
    if (j >= 0 && matchA[i] < 0 && matchB[j] < 0 && sa[i].length === 0 && sb[j].length === 0) {
      matchA[i] = j;
      matchB[j] = i;
    }
  }
  const groups: Group[] = [];
  const groupOfA = new Array<number>(na).fill(-1);
  const groupOfB = new Array<number>(nb).fill(-1);
  for (let i = 0; i < na; i++)
    if (matchA[i] >= 0) {
      groupOfA[i] = groups.length;
      groupOfB[matchA[i]] = groups.length;
      groups.push({ a: [i], b: [matchA[i]], sim: 0 });
    }

  // Splits and merges: an unmatched neighbour of a match that is mostly found inside the matched unit of the other side.
  const contained = (part: Uint32Array, whole: Uint32Array) => (part.length ? intersectionSize(part, whole) / part.length : 0);
  for (const g of groups) {
    const i = g.a[0];
    const j = g.b[0];
    for (const nj of [j + 1, j - 1]) {
      if (nj >= 0 && nj < nb && groupOfB[nj] < 0 && sb[nj].length >= 2 && contained(sb[nj], sa[i]) >= SPLIT_CONTAINED) {
        g.b = nj > j ? [j, nj] : [nj, j];
        groupOfB[nj] = groupOfA[i];
        break;
      }
    }
    if (g.b.length > 1) continue;
    for (const ni of [i + 1, i - 1]) {
      if (ni >= 0 && ni < na && groupOfA[ni] < 0 && sa[ni].length >= 2 && contained(sa[ni], sb[j]) >= SPLIT_CONTAINED) {
        g.a = ni > i ? [i, ni] : [ni, i];
        groupOfA[ni] = groupOfB[j];
        break;
      }
    }
  }

  // In order = the longest chain of matches increasing on both sides; the rest moved.
  const byA = groups.map((g, k) => k).sort((x, y) => groups[x].a[0] - groups[y].a[0]);
  const inOrderIdx = longestIncreasing(byA.map((k) => groups[k].b[0]));
  const inOrder = new Set([...inOrderIdx].map((x) => byA[x]));

  const side = (units: CompareUnit[], idx: number[]) => ({
    text: idx.map((k) => units[k].text).join('\n'),
    labelLength: units[idx[0]].labelLength,
  });
  const rows: AlignedRow[] = [];
  const total = na + nb;
  let done = 0;
  const progressed = (n: number) => {
    done += n;
    throwIfCancelled(token);
    onProgress?.(done, total);
  };
  const emitGroup = (k: number) => {
    const g = groups[k];
    const A = side(ua, g.a);
    const B = side(ub, g.b);
    const setA = unitShingles(A);
    const setB = unitShingles(B);
    // Two units with no wording of their own (articles whose words are all in their 款) have the same wording: none.
    const similarity = setA.length || setB.length ? clauseSimilarity(overlap(setA, setB), setA.length, setB.length) : 1;
    const diffed = diffUnits(A, B, options);
    // Whether marks help is a matter of the wording the marks would show in common, not of the figure;
    // short units (headings, one-line items) stay marked: a changed word in them reads well.
    const short = Math.min(setA.length, setB.length) < REWRITE_MIN_SHINGLES;
    const d = diffed.exceeded || (!short && sharedInRuns(diffed.ops, REWRITE_MIN_RUN) < REWRITE_BELOW) ? null : diffed;
    const ops: DiffOp[] = d?.ops ?? [
      ['-', A.text],
      ['+', B.text],
    ];
    const status: AlignStatus = !inOrder.has(k) ? 'moved' : isUnchanged(ops) ? 'same' : 'changed';
    const ma = ua[g.a[0]];
    const mb = ub[g.b[0]];
    rows.push({
      status,
      a: g.a.map((x) => ua[x].id),
      b: g.b.map((x) => ub[x].id),
      similarity: Math.round(similarity * 1000) / 1000,
      ops,
      ...(d ? {} : { rewritten: true as const }),
      ...(ma.number && mb.number && ma.number !== mb.number ? { renumbered: { a: ma.label || ma.number, b: mb.label || mb.number } } : {}),
      ...(g.a.length > 1 ? { split: 'b-split' as const } : g.b.length > 1 ? { split: 'a-split' as const } : {}),
    });
    progressed(g.a.length + g.b.length);
  };
  const emitOnly = (which: 'a' | 'b', u: CompareUnit) => {
    rows.push({ status: which === 'a' ? 'only-a' : 'only-b', a: which === 'a' ? [u.id] : [], b: which === 'b' ? [u.id] : [], similarity: 0, ops: [[which === 'a' ? '-' : '+', u.text]] });
    progressed(1);
  };

  // Walk both documents; in-order matches are anchors, everything before an anchor on either side comes first.
  const doneGroup = new Set<number>();
  let pa = 0;
  let pb = 0;
  const flushA = (until: number) => {
    for (; pa < until; pa++) {
      const k = groupOfA[pa];
      if (k < 0) emitOnly('a', ua[pa]);
      else if (!inOrder.has(k) && !doneGroup.has(k)) {
        doneGroup.add(k);
        emitGroup(k);
      }
    }
  };
  const flushB = (until: number) => {
    for (; pb < until; pb++) if (groupOfB[pb] < 0) emitOnly('b', ub[pb]);
  };
  const anchors = byA.filter((k) => inOrder.has(k));
  for (const k of anchors) {
    const g = groups[k];
    flushA(g.a[0]);
    flushB(g.b[0]);
    emitGroup(k);
    doneGroup.add(k);
    pa = Math.max(pa, g.a[g.a.length - 1] + 1);
    pb = Math.max(pb, g.b[g.b.length - 1] + 1);
  }
  flushA(na);
  flushB(nb);
  // Moved units matched to an A unit already passed are emitted by flushA; a moved group whose A side was skipped by an anchor span is emitted here.
  for (let k = 0; k < groups.length; k++) if (!doneGroup.has(k)) emitGroup(k);

  const count = (s: AlignStatus) => rows.filter((r) => r.status === s).length;
  return {
    a: docA,
    b: docB,
    options,
    summary: {
      same: count('same'),
      changed: count('changed'),
      moved: count('moved'),
      onlyA: count('only-a'),
      onlyB: count('only-b'),
      overlap: Math.round(documentOverlap(ua, ub) * 1000) / 1000,
    },
    rows,
  };
}

export function alignDocuments(a: PolicyDocument, b: PolicyDocument, options: DiffOptions = DEFAULT_DIFF_OPTIONS, control: AlignControl = {}): Alignment {
  return alignUnits(a.id, b.id, compareUnits(a), compareUnits(b), options, control);
}
