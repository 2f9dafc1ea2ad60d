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

export interface UnitDiff {
  ops: DiffOp[];
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
  for (const part of diffChars(ka.key, kb.key)) {
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

/** True when the ops show no difference under the options (only `=` operations). */
export function isUnchanged(ops: DiffOp[]): boolean {
  return ops.every((op) => op[0] === '=');
}
