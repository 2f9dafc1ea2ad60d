/**
 * Character-level diff of two aligned units (Chinese has no spaces, so a word
 * diff is useless), done by jsdiff on comparison keys and mapped back to the
 * display text.
 *
 * Operations: ['=', text] (the same in both), ['-', text] (only in A),
 * ['+', text] (only in B), and ['=', textA, textB]: equal under the options
 * but printed differently (full/half width, spacing, numbering). So the `=`
 * (first text) and `-` texts concatenated are exactly A, and the `=` (second
 * text when present) and `+` texts are exactly B, whatever the options.
 */
import { diffChars } from 'diff';
import { foldChar } from '../text/normalize.js';

export type DiffOp = ['=', string] | ['=', string, string] | ['-', string] | ['+', string];

export interface DiffOptions {
  /** Full/half-width punctuation, letters and digits, and Latin case, compare equal. Default on. */
  ignoreWidth: boolean;
  /** White space is not compared. Default on. */
  ignoreWhitespace: boolean;
  /** The unit's marker (第十条 / 第十二条, （三）) is not compared. Default off. */
  ignoreNumbering: boolean;
}

export const DEFAULT_DIFF_OPTIONS: DiffOptions = { ignoreWidth: true, ignoreWhitespace: true, ignoreNumbering: false };

export interface DiffSide {
  text: string;
  /** Length of the numbering prefix of `text`. */
  labelLength: number;
}

/**
 * jsdiff's bound on the edit script (Myers' D): past it the diff stops and the
 * two texts are shown whole, side by side. Two clauses that far apart are a
 * rewrite, and the bound keeps a huge unit from costing O(N·D) unbounded. No
 * time-out on purpose: the same texts must give the same rows in the CLI and
 * in the app, whatever the machine's load.
 */
export const MAX_EDIT_LENGTH = 2000;

export interface UnitDiff {
  ops: DiffOp[];
  /** The edit exceeded MAX_EDIT_LENGTH: ops are all of A removed and all of B inserted. */
  exceeded?: true;
  /** 2 · equal key characters / (key length A + key length B); 1 for two empty keys. */
  similarity: number;
  /** Key characters equal in both, and the key lengths, for document-level figures. */
  equalChars: number;
  keyLengthA: number;
  keyLengthB: number;
}

const WS = /\s/;

/** The compared string and, for each of its characters, its offset in the display text. */
export function comparisonKey(side: DiffSide, o: DiffOptions): { key: string; map: number[] } {
  let key = '';
  const map: number[] = [];
  const t = side.text;
  for (let i = o.ignoreNumbering ? side.labelLength : 0; i < t.length; i++) {
    const ch = o.ignoreWidth ? foldChar(t[i]) : t[i];
    if (o.ignoreWhitespace && WS.test(ch)) continue;
    key += ch;
    map.push(i);
  }
  return { key, map };
}

export function reconstructA(ops: DiffOp[]): string {
  return ops.map((op) => (op[0] === '+' ? '' : op[1])).join('');
}

export function reconstructB(ops: DiffOp[]): string {
  return ops.map((op) => (op[0] === '-' ? '' : op[0] === '=' && op.length === 3 ? op[2] : op[1])).join('');
}

function pushOp(ops: DiffOp[], op: DiffOp): void {
  if (op[1] === '' && (op.length === 2 || op[2] === '')) return;
  const last = ops[ops.length - 1];
  if (last && last[0] === op[0] && last.length === op.length) {
    last[1] += op[1];
    if (last.length === 3 && op.length === 3) last[2] += op[2];
    return;
  }
  ops.push(op.slice() as DiffOp);
}

export function diffUnits(a: DiffSide, b: DiffSide, options: DiffOptions = DEFAULT_DIFF_OPTIONS): UnitDiff {
  const ka = comparisonKey(a, options);
  const kb = comparisonKey(b, options);
  const A = a.text;
  const B = b.text;
  const ops: DiffOp[] = [];
  let i = 0;
  let j = 0;
  let da = 0;
  let db = 0;
  let equalChars = 0;
  // Display text the keys skipped (spaces, numbering) is "equal under the options".
  const flushIgnored = (ta: number, tb: number) => {
    const sa = A.slice(da, ta);
    const sb = B.slice(db, tb);
    da = ta;
    db = tb;
    if (sa === sb) pushOp(ops, ['=', sa]);
    else pushOp(ops, ['=', sa, sb]);
  };
  const parts = diffChars(ka.key, kb.key, { maxEditLength: MAX_EDIT_LENGTH });
  if (!parts) {
    const whole: DiffOp[] = [];
    pushOp(whole, ['-', A]);
    pushOp(whole, ['+', B]);
    return { ops: whole, exceeded: true, similarity: 0, equalChars: 0, keyLengthA: ka.key.length, keyLengthB: kb.key.length };
  }
  for (const part of parts) {
    const n = part.value.length;
    if (part.removed) {
      const end = ka.map[i + n - 1] + 1;
      pushOp(ops, ['-', A.slice(da, end)]);
      da = end;
      i += n;
    } else if (part.added) {
      const end = kb.map[j + n - 1] + 1;
      pushOp(ops, ['+', B.slice(db, end)]);
      db = end;
      j += n;
    } else {
      for (let k = 0; k < n; k++) {
        const pa = ka.map[i + k];
        const pb = kb.map[j + k];
        flushIgnored(pa, pb);
        const ca = A[pa];
        const cb = B[pb];
        da = pa + 1;
        db = pb + 1;
        pushOp(ops, ca === cb ? ['=', ca] : ['=', ca, cb]);
      }
      equalChars += n;
      i += n;
      j += n;
    }
  }
  flushIgnored(A.length, B.length);
  const total = ka.key.length + kb.key.length;
  return { ops, similarity: total ? (2 * equalChars) / total : 1, equalChars, keyLengthA: ka.key.length, keyLengthB: kb.key.length };
}

/**
 * Share of the two texts (2 · shared / both lengths, display characters) that
 * is shared in runs of at least `minRun` characters: what reads as common
 * wording. Single shared characters between edits (the 办, 务, 提 of a
 * rewritten sentence) do not count.
 */
export function sharedInRuns(ops: DiffOp[], minRun: number): number {
  let run = 0;
  let shared = 0;
  let lengthA = 0;
  let lengthB = 0;
  for (const op of ops) {
    if (op[0] === '=') {
      run += op[1].length;
      lengthA += op[1].length;
      lengthB += (op.length === 3 ? op[2] : op[1]).length;
      continue;
    }
    if (run >= minRun) shared += run;
    run = 0;
    if (op[0] === '-') lengthA += op[1].length;
    else lengthB += op[1].length;
  }
  if (run >= minRun) shared += run;
  const total = lengthA + lengthB;
  return total ? (2 * shared) / total : 1;
}

/** True when the ops show no difference under the options (only `=` operations). */
export function isUnchanged(ops: DiffOp[]): boolean {
  return ops.every((op) => op[0] === '=');
}
