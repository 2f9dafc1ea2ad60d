/**
 * The content type the app serves a file with (app:// and the preview server): a module script,
 * a font or WebAssembly with the wrong type is refused by the browser, so the page breaks.
 * The expected types are the registered ones (IANA / the WHATWG MIME sniffing list).
 */
import { describe, expect, it } from 'vitest';
import { mimeType } from './mime.js';

describe('mimeType', () => {
  it('serves the bundle, the corpus and the page as UTF-8 text of their kind', () => {
    expect(mimeType('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeType('assets/index-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeType('pdf.worker.mjs')).toBe('text/javascript; charset=utf-8');
    expect(mimeType('assets/index.css')).toBe('text/css; charset=utf-8');
    expect(mimeType('corpus/docs/p1.json')).toBe('application/json; charset=utf-8');
    expect(mimeType('assets/index.js.map')).toBe('application/json; charset=utf-8');
    expect(mimeType('LICENSE.txt')).toBe('text/plain; charset=utf-8');
    expect(mimeType('manifest.webmanifest')).toBe('application/manifest+json');
  });
  it('serves images, fonts and WebAssembly with their registered types', () => {
    expect(mimeType('icon.svg')).toBe('image/svg+xml');
    expect(mimeType('icon.png')).toBe('image/png');
    expect(mimeType('a.jpg')).toBe('image/jpeg');
    expect(mimeType('a.jpeg')).toBe('image/jpeg');
    expect(mimeType('a.gif')).toBe('image/gif');
    expect(mimeType('a.webp')).toBe('image/webp');
    expect(mimeType('favicon.ico')).toBe('image/x-icon');
    expect(mimeType('NotoSansSC.woff')).toBe('font/woff');
    expect(mimeType('NotoSansSC.woff2')).toBe('font/woff2');
    expect(mimeType('a.ttf')).toBe('font/ttf');
    expect(mimeType('a.otf')).toBe('font/otf');
    expect(mimeType('openjpeg.wasm')).toBe('application/wasm');
  });
  it('reads the extension in any case', () => {
    expect(mimeType('INDEX.HTML')).toBe('text/html; charset=utf-8');
    expect(mimeType('Font.WOFF2')).toBe('font/woff2');
  });
  it('serves anything it does not know, or without an extension, as bytes', () => {
    expect(mimeType('README')).toBe('application/octet-stream');
    expect(mimeType('archive.tar.zst')).toBe('application/octet-stream');
    expect(mimeType('')).toBe('application/octet-stream');
  });
  it('takes the extension from the file name, not from a dotted folder above it', () => {
    expect(mimeType('v1.json/README')).toBe('application/octet-stream');
    expect(mimeType('C:\\app.html\\README')).toBe('application/octet-stream');
  });
});
