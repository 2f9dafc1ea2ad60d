/**
 * The Electron user library against a real temporary folder, with a real file
 * (test-data/import/face-recognition-rules.md, a judicial interpretation) run
 * through the real import pipeline, and an fs that fails or "dies" mid-way.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../core/import/pipeline';
import { sha256Hex } from '../test-support/sha256';
import type { UserFileImport } from './contract';
import { nodeWriteFs, type WriteFs } from './fs-safe';
import { LIMITS } from './ipc';
import { createUserLibrary, USER_LIBRARY_DIR } from './user-library';

const SOURCE = path.join(__dirname, '..', 'test-data', 'import', 'face-recognition-rules.md');

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-userlib-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** What the renderer's import worker sends: the real pipeline's result for these bytes. */
async function imported(name: string, bytes: Uint8Array): Promise<UserFileImport> {
  const r = await importFile(name, bytes, { libs: {}, sha256Hex, known: new Set(), library: async () => [], loadDocument: async () => Promise.reject(new Error('none')) });
  return { name, kind: r.kind, bytes, hash: r.hash, pages: r.pages, rawText: r.rawText, docsJson: JSON.stringify(r.docs.map((doc) => ({ doc, placements: r.placements[doc.id] ?? [] }))) };
}
const realBytes = () => new Uint8Array(fs.readFileSync(SOURCE));
/** The same text with one more line: another file, another hash. */
const otherBytes = () => new TextEncoder().encode(`${fs.readFileSync(SOURCE, 'utf8')}\n（本解释自公布之日起施行。）\n`);

/** Every file under the library folder, relative, sorted: "as it was" means exactly these. */
function tree(): string[] {
  const root = path.join(tmp, USER_LIBRARY_DIR);
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((p) => fs.statSync(path.join(root, p)).isFile()).sort();
}

