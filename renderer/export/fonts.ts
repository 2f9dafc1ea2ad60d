/**
 * The bundled Noto Sans SC slices (OFL-1.1, see README), as Vite assets: each
 * woff2 is a separate file in the build and is fetched only when an export
 * needs it (core/export/fonts.ts picks the slices by the export's text).
 */
/// <reference types="vite/client" />
import regularCss from '@fontsource/noto-sans-sc/400.css?raw';
import boldCss from '@fontsource/noto-sans-sc/700.css?raw';
// Shipped with the build (the OFL requires the licence to travel with the font).
import fontLicenceUrl from '../../docs/licenses/Noto-Sans-SC-OFL-1.1.txt?url';
import { parseFontSlices } from '../../core/export/fonts';
import type { FontSlices, LoadFontSlice } from '../../core/export/html';

const urls = import.meta.glob('../../node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-*-{400,700}-normal.woff2', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const byFile = new Map(Object.entries(urls).map(([k, v]) => [k.slice(k.lastIndexOf('/') + 1), v]));

let slices: FontSlices | null = null;
export function fontSlices(): FontSlices {
  slices ??= { regular: parseFontSlices(regularCss), bold: parseFontSlices(boldCss) };
  return slices;
}

const cache = new Map<string, Promise<Uint8Array>>();
export const loadFontSlice: LoadFontSlice = (file) => {
  let p = cache.get(file);
  if (!p) {
    const url = byFile.get(file);
    // Vite inlines the smallest slices as data: URLs, which the CSP's connect-src does not let fetch() read.
    p = url?.startsWith('data:')
      ? Promise.resolve(Uint8Array.from(atob(url.slice(url.indexOf(',') + 1)), (c) => c.charCodeAt(0)))
      : url
      ? fetch(url).then(async (r) => {
          if (!r.ok) throw new Error(`字体文件 ${file} 无法读取（${r.status}）`);
          return new Uint8Array(await r.arrayBuffer());
        })
      : Promise.reject(new Error(`字体文件 ${file} 不在程序包中`));
    p.catch(() => cache.delete(file));
    cache.set(file, p);
  }
  return p;
};

export const FONT_LICENCE_URL: string = fontLicenceUrl;
