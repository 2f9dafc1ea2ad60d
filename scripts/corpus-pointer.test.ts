/**
 * The readers of a corpus folder follow its `current` pointer (written last
 * by policy-reader build): the preview server (and through it the dev
 * plugin) and the app:// handler serve the version `current` names, pick up
 * a switch without a restart, and still serve a flat corpus without the
 * pointer (the packaged copy, the e2e fixture).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, type ServeFs } from '../electron/protocol';
import { startPreviewServer, type PreviewServer } from './preview-server';

const nodeFs: ServeFs = { realpath: (p) => fs.promises.realpath(p), stat: (p) => fs.promises.stat(p), readFile: (p) => fs.promises.readFile(p) };

let dir: string;
let server: PreviewServer;
const write = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
};
const point = (version: string) => {
  fs.symlinkSync(path.join('versions', version), path.join(dir, 'current.tmp'));
  fs.renameSync(path.join(dir, 'current.tmp'), path.join(dir, 'current'));
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-pointer-'));
  write('versions/a/library.json', '["a"]');
  write('versions/a/docs/p1.json', '{"v":"a"}');
  write('versions/b/library.json', '["b"]');
  write('versions/b/docs/p1.json', '{"v":"b"}');
  write('raw/x.json', '{}');
  // A stale flat file at the top: the pointer wins over it.
  write('library.json', '["stale"]');
  point('a');
  server = await startPreviewServer({ corpusDir: dir, distDir: path.join(dir, 'no-dist') });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const viaPreview = async (p: string) => {
  const r = await fetch(`${server.url}corpus/${p}`);
  return { status: r.status, body: await r.text() };
};
const viaApp = async (p: string) => {
  const r = await createAppProtocolHandler({ rendererRoot: path.join(dir, 'no-dist'), corpusRoot: dir }, nodeFs)(new Request(`app://reader/corpus/${p}`));
  return { status: r.status, body: await r.text() };
};

describe.each([
  ['preview server', viaPreview],
  ['app:// handler', viaApp],
])('%s', (_name, get) => {
  it('serves the version current points to, and the next one after a switch', async () => {
    point('a');
    expect(await get('library.json')).toEqual({ status: 200, body: '["a"]' });
    expect((await get('docs/p1.json')).body).toBe('{"v":"a"}');
    point('b');
    expect(await get('library.json')).toEqual({ status: 200, body: '["b"]' });
    expect((await get('docs/p1.json')).body).toBe('{"v":"b"}');
  });

  it('still refuses raw/ and serves a flat corpus that has no pointer', async () => {
    expect((await get('raw/x.json')).status).toBe(403);
    fs.rmSync(path.join(dir, 'current'));
    try {
      expect(await get('library.json')).toEqual({ status: 200, body: '["stale"]' });
    } finally {
      point('a');
    }
  });
});
