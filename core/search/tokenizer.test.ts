import { describe, expect, it } from 'vitest';
import { normalizeWithMap } from '../text/normalize.js';
import { indexTerms, normalizeAll, normalizeLine, normalizeUnitText, phraseTerms, toDisplayRange } from './tokenizer.js';
import { mulberry32 } from '../util/random.js';

const ALPHABET = ['政', '务', '服', '年', '条', '“', '”', '〔', '〕', 'Ｌ', 'Ｐ', 'Ｒ', 'L', 'p', 'r', '2', '０', '3', ' ', ' ', '\u3000', '\t', '，', ',', '（', '(', '—', '-', '·', 'a', 'Z', '\u00a0', '年'];

describe('tokenizer', () => {
  it('normalizeLine equals normalizeWithMap on random mixed text', () => {
    const rnd = mulberry32(7);
    for (let n = 0; n < 3000; n++) {
      const len = Math.floor(rnd() * 20);
      let s = '';
      for (let i = 0; i < len; i++) s += ALPHABET[Math.floor(rnd() * ALPHABET.length)];
      const a = normalizeLine(s);
      const b = normalizeWithMap(s);
      expect(a.text).toBe(b.text);
      expect(a.map).toEqual(b.map);
    }
  });

  it('normalizeAll gives what normalizeUnitText gives each text: without white space, with it in some, with a line break in some', () => {
    const rnd = mulberry32(11);
    const noSpace = ALPHABET.filter((c) => !/\s/.test(c));
    const text = (letters: string[], len: number) => Array.from({ length: len }, () => letters[Math.floor(rnd() * letters.length)]).join('');
    for (let n = 0; n < 400; n++) {
      const kind = n % 4;
      const texts = Array.from({ length: Math.floor(rnd() * 12) }, () => text(kind === 0 ? noSpace : kind === 1 ? ALPHABET : [...noSpace, '\n'], Math.floor(rnd() * 16)));
      if (kind === 3 && texts.length) texts[Math.floor(rnd() * texts.length)] = '';
      expect(normalizeAll(texts)).toEqual(texts.map(normalizeUnitText));
    }
    // The folded titles, without a map where nothing moved; one spaced title keeps its map.
    expect(normalizeAll(['关于（试行）的通知', 'ＡＢＣ办法'])).toEqual([{ norm: '关于(试行)的通知', map: null }, { norm: 'abc办法', map: null }]);
    const spaced = normalizeAll(['某市 办法', '通知']);
    expect(spaced[0].norm).toBe('某市办法');
    expect(spaced[0].map).not.toBeNull();
    expect(spaced[1]).toEqual({ norm: '通知', map: null });
    expect(normalizeAll(['第一条\n第二条', '第三条'])).toEqual([{ norm: '第一条\n第二条', map: null }, { norm: '第三条', map: null }]);
    expect(normalizeAll([])).toEqual([]);
  });

  it('keeps lines apart and maps offsets back to display text', () => {
    const text = '第一章 总则\n本办法自 2023 年 5 月起施行，ＬＰＲ 加点。';
    const n = normalizeUnitText(text);
    expect(n.norm).toBe('第一章总则\n本办法自2023年5月起施行,lpr加点。');
    const at = n.norm.indexOf('2023年5月');
    const [s, e] = toDisplayRange(n.map, at, at + '2023年5月'.length);
    expect(text.slice(s, e)).toBe('2023 年 5 月');
    const l = n.norm.indexOf('lpr');
    expect(text.slice(...toDisplayRange(n.map, l, l + 3))).toBe('ＬＰＲ');
  });

  it('indexes unigrams and bigrams of every character, never across lines', () => {
    expect(indexTerms('lpr2\n融资').sort()).toEqual(['2', 'l', 'lp', 'p', 'pr', 'r', 'r2', '融', '融资', '资'].sort());
    expect(phraseTerms('融资担保')).toEqual(['融资', '资担', '担保']);
    expect(phraseTerms('融')).toEqual(['融']);
  });

  it('maps every normalised offset of a text with dropped spaces on two lines back to its display offset', () => {
    const text = '第一章 总则\n第一条\u3000为了规范';
    const n = normalizeUnitText(text);
    expect(n.norm).toBe('第一章总则\n第一条为了规范');
    // The '\n' maps to the display '\n' (6); the end to the display length.
    expect(Array.from(n.map!)).toEqual([0, 1, 2, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15]);
    expect(toDisplayRange(n.map, 3, 5)).toEqual([4, 6]);
    expect(toDisplayRange(n.map, 9, 11)).toEqual([11, 13]);
    expect(toDisplayRange(n.map, 5, 5)).toEqual([6, 6]);
    expect(toDisplayRange(null, 2, 5)).toEqual([2, 5]);
    // Nothing to drop: the identity, no map.
    expect(normalizeUnitText('第一条\nＬＰＲ')).toEqual({ norm: '第一条\nlpr', map: null });
  });
});
