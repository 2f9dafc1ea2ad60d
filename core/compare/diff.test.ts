import { describe, expect, it } from 'vitest';
import { diffUnits, reconstructA, reconstructB, type DiffOptions } from './diff.js';

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
