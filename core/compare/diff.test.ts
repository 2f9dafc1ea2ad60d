import { describe, expect, it } from 'vitest';
import { diffUnits, isUnchanged, reconstructA, reconstructB, sharedInRuns, type DiffOptions } from './diff.js';

const ALL: DiffOptions[] = [
  { ignoreWidth: true, ignoreWhitespace: true, ignoreNumbering: false },
  { ignoreWidth: true, ignoreWhitespace: true, ignoreNumbering: true },
  { ignoreWidth: false, ignoreWhitespace: false, ignoreNumbering: false },
  { ignoreWidth: false, ignoreWhitespace: true, ignoreNumbering: true },
];

describe('character diff of two units', () => {
  it('punctuation width and spaces are equal by default, but the ops keep both printed forms', () => {
    const a = { text: '（三）加强协同，推动（LPR）改革 2023 年', labelLength: 3 };
    const b = { text: '（三）加强协同,推动(ＬＰＲ)改革2023年', labelLength: 3 };
    const d = diffUnits(a, b);
    expect(d.ops.every((o) => o[0] === '=')).toBe(true);
    expect(d.similarity).toBe(1);
    expect(d.ops).toContainEqual(['=', '，', ',']);
    expect(reconstructA(d.ops)).toBe(a.text);
    expect(reconstructB(d.ops)).toBe(b.text);
    const strict = diffUnits(a, b, { ignoreWidth: false, ignoreWhitespace: false, ignoreNumbering: false });
    expect(strict.ops).toContainEqual(['-', '，']);
    expect(strict.ops).toContainEqual(['+', ',']);
    expect(strict.similarity).toBeLessThan(1);
  });

  it('reproduces both texts exactly under every option set (random edits of real-looking clauses)', () => {
    const alphabet = '市人民政府应当加强营商环境，。、（）()“”,.0123456789 　ＡＢab第十条';
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const word = (n: number) => Array.from({ length: n }, () => alphabet[rnd(alphabet.length)]).join('');
    for (let k = 0; k < 300; k++) {
      const a = word(1 + rnd(60));
      let b = a;
      for (let e = rnd(6); e > 0; e--) {
        const at = rnd(b.length + 1);
        b = b.slice(0, at) + (rnd(2) ? word(rnd(5)) : '') + b.slice(at + rnd(4));
      }
      for (const o of ALL) {
        const A = { text: a, labelLength: rnd(Math.min(4, a.length + 1)) };
        const B = { text: b, labelLength: rnd(Math.min(4, b.length + 1)) };
        const d = diffUnits(A, B, o);
        expect(reconstructA(d.ops)).toBe(a);
        expect(reconstructB(d.ops)).toBe(b);
      }
    }
  });
});

