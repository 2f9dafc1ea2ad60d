/**
 * The parse cache's key follows the code a parse runs, and nothing else: a change to the segmenter (or to a
 * module it imports, or to pdf.js's version) parses every file again; a change to variant detection or the
 * search index parses none.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprintOf, importClosure, packageOf, PARSE_ROOTS, parserFingerprint, projectFingerprint } from './parser-fingerprint.js';
import { PROJECT_ROOT } from './project-root.js';
import { SEARCH_ROOTS } from './search-update.js';

const tree = (files: Record<string, string>) => (file: string) => files[file] ?? null;

describe('importClosure', () => {
  const files = {
    'cli/pool.ts': "import { parse } from '../core/parse.js';\nimport type { Reply } from './worker.js';\nimport { readFile } from 'node:fs/promises';\nimport path from 'path';",
    'cli/worker.ts': "export { parse } from '../core/parse.js';\nconst pdf = () => import('pdfjs-dist/legacy/build/pdf.mjs');",
    'core/parse.ts': "import './side-effect.js';\nimport data from './table.json';\nimport { x } from '@scope/lib/sub';\nimport { gone } from './gone.js';\nimport{tight}from'./tight.js';",
    'core/side-effect.ts': "import { parse } from './parse.js';\nimport { lost } from './a-lost.js';",
    'core/tight.ts': '',
    'core/table.json': '{}',
    'core/detect.ts': "import { parse } from './parse.js';",
  };

  it('follows static, type, re-exported, side-effect and dynamic imports; .js names the .ts source', () => {
    const c = importClosure(['cli/pool.ts'], tree(files));
    // core/side-effect.ts imports core/parse.ts back: a cycle is followed once.
    expect(c.files).toEqual(['cli/pool.ts', 'cli/worker.ts', 'core/parse.ts', 'core/side-effect.ts', 'core/table.json', 'core/tight.ts']);
    // A module that imports the parser is not something the parser runs.
    expect(c.files).not.toContain('core/detect.ts');
  });

  it('lists npm packages by name, without Node built-ins, and names a module it cannot find', () => {
    const c = importClosure(['cli/pool.ts'], tree(files));
    expect(c.packages).toEqual(['@scope/lib', 'pdfjs-dist']);
    expect(c.missing).toEqual(['core/a-lost.js', 'core/gone.js']);
  });

  it('packageOf: a scoped package keeps its scope', () => {
    expect(packageOf('pdfjs-dist/legacy/build/pdf.mjs')).toBe('pdfjs-dist');
    expect(packageOf('@scope/lib/sub')).toBe('@scope/lib');
    expect(packageOf('mammoth')).toBe('mammoth');
  });
});

describe('fingerprintOf', () => {
  const base = {
    'cli/pool.ts': "import { parse } from '../core/parse.js';\nimport('mammoth');",
    'core/parse.ts': 'export const parse = 1;',
    'core/detect.ts': "import { parse } from './parse.js';",
  };
  const key = (files: Record<string, string>, version = '1.0.0') => fingerprintOf(importClosure(['cli/pool.ts'], tree(files)), tree(files), () => version);

  it('changes with a module the parse runs, or a package version; not with one it does not run', () => {
    const k = key(base);
    expect(key({ ...base })).toBe(k);
    expect(key({ ...base, 'core/parse.ts': 'export const parse = 2;' })).not.toBe(k);
    expect(key(base, '1.0.1')).not.toBe(k);
    expect(key({ ...base, 'core/detect.ts': '// changed' })).toBe(k);
  });

  it('a missing module that appears changes it', () => {
    const withGap = { ...base, 'core/parse.ts': "import './later.js';" };
    expect(key({ ...withGap, 'core/later.ts': '' })).not.toBe(key(withGap));
  });
});

describe('the parse phase of this program', () => {
  const read = (file: string) => {
    try {
      return readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
    } catch {
      return null;
    }
  };
  const c = importClosure(PARSE_ROOTS, read);

  it('runs the segmenter, the extractors and pdf.js, mammoth and jszip; every module it imports is there', () => {
    expect(c.files).toEqual(expect.arrayContaining(['core/corpus/segment.ts', 'core/corpus/build.ts', 'core/import/extract.ts', 'core/text/markdown.ts', 'cli/extractors.ts', 'cli/parse-worker.ts']));
    expect(c.packages).toEqual(['jszip', 'mammoth', 'pdfjs-dist']);
    expect(c.missing).toEqual([]);
  });

  it('does not run variant detection, the search index or the other commands', () => {
    expect(c.files.filter((f) => /^core\/(compare|search|annotations|export)\/|^cli\/(commands|variants)/.test(f))).toEqual([]);
  });

  // The search index's key (cli/search-update.ts): a rebuild updates the previous index only when it was made by this code.
  const s = importClosure(SEARCH_ROOTS, read);
  it("the search index's key follows the index's making and updating, and what decides what is kept", () => {
    expect(s.files).toEqual(expect.arrayContaining(['core/search/artifacts.ts', 'core/search/build.ts', 'core/search/index-update.ts', 'core/search/codec.ts', 'core/search/tokenizer.ts', 'cli/search-update.ts', 'cli/version-files.ts']));
    expect(s.missing).toEqual([]);
    expect(s.files.filter((f) => /^core\/(compare|annotations|export)\/|^cli\/(commands\/|variants|parse-)/.test(f))).toEqual([]);
  });
});

describe('projectFingerprint', () => {
  /** A project folder: the parse roots, a module they import, pdf.js as installed, and a compiled file. */
  const project = (files: Record<string, string>) => {
    const root = mkdtempSync(path.join(tmpdir(), 'fingerprint-'));
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    return root;
  };
  const sources = {
    'cli/parse-pool.ts': "import { parse } from '../core/parse.js';\nconst pdf = () => import('pdfjs-dist/legacy/build/pdf.mjs');",
    'cli/parse-worker.ts': "import { parse } from '../core/parse.js';",
    'core/parse.ts': 'export const parse = 1;',
    'node_modules/pdfjs-dist/package.json': '{"version":"4.0.0"}',
    'dist/cli/parse-worker.mjs': 'compiled 1',
  };
  const roots: string[] = [];
  const fingerprint = (files: Record<string, string>) => {
    const root = project(files);
    roots.push(root);
    return projectFingerprint(root, [pathToFileURL(path.join(root, 'dist/cli/parse-worker.mjs'))]);
  };
  afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

  it('follows the sources and the installed version of the packages they import', () => {
    const k = fingerprint(sources);
    expect(fingerprint({ ...sources, 'dist/cli/parse-worker.mjs': 'compiled 2' })).toBe(k);
    expect(fingerprint({ ...sources, 'core/parse.ts': 'export const parse = 2;' })).not.toBe(k);
    const other = fingerprint({ ...sources, 'node_modules/pdfjs-dist/package.json': '{"version":"4.0.1"}' });
    const { 'node_modules/pdfjs-dist/package.json': _installed, ...notInstalled } = sources;
    const none = fingerprint(notInstalled);
    const broken = fingerprint({ ...sources, 'node_modules/pdfjs-dist/package.json': '{"version":' });
    expect(new Set([k, other, none, broken]).size).toBe(4);
  });

  it('without the sources, the compiled files stand in for them', () => {
    const compiledOnly = { 'dist/cli/parse-worker.mjs': 'compiled 1' };
    const k = fingerprint(compiledOnly);
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint({ 'dist/cli/parse-worker.mjs': 'compiled 2' })).not.toBe(k);
    expect(fingerprint(compiledOnly)).toBe(k);
  });
});

describe('parserFingerprint', () => {
  it('is the project key, worked out once: a later call gives the first answer', () => {
    const first = parserFingerprint([new URL(import.meta.url)]);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(parserFingerprint([new URL('file:///nowhere/at/all.mjs')])).toBe(first);
  });
});
