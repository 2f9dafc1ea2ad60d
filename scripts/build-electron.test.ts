import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildElectron } from './build-electron';

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-build-electron-'));
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

describe('build-electron', () => {
  it('bundles main and preload to CommonJS with electron external', async () => {
    await buildElectron(out, true);
    const main = fs.readFileSync(path.join(out, 'main.cjs'), 'utf8');
    const preload = fs.readFileSync(path.join(out, 'preload.cjs'), 'utf8');
    // The sandboxed preload may only require('electron').
    const preloadRequires = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(preloadRequires)).toEqual(new Set(['electron']));
    expect(preload).toContain('exposeInMainWorld');
    expect(preload).toContain('"policyReader"');
    expect(preload).not.toMatch(/\bexport\s|import\s*\(/);
    // main: CommonJS, only electron and Node built-ins.
    const mainRequires = new Set([...main.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]));
    for (const r of mainRequires) expect(r === 'electron' || r.startsWith('node:'), r).toBe(true);
    expect(main).toContain('registerSchemesAsPrivileged');
    expect(main).not.toMatch(/^\s*export\s/m);
  }, 60_000);
});