describe('what the diff of two clauses shows', () => {
  it('an inserted word is one + between two runs of =, and the figures count key characters', () => {
    const d = diffUnits({ text: '加强协同', labelLength: 0 }, { text: '加强部门协同', labelLength: 0 });
    expect(d.ops).toEqual([['=', '加强'], ['+', '部门'], ['=', '协同']]);
    expect(d.equalChars).toBe(4);
    expect(d.keyLengthA).toBe(4);
    expect(d.keyLengthB).toBe(6);
    expect(d.similarity).toBe(0.8); // 2 · 4 / (4 + 6)
    expect(d.exceeded).toBeUndefined();
  });

  it('a replaced word is − then +, and halves the similarity of a four-character line', () => {
    const d = diffUnits({ text: '加强协同', labelLength: 0 }, { text: '加强合作', labelLength: 0 });
    expect(d.ops).toEqual([['=', '加强'], ['-', '协同'], ['+', '合作']]);
    expect(d.similarity).toBe(0.5);
    expect(d.equalChars).toBe(2);
  });

  it('two empty units are alike, with no operations', () => {
    const d = diffUnits({ text: '', labelLength: 0 }, { text: '', labelLength: 0 });
    expect(d).toEqual({ ops: [], similarity: 1, equalChars: 0, keyLengthA: 0, keyLengthB: 0 });
  });

  it('with ignoreNumbering the markers are one "equal" pair of printed forms, and not counted', () => {
    const a = { text: '第三条 市人民政府负责组织实施。', labelLength: 4 };
    const b = { text: '第四条 市人民政府负责组织实施。', labelLength: 4 };
    const d = diffUnits(a, b, { ignoreWidth: true, ignoreWhitespace: true, ignoreNumbering: true });
    expect(d.ops).toEqual([['=', '第三条 ', '第四条 '], ['=', '市人民政府负责组织实施。']]);
    expect(d.keyLengthA).toBe(12);
    expect(d.similarity).toBe(1);
    // compared, the numbers differ
    const marked = diffUnits(a, b);
    expect(marked.ops).toEqual([['=', '第'], ['-', '三'], ['+', '四'], ['=', '条 市人民政府负责组织实施。']]);
    expect(marked.keyLengthA).toBe(15); // the space is not compared
  });

  it('the same text, spaces and all, is one equal run', () => {
    expect(diffUnits({ text: '依法 行政', labelLength: 0 }, { text: '依法 行政', labelLength: 0 }).ops).toEqual([['=', '依法 行政']]);
    const a = { text: '第三条 市人民政府负责组织实施。', labelLength: 4 };
    expect(diffUnits(a, a, { ignoreWidth: true, ignoreWhitespace: true, ignoreNumbering: true }).ops).toEqual([['=', a.text]]);
  });

  it('spaces are skipped unless white space is compared', () => {
    const a = { text: '依法 行政', labelLength: 0 };
    const b = { text: '依法行政', labelLength: 0 };
    expect(diffUnits(a, b).ops).toEqual([['=', '依法'], ['=', ' ', ''], ['=', '行政']]);
    expect(diffUnits(a, b, { ignoreWidth: true, ignoreWhitespace: false, ignoreNumbering: false }).ops).toEqual([['=', '依法'], ['-', ' '], ['=', '行政']]);
  });

  it('past the bound, the figures still give both key lengths', () => {
    const many = (c: string, n: number) => c.repeat(n);
    // 2,001 characters removed and 2,001 inserted: more edits than MAX_EDIT_LENGTH.
    const d = diffUnits({ text: many('甲', 2001), labelLength: 0 }, { text: many('乙', 2001), labelLength: 0 });
    expect(d).toMatchObject({ exceeded: true, similarity: 0, equalChars: 0, keyLengthA: 2001, keyLengthB: 2001 });
  });
});

describe('shared wording in runs', () => {
  it('counts only runs of at least minRun equal characters, over both texts', () => {
    // 优化营商 (4) is shared wording, 工作 (2) is not: 2 · 4 / (8 + 8).
    expect(sharedInRuns([['=', '优化营商'], ['-', '环境'], ['+', '服务'], ['=', '工作']], 4)).toBe(0.5);
    // a run at the end counts too: 2 · (4 + 4) / (10 + 10)
    expect(sharedInRuns([['=', '优化营商'], ['-', '环境'], ['+', '服务'], ['=', '工作机制']], 4)).toBe(0.8);
    expect(sharedInRuns([['=', '优化营商'], ['-', '环境'], ['+', '服务'], ['=', '工作机制']], 5)).toBe(0);
  });

  it('an "equal" pair of printed forms counts each side at its own length', () => {
    // A: 第三条 (4) + 加强监管 (4) = 8; B: 第3条 (3) + 加强监管 (4) = 7; one run of 8 on A's side.
    expect(sharedInRuns([['=', '第三条 ', '第3条'], ['=', '加强监管']], 4)).toBe((2 * 8) / 15);
  });

  it('nothing compared is all shared; all removed and inserted is nothing shared', () => {
    expect(sharedInRuns([], 4)).toBe(1);
    expect(sharedInRuns([['-', '优化营商环境'], ['+', '深化改革开放']], 4)).toBe(0);
  });

  it('isUnchanged: only equal operations', () => {
    expect(isUnchanged([['=', '依法'], ['=', ' ', '']])).toBe(true);
    expect(isUnchanged([['=', '依法'], ['+', '行政']])).toBe(false);
  });
});
