/**
 * compound-file.ts against another reader of the format (the cfb package, in Node only: it does not export itself in
 * a browser bundle) on real Word 97–2003 files, and on damaged ones.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import CFB from 'cfb';
import { CompoundFileError, isCompoundFile, topStreams } from './compound-file';

const files = [
  ...readdirSync(join('test-data', 'word97', 'raw')).filter((f) => !f.startsWith('badfile')).map((f) => join('test-data', 'word97', 'raw', f)),
  ...readdirSync(join('test-data', 'import')).filter((f) => f.endsWith('.doc')).map((f) => join('test-data', 'import', f)),
];
const bytesOf = (file: string) => new Uint8Array(readFileSync(file));

describe('the streams at the top of a compound file', () => {
  it.each(files)('%s: every stream under the root, byte for byte as cfb reads it', (file) => {
    const bytes = bytesOf(file);
    const ours = topStreams(bytes);
    const theirs = CFB.read(Buffer.from(bytes), { type: 'buffer' });
    const top = theirs.FullPaths.map((p, i) => [p, theirs.FileIndex[i]] as const).filter(([p, e]) => e.type === 2 && /^Root Entry\/[^/]+$/.test(p));
    expect([...ours.keys()].sort()).toEqual(top.map(([p]) => p.slice('Root Entry/'.length)).sort());
    for (const [p, e] of top) expect(Buffer.from(ours.get(p.slice('Root Entry/'.length))!()).equals(Buffer.from((e.content as Uint8Array | undefined) ?? [])), p).toBe(true);
    // Word documents hold their text and tables here; an embedded object's streams are not at the top.
    expect(ours.has('WordDocument')).toBe(true);
  });

  it('refuses what is not one, a file cut short, and a chain that loops, with CompoundFileError', () => {
    const bytes = bytesOf(join('test-data', 'import', 'face-recognition-rules.doc'));
    expect(isCompoundFile(bytes)).toBe(true);
    expect(isCompoundFile(new TextEncoder().encode('PK\u0003\u0004 not a compound file, but long enough '.repeat(20)))).toBe(false);
    expect(() => topStreams(new Uint8Array(600))).toThrow(CompoundFileError);
    const cut = bytes.slice(0, 2048);
    expect(() => [...topStreams(cut).values()].map((read) => read())).toThrow(CompoundFileError);
    // Point the directory's first sector at itself in the FAT: its chain never ends.
    const looping = bytes.slice();
    const view = new DataView(looping.buffer);
    const dirStart = view.getUint32(0x30, true);
    const fatSector = view.getUint32(0x4c, true);
    view.setUint32((fatSector + 1) * 512 + dirStart * 4, dirStart, true);
    expect(() => topStreams(looping)).toThrow(CompoundFileError);
    // An unknown sector size.
    const odd = bytes.slice();
    odd[0x1e] = 10;
    expect(() => topStreams(odd)).toThrow(CompoundFileError);
  });
});