describe('user library storage', () => {
  it('stores the original, its raw text and documents under user-data/user-library, and lists them', async () => {
    const lib = createUserLibrary({ userData: tmp });
    const file = await imported('人脸识别规定.md', realBytes());
    expect(await lib.import([file])).toEqual({ ok: true, hashes: [file.hash] });
    const dir = path.join(tmp, USER_LIBRARY_DIR, 'objects', file.hash);
    expect(new Uint8Array(fs.readFileSync(path.join(dir, 'original')))).toEqual(realBytes());
    expect(fs.readFileSync(path.join(dir, 'raw.txt'), 'utf8')).toBe(file.rawText);
    const listed = await lib.list();
    if (!listed.ok) throw new Error(listed.message);
    expect(listed.files).toHaveLength(1);
    const docs = JSON.parse(listed.files[0].docsJson) as { doc: { id: string; title: string } }[];
    expect(listed.files[0]).toMatchObject({ hash: file.hash, name: '人脸识别规定.md', kind: 'md', size: realBytes().length, docIds: docs.map((d) => d.doc.id) });
    expect(docs[0].doc.id).toMatch(/^u[0-9a-f]{11}$/);
    expect(docs[0].doc.title).toContain('人脸识别');
    // A new instance (the app restarted) reads the same library.
    expect(await createUserLibrary({ userData: tmp }).list()).toEqual(listed);
  });

  it('refuses the same file again, and a file over 50 MB with the browser side\'s message, writing nothing', async () => {
    const lib = createUserLibrary({ userData: tmp });
    const file = await imported('a.md', realBytes());
    await lib.import([file]);
    const before = tree();
    expect(await lib.import([{ ...file, name: 'b.md' }])).toEqual({ ok: false, code: 'duplicate', message: '这个文件已经导入过：b.md' });
    const big = new Uint8Array(LIMITS.importBytes + 1);
    expect(await lib.import([{ ...file, name: '大.pdf', bytes: big, hash: sha256Hex(big) }])).toEqual({ ok: false, code: 'too-large', message: '文件超过 50 MB 的上限（50.0 MB）：大.pdf' });
    expect(await lib.import([{ ...file, name: 'x.md', bytes: otherBytes() }])).toMatchObject({ ok: false, code: 'invalid' }); // hash does not match the bytes
    expect(tree()).toEqual(before);
  });

  it('a batch is stored whole or not at all: a failure on the second file leaves the library as it was', async () => {
    const lib0 = createUserLibrary({ userData: tmp });
    const first = await imported('a.md', realBytes());
    await lib0.import([first]);
    const before = tree();
    const listedBefore = await lib0.list();
    // The disk fills up while the second file's documents are written.
    const full: WriteFs = {
      ...nodeWriteFs,
      open: async (p, flags, mode) => {
        if (p.includes('docs.json')) throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
        return nodeWriteFs.open(p, flags, mode);
      },
    };
    const lib = createUserLibrary({ userData: tmp, fs: full });
    const r = await lib.import([await imported('b.md', otherBytes())]);
    expect(r).toMatchObject({ ok: false, code: 'no-space' });
    expect(tree()).toEqual(before);
    expect(await lib.list()).toEqual(listedBefore);
  });

  it('a change that dies before the pointer is renamed leaves the library as it was; the file can be imported again', async () => {
    const first = await imported('a.md', realBytes());
    await createUserLibrary({ userData: tmp }).import([first]);
    const listedBefore = await createUserLibrary({ userData: tmp }).list();
    // "Killed": the pointer's rename never happens and nothing cleans up after it.
    const killed: WriteFs = {
      ...nodeWriteFs,
      rename: async (from, to) => {
        if (path.basename(to) === 'current.json') return new Promise<never>(() => {});
        return nodeWriteFs.rename(from, to);
      },
    };
    const second = await imported('b.md', otherBytes());
    void createUserLibrary({ userData: tmp, fs: killed }).import([second]);
    await waitFor(() => tree().some((p) => /v2\.json$/.test(p)));
    // What a restarted app sees: the previous library, exactly.
    const restarted = createUserLibrary({ userData: tmp });
    expect(await restarted.list()).toEqual(listedBefore);
    // The leftover objects are ours and are replaced by the next import of that file.
    expect(await restarted.import([second])).toEqual({ ok: true, hashes: [second.hash] });
    const after = await restarted.list();
    expect(after.ok && after.files.map((f) => f.name)).toEqual(['a.md', 'b.md']);
  });

  it('removes a file and its documents after the switch, never a file it did not write', async () => {
    const lib = createUserLibrary({ userData: tmp });
    const file = await imported('a.md', realBytes());
    await lib.import([file]);
    const dir = path.join(tmp, USER_LIBRARY_DIR, 'objects', file.hash);
    fs.writeFileSync(path.join(dir, '用户自己的笔记.txt'), 'mine');
    const listed = await lib.list();
    const ids = listed.ok ? listed.files[0].docIds : [];
    expect(await lib.remove(file.hash)).toEqual({ ok: true, docIds: ids });
    expect(await lib.list()).toEqual({ ok: true, files: [] });
    expect(fs.readdirSync(dir)).toEqual(['用户自己的笔记.txt']);
    expect(await lib.remove(file.hash)).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('saves corrections of recognised metadata with the same switch', async () => {
    const lib = createUserLibrary({ userData: tmp });
    const file = await imported('a.md', realBytes());
    await lib.import([file]);
    const listed = await lib.list();
    const id = listed.ok ? listed.files[0].docIds[0] : '';
    expect(await lib.saveEdits(id, { title: '更正后的标题', docNumber: null })).toEqual({ ok: true });
    const after = await createUserLibrary({ userData: tmp }).list();
    expect(after.ok && after.files[0].edits).toEqual({ [id]: { title: '更正后的标题', docNumber: null } });
    expect(await lib.saveEdits('u00000000000', { title: 'x' })).toMatchObject({ ok: false, code: 'not-found' });
    await lib.saveEdits(id, { title: '再次更正' });
    // Only the current listing and the one before it are kept.
    expect(tree().filter((p) => p.startsWith('versions'))).toEqual(['versions/v2.json', 'versions/v3.json']);
  });
});

async function waitFor(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!ok()) throw new Error('timed out');
}
