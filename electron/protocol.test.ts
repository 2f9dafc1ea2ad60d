import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_CSP,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  mimeTypeFor,
  registerAppScheme,
  resolveAppUrl,
  safeFilePath,
  type ServeFs,
  type ServeRoots,
} from './protocol';

const nodeFs: ServeFs = {
  realpath: (p) => fs.promises.realpath(p),
  stat: (p) => fs.promises.stat(p),
  readFile: (p) => fs.promises.readFile(p),
};

let tmp: string;
let roots: ServeRoots;
let outside: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-protocol-'));
  roots = { rendererRoot: path.join(tmp, 'renderer'), corpusRoot: path.join(tmp, 'corpus') };
  outside = path.join(tmp, 'secret.txt');
  fs.mkdirSync(path.join(roots.rendererRoot, 'assets'), { recursive: true });
  fs.mkdirSync(path.join(roots.corpusRoot, 'docs'), { recursive: true });
  fs.mkdirSync(path.join(roots.corpusRoot, 'raw'), { recursive: true });
  fs.writeFileSync(path.join(roots.rendererRoot, 'index.html'), '<!doctype html><title>政策阅读器</title>');
  fs.writeFileSync(path.join(roots.rendererRoot, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(roots.rendererRoot, '.env'), 'SECRET=1');
  fs.writeFileSync(path.join(roots.corpusRoot, 'library.json'), '[]');
  fs.writeFileSync(path.join(roots.corpusRoot, 'docs', 'doc-1.json'), '{"id":"doc-1","title":"通知"}');
  fs.writeFileSync(path.join(roots.corpusRoot, 'raw', 'a.txt'), 'raw');
  fs.writeFileSync(outside, 'top secret');
  fs.symlinkSync(outside, path.join(roots.corpusRoot, 'docs', 'link-out.json'));
  fs.symlinkSync(tmp, path.join(roots.rendererRoot, 'dir-out'));
  fs.symlinkSync(path.join(roots.corpusRoot, 'library.json'), path.join(roots.corpusRoot, 'docs', 'link-in.json'));
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const handler = () => createAppProtocolHandler(roots, nodeFs);
const get = (url: string, method = 'GET') => handler()(new Request(url, { method }));

describe('resolveAppUrl', () => {
  it('maps the root to index.html and corpus/ to the corpus root', () => {
    expect(resolveAppUrl('app://reader/', roots)).toMatchObject({ kind: 'file', root: roots.rendererRoot, relative: 'index.html' });
    expect(resolveAppUrl('app://reader/corpus/docs/doc-1.json', roots)).toMatchObject({
      kind: 'file',
      root: roots.corpusRoot,
      relative: 'docs/doc-1.json',
      spaFallback: false,
    });
  });

  it.each([
    'app://reader/corpus/..%2f..%2fsecret.txt',
    'app://reader/corpus/%2e%2e%2fsecret.txt',
    'app://reader/assets/..%5c..%5csecret.txt',
    'app://reader/%2Fetc%2Fpasswd',
    'app://reader/C:%5CWindows%5Cwin.ini',
    'app://reader/assets/app.js%00.png',
    'app://reader/.env',
    'app://reader/corpus/raw/a.txt',
    'app://reader/corpus/%72aw/a.txt',
    'app://reader/corpus//raw/a.txt',
    'app://reader/corpus/%2Fraw/a.txt',
    'app://reader/corpus/raw%2Fa.txt',
    'app://reader/corpus/RAW/a.json',
    'app://reader/corpus/docs/notes.txt',
    'app://other/index.html',
    'app://user:pw@reader/index.html',
  ])('refuses %s', (url) => {
    const r = resolveAppUrl(url, roots);
    expect(r.kind).toBe('error');
  });

  it('rejects malformed percent-encoding with 400', () => {
    expect(resolveAppUrl('app://reader/%E4%B8', roots)).toMatchObject({ kind: 'error', status: 400 });
  });

  it('decodes Chinese file names', () => {
    expect(resolveAppUrl('app://reader/corpus/docs/%E9%80%9A%E7%9F%A5.json', roots)).toMatchObject({ relative: 'docs/通知.json' });
  });
});

describe('safeFilePath', () => {
  it('returns real files inside the root', async () => {
    expect(await safeFilePath(roots.corpusRoot, 'docs/doc-1.json', nodeFs)).toBe(
      fs.realpathSync(path.join(roots.corpusRoot, 'docs', 'doc-1.json')),
    );
  });
  it('refuses symlinks that leave the root, allows ones that stay inside', async () => {
    expect(await safeFilePath(roots.corpusRoot, 'docs/link-out.json', nodeFs)).toBeNull();
    expect(await safeFilePath(roots.rendererRoot, 'dir-out/secret.txt', nodeFs)).toBeNull();
    expect(await safeFilePath(roots.corpusRoot, 'docs/link-in.json', nodeFs)).not.toBeNull();
  });
  it('refuses lexical escapes, directories and missing files', async () => {
    expect(await safeFilePath(roots.corpusRoot, '../secret.txt', nodeFs)).toBeNull();
    expect(await safeFilePath(roots.corpusRoot, outside, nodeFs)).toBeNull();
    expect(await safeFilePath(roots.corpusRoot, 'docs', nodeFs)).toBeNull();
    expect(await safeFilePath(roots.corpusRoot, 'nope.json', nodeFs)).toBeNull();
  });
});

describe('app:// handler', () => {
  it('serves index.html with MIME type and CSP', async () => {
    const res = await get('app://reader/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('政策阅读器');
  });

  it('serves corpus JSON and assets', async () => {
    const doc = await get('app://reader/corpus/docs/doc-1.json');
    expect(doc.status).toBe(200);
    expect(doc.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await doc.json()).toEqual({ id: 'doc-1', title: '通知' });
    const js = await get('app://reader/assets/app.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('falls back to index.html for client routes, but not for missing files or corpus', async () => {
    expect(await (await get('app://reader/doc/abc')).text()).toContain('政策阅读器');
    expect((await get('app://reader/assets/missing.js')).status).toBe(404);
    expect((await get('app://reader/corpus/docs/missing.json')).status).toBe(404);
  });

  it('refuses traversal, symlinks out, raw and hidden files', async () => {
    for (const url of [
      'app://reader/corpus/..%2f..%2fsecret.txt',
      'app://reader/corpus/docs/link-out.json',
      'app://reader/dir-out/secret.txt',
      'app://reader/corpus/raw/a.txt',
      'app://reader/.env',
    ]) {
      const res = await get(url);
      expect(res.status, url).toBeGreaterThanOrEqual(400);
      expect(await res.text(), url).not.toContain('secret');
    }
  });

  it('normalised dot segments stay inside the roots', async () => {
    // The URL parser removes ../ before we see it: app://reader/corpus/../../secret.txt → /secret.txt
    const res = await get('app://reader/corpus/../../secret.txt');
    expect(await res.text()).not.toContain('top secret');
  });

  it('serves only JSON from the corpus', async () => {
    fs.writeFileSync(path.join(roots.corpusRoot, 'notes.txt'), 'secret notes');
    const res = await get('app://reader/corpus/notes.txt');
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('secret notes');
  });

  it('an unreadable file gets an error status, not a crash', async () => {
    const failing: ServeFs = { ...nodeFs, readFile: async () => Promise.reject(Object.assign(new Error('EIO: i/o error'), { code: 'EIO' })) };
    const res = await createAppProtocolHandler(roots, failing)(new Request('app://reader/corpus/library.json'));
    expect(res.status).toBe(500);
    expect(res.headers.get('content-security-policy')).toBe(APP_CSP);
  });

  it('supports HEAD and refuses other methods', async () => {
    const head = await get('app://reader/corpus/library.json', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('2');
    expect((await get('app://reader/corpus/library.json', 'POST')).status).toBe(405);
  });
});

describe('scheme registration', () => {
  it('registers app:// as standard, secure and fetch-capable', () => {
    const calls: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (s) => calls.push(s) });
    expect(calls).toEqual([[{ scheme: 'app', privileges: APP_SCHEME_PRIVILEGES }]]);
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
  });
  it('CSP allows no remote origins, no inline script, no blob:', () => {
    expect(APP_CSP).not.toMatch(/https?:|\*|'unsafe-eval'|blob:/);
    expect(APP_CSP).toMatch(/script-src 'self'(;|$)/);
    expect(APP_CSP).toContain("object-src 'none'");
  });
  it('index.html carries the same CSP as a <meta> (all but frame-ancestors, which a meta cannot set)', () => {
    const html = fs.readFileSync(path.join(__dirname, '..', 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
    expect(meta).toBe(APP_CSP.replace("; frame-ancestors 'none'", ''));
  });
  it('mimeTypeFor', () => {
    expect(mimeTypeFor('a/b.WOFF2')).toBe('font/woff2');
    expect(mimeTypeFor('a/b.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('a/b.unknown')).toBe('application/octet-stream');
  });
});
