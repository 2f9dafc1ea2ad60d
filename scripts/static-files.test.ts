import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from './preview-server';
import { resolveInside } from './static-files';

describe('resolveInside', () => {
  it('maps paths under the root and refuses escapes', () => {
    expect(resolveInside('/srv/x', '/a/b.json')).toBe('/srv/x/a/b.json');
    for (const bad of ['/../etc/passwd', '/a/../../etc', '/%2e%2e/etc', '/a%2f..%2f..%2fetc', '/a\\..\\b', '/a%00.json', '/%E0%A4%A']) expect(resolveInside('/srv/x', bad), bad).toBeNull();
  });
});

describe('preview server', () => {
  let dir: string;
  let server: PreviewServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'preview-test-'));
    mkdirSync(join(dir, 'dist'));
    mkdirSync(join(dir, 'corpus', 'docs'), { recursive: true });
    mkdirSync(join(dir, 'corpus', 'raw'));
    writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html>app');
    writeFileSync(join(dir, 'corpus', 'library.json'), '[]');
    writeFileSync(join(dir, 'corpus', 'raw', '000.txt'), 'raw');
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    server = await startPreviewServer({ distDir: join(dir, 'dist'), corpusDir: join(dir, 'corpus') });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 and serves the app and the corpus', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const index = await fetch(server.url);
    expect(index.headers.get('content-type')).toContain('text/html');
    expect(await index.text()).toContain('app');
    const lib = await fetch(server.url + 'corpus/library.json');
    expect(lib.headers.get('content-type')).toContain('application/json');
    expect(await lib.json()).toEqual([]);
  });

  it('refuses traversal, raw sources and writes', async () => {
    const { request } = await import('node:http');
    // fetch() normalises ../ away, so send the raw path.
    const raw = (path: string, method = 'GET') =>
      new Promise<number>((ok, fail) => {
        const req = request({ host: '127.0.0.1', port: server.port, path, method }, (res) => {
          res.resume();
          ok(res.statusCode ?? 0);
        });
        req.on('error', fail);
        req.end();
      });
    expect(await raw('/../secret.txt')).toBe(403);
    expect(await raw('/corpus/../secret.txt')).toBe(403);
    expect(await raw('/corpus/%2e%2e/secret.txt')).toBe(403);
    expect(await raw('/corpus/raw/000.txt')).toBe(403);
    expect(await raw('/corpus/docs/missing.json')).toBe(404);
    expect(await raw('/corpus/library.json', 'POST')).toBe(405);
  });
});
