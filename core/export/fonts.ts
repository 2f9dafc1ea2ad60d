/**
 * Which slices of the bundled Noto Sans SC (OFL-1.1, @fontsource/noto-sans-sc)
 * an export needs. The font ships as ~100 woff2 files, each covering a
 * unicode-range; an export embeds only the slices its text touches, as data:
 * URLs, so the self-contained HTML shows every character on a machine without
 * CJK fonts and stays small.
 */

export interface FontSlice {
  /** File name inside @fontsource/noto-sans-sc/files/, e.g. noto-sans-sc-57-400-normal.woff2. */
  file: string;
  /** The CSS unicode-range, as written by fontsource. */
  unicodeRange: string;
  ranges: [number, number][];
}

/** A family name no system has, so the embedded font is the one used. */
export const EXPORT_FONT_FAMILY = 'PolicyReader Noto Sans SC';

function parseRange(r: string): [number, number] | null {
  const m = /^U\+([0-9a-f?]+)(?:-([0-9a-f]+))?$/i.exec(r.trim());
  if (!m) return null;
  if (m[1].includes('?')) return [parseInt(m[1].replace(/\?/g, '0'), 16), parseInt(m[1].replace(/\?/g, 'f'), 16)];
  const lo = parseInt(m[1], 16);
  return [lo, m[2] ? parseInt(m[2], 16) : lo];
}

/** Reads fontsource's 400.css: one slice per @font-face with a woff2 source. */
export function parseFontSlices(css: string): FontSlice[] {
  const out: FontSlice[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!file || !range) continue;
    const ranges = range.split(',').map(parseRange).filter((r): r is [number, number] => r !== null);
    out.push({ file, unicodeRange: range.trim(), ranges });
  }
  return out;
}

/** The slices that cover at least one character of `text` (whitespace and controls aside). */
export function slicesFor(text: string, slices: readonly FontSlice[]): FontSlice[] {
  const codes = new Set<number>();
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c > 0x20) codes.add(c);
  }
  const sorted = [...codes].sort((a, b) => a - b);
  // Is there a code in [lo, hi]? The first code >= lo, by binary search.
  const hit = (lo: number, hi: number) => {
    let a = 0;
    let b = sorted.length;
    while (a < b) {
      const m = (a + b) >> 1;
      if (sorted[m] < lo) a = m + 1;
      else b = m;
    }
    return a < sorted.length && sorted[a] <= hi;
  };
  return slices.filter((s) => s.ranges.some(([lo, hi]) => hit(lo, hi)));
}

/** One @font-face per slice; `dataUrl(slice)` gives its woff2 as a data: URL. */
export function fontFaceCss(slices: readonly FontSlice[], dataUrl: (s: FontSlice) => string, weight = 400): string {
  return slices
    .map(
      (s) =>
        `@font-face{font-family:'${EXPORT_FONT_FAMILY}';font-style:normal;font-weight:${weight};src:url(${dataUrl(s)}) format('woff2');unicode-range:${s.unicodeRange};}`,
    )
    .join('\n');
}

/** Base64 of bytes without Node's Buffer or the DOM's btoa (core runs in both). */
export function base64(bytes: Uint8Array): string {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += A[n >> 18] + A[(n >> 12) & 63] + A[(n >> 6) & 63] + A[n & 63];
  }
  if (i < bytes.length) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8);
    out += A[n >> 18] + A[(n >> 12) & 63] + (i + 1 < bytes.length ? A[(n >> 6) & 63] : '=') + '=';
  }
  return out;
}
