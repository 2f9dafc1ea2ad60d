/**
 * Query language:
 *   融资 担保          words separated by spaces must all match (AND)
 *   -词               excludes units (and documents by title) containing 词
 *   "…" / “…”         a phrase, spaces inside kept where meaningful
 *   A OR B, A | B     either (binds tighter than AND); A|B and A｜B without spaces too
 * Each word is normalised with core/text/normalize (width, case, stray
 * spaces next to CJK), so `2023 年`, `2023年`, ＬＰＲ and lpr are the same.
 * A space between a number and a following counter (年, 月, 条 …) or after
 * 第 is treated as stray extraction spacing, not as AND.
 */
import { fold, normalize } from '../text/normalize.js';

export interface ParsedQuery {
  /** AND of clauses; each clause is an OR of normalised phrases. */
  must: string[][];
  /** Normalised phrases that exclude. */
  not: string[];
}

const COUNTERS = '年月日号条款项章节个万亿元岁次期批届倍';

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

export function parseQuery(input: string): ParsedQuery {
  const q = fold(input);
  // Raw tokens: {text, quoted, negated}
  const tokens: { text: string; quoted: boolean; neg: boolean }[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    // '|' (｜ folds to it) is an operator even without spaces around it: A|B.
    if (c === '|') {
      tokens.push({ text: '|', quoted: false, neg: false });
      i++;
      continue;
    }
    let neg = false;
    let j = i;
    if (c === '-' && j + 1 < q.length && !/\s/.test(q[j + 1])) {
      neg = true;
      j++;
    }
    if (q[j] === '"') {
      const close = q.indexOf('"', j + 1);
      const end = close < 0 ? q.length : close;
      tokens.push({ text: q.slice(j + 1, end), quoted: true, neg });
      i = close < 0 ? q.length : close + 1;
      continue;
    }
    // Unquoted word: up to white space that is not stray digit spacing.
    let k = j;
    let word = '';
    while (k < q.length) {
      const ch = q[k];
      if (/\s/.test(ch)) {
        let m = k;
        while (m < q.length && /\s/.test(q[m])) m++;
        const before = q[k - 1];
        const after = q[m];
        const stray =
          (isDigit(before) && after !== undefined && COUNTERS.includes(after)) || (before === '第' && isDigit(after));
        if (stray) {
          k = m;
          continue;
        }
        break;
      }
      if (ch === '"' || ch === '|') break;
      word += ch;
      k++;
    }
    tokens.push({ text: word, quoted: false, neg });
    i = k;
  }

  const must: string[][] = [];
  const not: string[] = [];
  let joinNext = false;
  for (const t of tokens) {
    if (!t.quoted && !t.neg && (t.text === 'OR' || t.text === 'or' || t.text === '|')) {
      if (must.length) joinNext = true;
      continue;
    }
    const phrase = normalize(t.text);
    if (!phrase) continue;
    if (t.neg) {
      not.push(phrase);
      joinNext = false;
      continue;
    }
    if (joinNext && must.length) must[must.length - 1].push(phrase);
    else must.push([phrase]);
    joinNext = false;
  }
  return { must, not };
}

/** All positive phrases of a query (for highlighting). */
export function positivePhrases(q: ParsedQuery): string[] {
  const out = new Set<string>();
  for (const clause of q.must) for (const p of clause) out.add(p);
  return [...out];
}
