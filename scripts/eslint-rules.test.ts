/**
 * The architecture rules in eslint.config.js, checked by linting probe code
 * as if it were a file at a given place in the tree: each boundary must fail
 * on the import that crosses it, and the legitimate form must pass. Without
 * this, a typo in a glob or a regex silently turns a rule off.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const eslint = new ESLint({ cwd: root });

/** Rule ids reported for `code` linted as the file at `file` (relative to the repo). */
async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

const rules = (ps: string[]) => ps.map((p) => p.split(':')[0]);

describe('eslint: import boundaries', () => {
  it("core/ may not import Node built-ins, in either spelling (the issue's probe: import fs from 'node:fs')", async () => {
    for (const spec of ['node:fs', 'fs', 'fs/promises', 'node:path', 'path', 'node:test', 'crypto']) {
      const ps = await problems('core/text/probe.ts', `import x from '${spec}';\nexport const y = x;\n`);
      expect(rules(ps), spec).toContain('@typescript-eslint/no-restricted-imports');
    }
  });

  it('core/ may not import React, Electron, Dexie, nor reach into renderer/, electron/, cli/ or scripts/', async () => {
    for (const spec of ['react', 'react-dom/client', 'electron', 'dexie', '../../renderer/db/database', '../../electron/contract', '../../cli/io.js', '../../scripts/bench-search.js']) {
      const ps = await problems('core/search/probe.ts', `import x from '${spec}';\nexport const y = x;\n`);
      expect(rules(ps), spec).toContain('@typescript-eslint/no-restricted-imports');
    }
  });

  it('core/ may not use DOM or Node globals', async () => {
    for (const g of ['document.title', 'window.innerWidth', 'process.env.HOME', 'Buffer.from("")']) {
      expect(rules(await problems('core/corpus/probe.ts', `export const y = ${g};\n`)), g).toContain('no-restricted-globals');
    }
  });

  it('core tests may read fixtures with Node, but not import scripts/ (bench-search pulls in flexsearch and cli/)', async () => {
    expect(await problems('core/search/probe.test.ts', "import { readFileSync } from 'node:fs';\nexport const y = readFileSync;\n")).toEqual([]);
    for (const spec of ['../../scripts/bench-search.js', 'flexsearch', '../../cli/commands/search.js']) {
      const ps = await problems('core/search/probe.test.ts', `import x from '${spec}';\nexport const y = x;\n`);
      expect(rules(ps), spec).toContain('@typescript-eslint/no-restricted-imports');
    }
  });

  it("renderer/ may not import electron (the issue's probe: import { ipcRenderer } from 'electron') or Node built-ins", async () => {
    for (const file of ['renderer/reader/Probe.tsx', 'renderer/db/probe.ts', 'renderer/hooks/useProbe.ts', 'renderer/platform/bridge.ts']) {
      const ps = await problems(file, "import { ipcRenderer } from 'electron';\nexport const y = ipcRenderer;\n");
      expect(rules(ps), file).toContain('@typescript-eslint/no-restricted-imports');
    }
    for (const spec of ['node:fs', 'fs', 'path', 'node:child_process', 'electron/renderer']) {
      const ps = await problems('renderer/search/probe.ts', `import x from '${spec}';\nexport const y = x;\n`);
      expect(rules(ps), spec).toContain('@typescript-eslint/no-restricted-imports');
    }
  });

  it('renderer/ reaches electron/ only as `import type` from electron/contract.ts', async () => {
    expect(await problems('renderer/platform/probe.ts', "import type { PolicyReaderBridge } from '../../electron/contract';\nexport type B = PolicyReaderBridge;\n")).toEqual([]);
    expect(await problems('renderer/App2.tsx', "import type { PolicyReaderBridge } from '../electron/contract';\nexport type B = PolicyReaderBridge;\n")).toEqual([]);
    // A value import of the contract, and any import of other electron/ modules, even type-only.
    for (const code of [
      "import { BRIDGE_METHODS } from '../../electron/contract';\nexport const y = BRIDGE_METHODS;\n",
      "import { safeFileName } from '../../electron/fs-safe';\nexport const y = safeFileName;\n",
      "import type { WindowState } from '../../electron/window';\nexport type W = WindowState;\n",
    ]) {
      expect(rules(await problems('renderer/platform/probe.ts', code)), code).toContain('@typescript-eslint/no-restricted-imports');
    }
  });

  it('only renderer/db/ imports dexie; dexie-react-hooks only in hooks (use*.ts) and renderer/db/', async () => {
    const dexie = "import Dexie from 'dexie';\nexport const y = Dexie;\n";
    expect(await problems('renderer/db/probe.ts', dexie)).toEqual([]);
    for (const file of ['renderer/hooks/useProbe.ts', 'renderer/reader/Probe.tsx', 'core/annotations/probe.ts', 'electron/probe.ts', 'cli/probe.ts']) {
      expect(rules(await problems(file, dexie)), file).toContain('@typescript-eslint/no-restricted-imports');
    }
    expect(rules(await problems('renderer/db/probe.ts', "import type { Table } from 'dexie';\nexport type T = Table;\n"))).toEqual([]);
    const hooks = "import { useLiveQuery } from 'dexie-react-hooks';\nexport const y = useLiveQuery;\n";
    expect(await problems('renderer/hooks/useProbe.ts', hooks)).toEqual([]);
    expect(await problems('renderer/annotations/useProbe.ts', hooks)).toEqual([]);
    expect(rules(await problems('renderer/reader/Probe.tsx', hooks))).toContain('@typescript-eslint/no-restricted-imports');
  });

  it('electron/ never imports renderer/', async () => {
    for (const spec of ['../renderer/platform/bridge', '../renderer/db/records']) {
      for (const form of [`import x from '${spec}';\nexport const y = x;\n`, `import type { X } from '${spec}';\nexport type Y = X;\n`]) {
        expect(rules(await problems('electron/probe.ts', form)), form).toContain('@typescript-eslint/no-restricted-imports');
      }
    }
    expect(await problems('electron/probe.ts', "import { app } from 'electron';\nimport fs from 'node:fs';\nimport { mimeType } from '../core/util/mime.js';\nexport const y = [app, fs, mimeType];\n")).toEqual([]);
  });

  it('only renderer/platform/bridge.ts reads window.policyReader, in any spelling', async () => {
    const reads = [
      'export const b = window.policyReader;\n',
      "export const b = window['policyReader'];\n",
      'export const b = (window as unknown as { policyReader: unknown }).policyReader;\n',
      'export const b = globalThis.policyReader;\n',
      'const { policyReader } = window as never;\nexport const b = policyReader;\n',
    ];
    for (const code of reads) {
      expect(rules(await problems('renderer/reader/probe.ts', code)), code).toContain('no-restricted-syntax');
      expect(rules(await problems('core/search/probe.ts', code)), code).toContain('no-restricted-syntax');
    }
    expect(rules(await problems('renderer/reader/probe.ts', 'declare const policyReader: unknown;\nexport const b = policyReader;\n'))).toEqual([]);
    expect(await problems('renderer/platform/bridge.ts', reads[2])).toEqual([]);
  });

  it('legitimate code in each layer passes', async () => {
    expect(await problems('core/search/probe.ts', "import lunr from 'lunr';\nimport { fold } from '../text/normalize.js';\nexport const y = [lunr, fold];\n")).toEqual([]);
    expect(
      await problems(
        'renderer/reader/Probe.tsx',
        "import { useState } from 'react';\nimport { fold } from '../../core/text/normalize';\nimport { copyText } from '../platform';\nexport function Probe() {\n  const [s] = useState(fold('Ａ'));\n  return <button type=\"button\" aria-label=\"复制\" onClick={() => void copyText(s)}>{s}</button>;\n}\n",
      ),
    ).toEqual([]);
    expect(await problems('cli/probe.ts', "import fs from 'node:fs';\nimport { buildCorpus } from '../core/corpus/build.js';\nexport const y = [fs, buildCorpus];\n")).toEqual([]);
  });
});

describe('eslint: hooks and disable comments', () => {
  it('reports a conditional hook and a missing effect dependency', async () => {
    const ps = await problems(
      'renderer/reader/Probe.tsx',
      "import { useEffect, useState } from 'react';\nexport function Probe({ a }: { a: boolean }) {\n  if (a) useState(0);\n  const [n] = useState(1);\n  useEffect(() => console.log(n), []);\n  return null;\n}\n",
    );
    expect(rules(ps)).toEqual(expect.arrayContaining(['react-hooks/rules-of-hooks', 'react-hooks/exhaustive-deps']));
  });

  it('an eslint-disable comment needs a reason after --', async () => {
    const code = (comment: string) => `import { useEffect, useState } from 'react';\nexport function useProbe() {\n  const [n] = useState(1);\n  useEffect(() => console.log(n),\n    ${comment}\n    []);\n}\n`;
    expect(rules(await problems('renderer/hooks/useProbe.ts', code('// eslint-disable-next-line react-hooks/exhaustive-deps')))).toContain('local/disable-needs-reason');
    expect(await problems('renderer/hooks/useProbe.ts', code('// eslint-disable-next-line react-hooks/exhaustive-deps -- runs once on mount by design'))).toEqual([]);
  });
});
