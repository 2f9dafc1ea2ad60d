/**
 * Which slices of the bundled font an export embeds: fontsource's CSS read as it is written
 * (one @font-face per slice, unicode-range lists with single code points, ranges and ? wildcards),
 * and only the slices the page's visible characters need.
 */
import { describe, expect, it } from 'vitest';
import { fontFaceCss, parseFontSlices, slicesFor } from './fonts';

const CSS = `/* noto-sans-sc-[119]-400-normal */
@font-face {
  font-family: 'Noto Sans SC';
  font-style: normal;
  font-weight: 400;
  src: url(./files/noto-sans-sc-119-400-normal.woff2) format('woff2'), url(./files/noto-sans-sc-119-400-normal.woff) format('woff');
  unicode-range: U+4e00-4e3f, U+5341 , U+6761;
}
@font-face {
  font-family: 'Noto Sans SC';
  src: url(./files/noto-sans-sc-latin-400-normal.woff2) format('woff2');
  unicode-range:U+0000-00FF,U+2???;
}
@font-face {
  font-family: 'Noto Sans SC';
  src: url(./files/no-range.woff2) format('woff2');
}
@font-face {
  font-family: 'Noto Sans SC';
  src: url(./files/no-woff2.woff) format('woff');
  unicode-range: U+3000-303f;
}`;

describe('parseFontSlices', () => {
  it('reads each woff2 slice with its ranges, wildcards included, and skips blocks without a range or a woff2', () => {
    expect(parseFontSlices(CSS)).toEqual([
      { file: 'noto-sans-sc-119-400-normal.woff2', unicodeRange: 'U+4e00-4e3f, U+5341 , U+6761', ranges: [[0x4e00, 0x4e3f], [0x5341, 0x5341], [0x6761, 0x6761]] },
      { file: 'noto-sans-sc-latin-400-normal.woff2', unicodeRange: 'U+0000-00FF,U+2???', ranges: [[0x0000, 0x00ff], [0x2000, 0x2fff]] },
    ]);
  });
  it('ignores a range it cannot read instead of guessing', () => {
    const css = '@font-face { src: url(./files/x.woff2); unicode-range: U+4e00-4e3f, bogus, U+zz, xU+5341; }';
    expect(parseFontSlices(css)[0].ranges).toEqual([[0x4e00, 0x4e3f]]);
  });
});

describe('slicesFor', () => {
  const slices = parseFontSlices(CSS);
  it('picks a slice for any visible character it covers, by single code point or range', () => {
    expect(slicesFor('第十条', slices).map((s) => s.file)).toEqual(['noto-sans-sc-119-400-normal.woff2']);
    expect(slicesFor('一', slices).map((s) => s.file)).toEqual(['noto-sans-sc-119-400-normal.woff2']);
    expect(slicesFor('A—', slices).map((s) => s.file)).toEqual(['noto-sans-sc-latin-400-normal.woff2']);
  });
  it('needs no slice for spaces, line breaks and control characters alone', () => {
    expect(slicesFor(' \n\t\r\u0001 ', slices)).toEqual([]);
  });
  it('writes one @font-face per slice, under the export family, with its range', () => {
    const css = fontFaceCss(slices, (s) => `data:${s.file}`, 700);
    expect(css.split('\n')).toEqual([
      "@font-face{font-family:'PolicyReader Noto Sans SC';font-style:normal;font-weight:700;src:url(data:noto-sans-sc-119-400-normal.woff2) format('woff2');unicode-range:U+4e00-4e3f, U+5341 , U+6761;}",
      "@font-face{font-family:'PolicyReader Noto Sans SC';font-style:normal;font-weight:700;src:url(data:noto-sans-sc-latin-400-normal.woff2) format('woff2');unicode-range:U+0000-00FF,U+2???;}",
    ]);
  });
});
