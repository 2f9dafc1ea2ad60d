import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findElectronBinary, MISSING_BINARY_MESSAGE } from './start';

const made: string[] = [];
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-start-'));
  made.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

describe('findElectronBinary', () => {
  it('reports a missing electron package', () => {
    const dir = project({});
    expect(findElectronBinary(dir, { env: {} })).toMatchObject({ found: false, expected: null });
  });
  it('reports a skipped download (no path.txt), as on this machine', () => {
    const dir = project({ 'node_modules/electron/package.json': '{}' });
    const r = findElectronBinary(dir, { env: {} });
    expect(r).toMatchObject({ found: false, expected: null });
    expect((r as { reason: string }).reason).toMatch(/path\.txt/);
  });
  it('reports path.txt pointing at a missing dist/', () => {
    const dir = project({ 'node_modules/electron/package.json': '{}', 'node_modules/electron/path.txt': 'electron' });
    expect(findElectronBinary(dir, { env: {} })).toMatchObject({ found: false, expected: path.join(dir, 'node_modules/electron/dist/electron') });
  });
  it('finds an installed binary', () => {
    const dir = project({
      'node_modules/electron/package.json': '{}',
      'node_modules/electron/path.txt': 'electron',
      'node_modules/electron/dist/electron': '#!/bin/sh\n',
    });
    expect(findElectronBinary(dir, { env: {} })).toEqual({ found: true, path: path.join(dir, 'node_modules/electron/dist/electron') });
  });
  it('honours ELECTRON_OVERRIDE_DIST_PATH like electron/index.js', () => {
    const dir = project({ 'node_modules/electron/package.json': '{}', 'custom/electron': 'x' });
    expect(findElectronBinary(dir, { env: { ELECTRON_OVERRIDE_DIST_PATH: path.join(dir, 'custom') } })).toEqual({
      found: true,
      path: path.join(dir, 'custom', 'electron'),
    });
  });
  it('the fallback message is one Chinese and one English sentence', () => {
    const lines = MISSING_BINARY_MESSAGE.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/Electron.*浏览器预览/);
    expect(lines[1]).toMatch(/browser preview/);
  });
  it('matches the real state of this checkout', () => {
    const r = findElectronBinary(path.resolve(__dirname, '..'));
    const expected = fs.existsSync(path.resolve(__dirname, '../node_modules/electron/path.txt'));
    if (!expected) expect(r.found).toBe(false);
  });
});
