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

  it("knows a compound file by its whole signature and a header's length", () => {
    const bytes = bytesOf(join('test-data', 'import', 'face-recognition-rules.doc'));
    expect(isCompoundFile(bytes.slice(0, 512))).toBe(true);
    expect(isCompoundFile(bytes.slice(0, 511))).toBe(false);
    for (const at of [0, 7]) {
      const other = bytes.slice();
      other[at] ^= 0xff;
      expect(isCompoundFile(other)).toBe(false);
      expect(() => topStreams(other)).toThrow('not a compound file');
    }
  });

  it('refuses a header it cannot read: cut after the header, other sector sizes, no root, a FAT sector past the end', () => {
    const bytes = bytesOf(join('test-data', 'import', 'face-recognition-rules.doc'));
    expect(() => topStreams(bytes.slice(0, 512))).toThrow(CompoundFileError);
    for (const [at, value] of [[0x1e, 10], [0x1e, 12], [0x20, 7]] as const) {
      const odd = bytes.slice();
      odd[at] = value;
      // 4,096-byte sectors are a version 4 file's: this file's are 512 bytes, so its sectors are not where they say.
      expect(() => [...topStreams(odd).values()].map((read) => read())).toThrow(CompoundFileError);
    }
    const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
    const noRoot = bytes.slice();
    const dirAt = (view(noRoot).getUint32(0x30, true) + 1) * 512;
    noRoot[dirAt + 0x42] = 1;
    expect(() => topStreams(noRoot)).toThrow('no root storage');
    const lostFat = bytes.slice();
    view(lostFat).setUint32(0x4c, 0x10000, true);
    expect(() => topStreams(lostFat)).toThrow('a FAT sector is missing');
    const endFat = bytes.slice();
    view(endFat).setUint32(0x4c, 0xfffffffe, true);
    expect(() => topStreams(endFat)).toThrow('a FAT sector is missing');
  });

  it('skips a sibling pointer past the directory and visits a looping sibling once: the same streams', () => {
    const bytes = bytesOf(join('test-data', 'import', 'face-recognition-rules.doc'));
    const names = [...topStreams(bytes).keys()].sort();
    const view = new DataView(bytes.buffer);
    const dirAt = (view.getUint32(0x30, true) + 1) * 512;
    const child = view.getUint32(dirAt + 0x4c, true);
    // A stream under the root with no left sibling: it gets one past the directory, or the root's first child (a loop).
    let free = 1;
    while (view.getUint8(dirAt + free * 128 + 0x42) !== 2 || view.getUint32(dirAt + free * 128 + 0x44, true) !== 0xffffffff) free++;
    for (const pointer of [5000, child]) {
      const damaged = bytes.slice();
      new DataView(damaged.buffer).setUint32(dirAt + free * 128 + 0x44, pointer, true);
      expect([...topStreams(damaged).keys()].sort()).toEqual(names);
    }
  });

  it('reads a file large enough that its FAT is listed beyond the header (DIFAT sectors), as cfb wrote it', () => {
    // 9 MB needs more than the header's 109 FAT sectors (109 × 128 × 512 bytes is about 7 MB).
    const big = new Uint8Array(9 * 1024 * 1024).map((_, i) => (i * 7919) & 0xff);
    const small = new TextEncoder().encode('不足 4096 字节的流放在迷你扇区里');
    const container = CFB.utils.cfb_new();
    CFB.utils.cfb_add(container, 'WordDocument', Buffer.from(big));
    CFB.utils.cfb_add(container, 'Small', Buffer.from(small));
    const bytes = new Uint8Array(CFB.write(container, { type: 'buffer' }) as Buffer);
    expect(new DataView(bytes.buffer).getUint32(0x48, true)).toBeGreaterThan(0);
    const streams = topStreams(bytes);
    expect(Buffer.from(streams.get('WordDocument')!()).equals(Buffer.from(big))).toBe(true);
    expect(new TextDecoder().decode(streams.get('Small')!())).toBe('不足 4096 字节的流放在迷你扇区里');
    // Cut short: the last sectors of the large stream are gone.
    expect(() => topStreams(bytes.slice(0, bytes.length - 4096)).get('WordDocument')!()).toThrow(CompoundFileError);
  });

  it('refuses a mini stream that is cut short or points past its end', () => {
    const container = CFB.utils.cfb_new();
    CFB.utils.cfb_add(container, 'Small', Buffer.from(new Uint8Array(1000).fill(7)));
    const bytes = new Uint8Array(CFB.write(container, { type: 'buffer' }) as Buffer);
    expect(topStreams(bytes).get('Small')!()).toEqual(new Uint8Array(1000).fill(7));
    const view = new DataView(bytes.buffer);
    const dirAt = (view.getUint32(0x30, true) + 1) * 512;
    // The stream's directory entry: find it by name, then point it past the mini stream, or claim more than it holds.
    let entry = -1;
    for (let i = 0; i < 16 && entry < 0; i++) if (String.fromCharCode(view.getUint16(dirAt + i * 128, true)) === 'S') entry = i;
    const far = bytes.slice();
    new DataView(far.buffer).setUint32(dirAt + entry * 128 + 0x74, 4000, true);
    expect(() => topStreams(far).get('Small')!()).toThrow(CompoundFileError);
    const more = bytes.slice();
    new DataView(more.buffer).setUint32(dirAt + entry * 128 + 0x78, 3000, true);
    expect(() => topStreams(more).get('Small')!()).toThrow('a stream is cut short');
  });
});
