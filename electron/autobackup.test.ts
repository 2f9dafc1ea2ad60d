/**
 * The rotating automatic backup against a real temporary folder (and an fs
 * that fails like a full disk), plus the quit hold, composed as main.ts does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeAnnotationFile } from '../core/annotations/file';
import { testAnnotation } from '../test-support/annotation-fixtures';
import { mulberry32 } from '../core/util/random';
import { AUTO_BACKUP_DIR, type AutoBackupFs, createAutoBackup, holdQuitForBackup, isMassLoss, nodeAutoBackupFs, sortBackups } from './autobackup';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-autobackup-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A valid annotation file whose one annotation carries the note `a<n>` (a backup is validated like an import). */
const notes = new Map<number, ReturnType<typeof testAnnotation>>();
const annotation = (n: number) => {
  if (!notes.has(n)) notes.set(n, testAnnotation({ note: `a${n}` }));
  return notes.get(n)!;
};
const file = (n: number) => serializeAnnotationFile([annotation(n)], `2024-05-01T08:00:${String(n % 60).padStart(2, '0')}.000Z`);
const noteIn = (text: string) => JSON.parse(text).annotations.map((a: { body: { value: string }[] }) => a.body[0].value);
let clock = Date.parse('2024-05-01T08:00:00.000Z');
const now = () => new Date((clock += 1000));
const dir = () => path.join(tmp, AUTO_BACKUP_DIR);
const names = () => fs.readdirSync(dir()).sort();

describe('automatic backup', () => {
  it('writes atomically into the user-data folder: only complete files, no temp files left', async () => {
    const b = createAutoBackup({ userData: tmp, now });
    const r = await b.write(file(1));
    expect(r).toMatchObject({ ok: true, skipped: false });
    expect(names()).toHaveLength(1);
    expect(names()[0]).toMatch(/^annotations-n\d+-\d{8}T\d{9}Z\.json$/);
    expect(fs.readFileSync(path.join(dir(), names()[0]), 'utf8')).toBe(file(1));
    const latest = await b.readLatest();
    expect(latest).toMatchObject({ ok: true, json: file(1) });
  });

  it('keeps the last 10, newest first, and skips a write identical to the newest', async () => {
    const b = createAutoBackup({ userData: tmp, now });
    for (let i = 1; i <= 13; i++) await b.write(file(i));
    expect(names()).toHaveLength(10);
    const kept = sortBackups(names()).flatMap((n) => noteIn(fs.readFileSync(path.join(dir(), n), 'utf8')));
    expect(kept).toEqual(['a13', 'a12', 'a11', 'a10', 'a9', 'a8', 'a7', 'a6', 'a5', 'a4']);
    const same = JSON.stringify({ ...JSON.parse(file(13)), exported: 'later' });
    expect(await b.write(same)).toMatchObject({ ok: true, skipped: true });
    expect(names()).toHaveLength(10);
  });

  it('disk full during the write: an error in Chinese, the previous backups intact, nothing pruned, no temp file', async () => {
    const good = createAutoBackup({ userData: tmp, now });
    for (let i = 1; i <= 10; i++) await good.write(file(i));
    const before = Object.fromEntries(names().map((n) => [n, fs.readFileSync(path.join(dir(), n), 'utf8')]));
    const fullDisk: AutoBackupFs = {
      ...nodeAutoBackupFs,
      open: async (p, flags, mode) => {
        const h = await nodeAutoBackupFs.open(p, flags, mode);
        return {
          ...h,
          write: async (data: Uint8Array) => {
            await h.write(data.subarray(0, 10)); // a partial write, then the disk is full
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          },
        };
      },
    };
    const b = createAutoBackup({ userData: tmp, now, fs: fullDisk });
    const r = await b.write(file(11));
    expect(r).toMatchObject({ ok: false, code: 'no-space' });
    if (!r.ok) expect(r.message).toMatch(/^自动备份失败：磁盘空间不足/);
    const after = Object.fromEntries(names().map((n) => [n, fs.readFileSync(path.join(dir(), n), 'utf8')]));
    expect(after).toEqual(before);
    expect(await b.readLatest()).toMatchObject({ ok: true, json: file(10) });
  });

  it('reads the newest VALID backup: a damaged newest file does not hide an older good one', async () => {
    const b = createAutoBackup({ userData: tmp, now });
    await b.write(file(1));
    fs.writeFileSync(path.join(dir(), 'annotations-29990101T000000000Z.json'), '{"format": "policy-reader/annotations", "annot');
    fs.writeFileSync(path.join(dir(), 'notes.txt'), 'not a backup');
    expect(await b.readLatest()).toMatchObject({ ok: true, json: file(1) });
  });

  it('no folder yet, or only foreign files: no backup', async () => {
    const b = createAutoBackup({ userData: tmp, now });
    expect(await b.readLatest()).toMatchObject({ ok: false, code: 'none' });
    expect(await b.write('{"hello": 1}')).toMatchObject({ ok: false, code: 'invalid' });
    expect(fs.existsSync(dir())).toBe(false);
  });

  it('serialises concurrent writes (each lands, in order)', async () => {
    const b = createAutoBackup({ userData: tmp, now: () => new Date('2024-05-01T08:00:00.000Z') });
    const rs = await Promise.all([b.write(file(1)), b.write(file(2)), b.write(file(3))]);
    expect(rs.every((r) => r.ok && !r.skipped)).toBe(true);
    expect(names()).toHaveLength(3);
    expect(await b.readLatest()).toMatchObject({ ok: true, json: file(3) });
  });
});

describe('wrong clocks (issue 16, item 1)', () => {
  const YEAR = 365 * 24 * 3600 * 1000;
  const stampOf = (ms: number) => new Date(ms).toISOString().replace(/[-:.]/g, '');

  it('10 backups named a year ahead (a clock that ran fast, then was corrected): every new write is kept and read back as the newest', async () => {
    fs.mkdirSync(dir(), { recursive: true });
    const ahead = Date.parse('2025-05-01T08:00:00.000Z');
    for (let i = 0; i < 10; i++) fs.writeFileSync(path.join(dir(), `annotations-${stampOf(ahead + i * 1000)}.json`), file(100 + i));
    const b = createAutoBackup({ userData: tmp, now });
    for (let i = 1; i <= 3; i++) {
      const r = await b.write(file(i));
      expect(r).toMatchObject({ ok: true, skipped: false });
      if (r.ok) expect(fs.existsSync(r.file), `backup ${i} was pruned right after it was written`).toBe(true);
      expect(noteIn(((await b.readLatest()) as { json: string }).json)).toEqual([`a${i}`]);
    }
    // The rotation removed the oldest stale files, never a new one.
    const kept = sortBackups(names()).flatMap((n) => noteIn(fs.readFileSync(path.join(dir(), n), 'utf8')));
    expect(kept.slice(0, 3)).toEqual(['a3', 'a2', 'a1']);
    expect(kept).toHaveLength(10);
  });

  it('the clock jumps forward a year, then back: the order is the order of writing, and the last 10 written are kept', async () => {
    let t = Date.parse('2024-05-01T08:00:00.000Z');
    const jumps = [0, YEAR, -YEAR, -YEAR, 2 * YEAR, -3 * YEAR, 0, YEAR, -YEAR, 0, 0, YEAR, -2 * YEAR];
    const b = createAutoBackup({ userData: tmp, now: () => new Date((t += 1000)) });
    for (let i = 0; i < jumps.length; i++) {
      t += jumps[i];
      const r = await b.write(file(i + 1));
      expect(r.ok && fs.existsSync(r.file)).toBe(true);
      expect(noteIn(((await b.readLatest()) as { json: string }).json)).toEqual([`a${i + 1}`]);
    }
    const kept = sortBackups(names()).flatMap((n) => noteIn(fs.readFileSync(path.join(dir(), n), 'utf8')));
    expect(kept).toEqual(['a13', 'a12', 'a11', 'a10', 'a9', 'a8', 'a7', 'a6', 'a5', 'a4']);
  });
});

describe('wrong clocks and the copies kept before a loss', () => {
  it('three before-loss copies named a year ahead: the copy kept for a new loss is not removed at once', async () => {
    fs.mkdirSync(dir(), { recursive: true });
    for (const t of ['20250501T080000000Z', '20250501T080001000Z', '20250501T080002000Z']) fs.writeFileSync(path.join(dir(), `annotations-before-loss-${t}.json`), file(50));
    const b = createAutoBackup({ userData: tmp, now });
    await b.write(serializeAnnotationFile(Array.from({ length: 12 }, (_, i) => testAnnotation({ note: `k${i}` })), '2024-05-01T08:00:00.000Z'));
    await b.write(file(1));
    const copies = names().filter((n) => n.startsWith('annotations-before-loss-'));
    expect(copies).toHaveLength(3);
    expect(copies.map((n) => noteIn(fs.readFileSync(path.join(dir(), n), 'utf8')).length)).toContain(12);
  });
});

describe('names and order', () => {
  it('the restore offer says when the backup was written (the time in its name)', async () => {
    const b = createAutoBackup({ userData: tmp, now: () => new Date('2024-05-01T08:09:10.123Z') });
    await b.write(file(1));
    expect(await b.readLatest()).toMatchObject({ ok: true, savedAt: '2024-05-01T08:09:10.123Z' });
  });

  it('sequence numbers order numerically; names of earlier versions come after, by time then counter; other names are not backups', () => {
    const names = [
      'annotations-20240101T000000000Z-10.json',
      'annotations-n1-20100101T000000000Z.json',
      'xannotations-20250101T000000000Z.json',
      'annotations-20240101T000000000Z-2.json',
      'annotations-20240101T000000000Z.json',
      'annotations-n9-20300101T000000000Z.json',
      'annotations-20240101T000000000Z-1.json',
      'annotations-n12-20200101T000000000Z.json',
      'annotations-20230101T000000000Z.json',
      'annotations-n10-20250101T000000000Z.json',
      'xannotations-n99-20200101T000000000Z.json',
      'annotations-n98-20200101T000000000Z.json.bak',
      'annotations-20990101T000000000Z.json~',
      'annotations-20990101T000000000Z-x.json',
      'annotations-before-loss-n97-20200101T000000000Z.json',
    ];
    const expected = [
      'annotations-n12-20200101T000000000Z.json',
      'annotations-n10-20250101T000000000Z.json',
      'annotations-n9-20300101T000000000Z.json',
      'annotations-n1-20100101T000000000Z.json',
      'annotations-20240101T000000000Z-10.json',
      'annotations-20240101T000000000Z-2.json',
      'annotations-20240101T000000000Z-1.json',
      'annotations-20240101T000000000Z.json',
      'annotations-20230101T000000000Z.json',
    ];
    expect(sortBackups(names)).toEqual(expected);
    // A folder lists its files in no set order: the same backups in any order sort the same.
    expect(sortBackups([...names].reverse())).toEqual(expected);
    const rnd = mulberry32(7);
    for (let round = 0; round < 20; round++) {
      const shuffled = [...names];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = Math.floor(rnd() * (i + 1));
        [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
      }
      expect(sortBackups(shuffled)).toEqual(expected);
    }
  });

  it('pruning copies kept before a loss removes only this app\'s own copies, oldest sequence first', async () => {
    fs.mkdirSync(dir(), { recursive: true });
    const foreign = ['my-annotations-before-loss-20200101T000000000Z.json', 'annotations-before-loss-20200101T000000000Z.json.bak', 'annotations-before-loss-n1-20200101T000000000Z.json~'];
    for (const f of foreign) fs.writeFileSync(path.join(dir(), f), 'not ours');
    // Copies of earlier runs: sequences 9 and 12 (12 is newer although its time is older).
    fs.writeFileSync(path.join(dir(), 'annotations-before-loss-n9-20300101T000000000Z.json'), file(1));
    fs.writeFileSync(path.join(dir(), 'annotations-before-loss-n12-20200101T000000000Z.json'), file(1));
    fs.writeFileSync(path.join(dir(), 'annotations-n12-20200101T000000000Z.json'), serializeAnnotationFile(Array.from({ length: 10 }, () => testAnnotation({})), '2024-05-01T08:00:00.000Z'));
    const b = createAutoBackup({ userData: tmp, now });
    await b.write(file(2)); // a loss: copy n13 is kept
    await b.write(serializeAnnotationFile(Array.from({ length: 10 }, () => testAnnotation({})), '2024-05-01T08:00:00.000Z'));
    await b.write(file(3)); // another loss: copy n15; three copies at most
    const copies = names().filter((n) => /^annotations-before-loss-n\d+-\d{8}T\d{9}Z\.json$/.test(n));
    expect(copies.map((n) => n.split('-')[3]).sort()).toEqual(['n12', 'n13', 'n15']);
    for (const f of foreign) expect(fs.existsSync(path.join(dir(), f)), f).toBe(true);
  });

  it('a backup file with a byte-order mark is read without it', async () => {
    fs.mkdirSync(dir(), { recursive: true });
    fs.writeFileSync(path.join(dir(), 'annotations-n1-20240101T000000000Z.json'), `\uFEFF${file(1)}`);
    const b = createAutoBackup({ userData: tmp, now });
    expect(await b.readLatest()).toMatchObject({ ok: true, json: file(1) });
  });

  it('the next write continues the sequence found in the folder', async () => {
    fs.mkdirSync(dir(), { recursive: true });
    fs.writeFileSync(path.join(dir(), 'annotations-n41-20240101T000000000Z.json'), file(1));
    const b = createAutoBackup({ userData: tmp, now });
    const r = await b.write(file(2));
    expect(r.ok && path.basename(r.file)).toMatch(/^annotations-n42-/);
  });

  it('of four copies kept before losses, the three newest by sequence stay (earlier versions\' copies go first)', async () => {
    fs.mkdirSync(dir(), { recursive: true });
    fs.writeFileSync(path.join(dir(), 'annotations-before-loss-20990101T000000000Z.json'), file(1));
    const b = createAutoBackup({ userData: tmp, now });
    const many = (n: number, tag: string) => serializeAnnotationFile(Array.from({ length: n }, (_, i) => testAnnotation({ note: `${tag}${i}` })), '2024-05-01T08:00:00.000Z');
    for (let round = 0; round < 3; round++) {
      await b.write(many(10, `r${round}-`));
      await b.write(many(1, `s${round}-`));
    }
    const copies = names().filter((n) => n.startsWith('annotations-before-loss-'));
    expect(copies).toHaveLength(3);
    expect(copies.every((n) => /^annotations-before-loss-n\d+-/.test(n))).toBe(true);
  });
});

describe('isMassLoss', () => {
  it('at least 5 gone and fewer than half left', () => {
    expect(isMassLoss(10, 4)).toBe(true);
    expect(isMassLoss(9, 4)).toBe(true);
    expect(isMassLoss(10, 5)).toBe(false); // half left
    expect(isMassLoss(8, 3)).toBe(true);
    expect(isMassLoss(8, 4)).toBe(false); // 4 gone, half left
    expect(isMassLoss(6, 2)).toBe(false); // only 4 gone
    expect(isMassLoss(5, 0)).toBe(true);
    expect(isMassLoss(4, 0)).toBe(false);
    expect(isMassLoss(100, 60)).toBe(false);
  });
});

describe('what a backup must be (issue 16, item 9)', () => {
  it('a newest file in the right format but with an invalid entry does not hide the older good one', async () => {
    const b = createAutoBackup({ userData: tmp, now });
    await b.write(file(1));
    const junk = JSON.stringify({ format: 'policy-reader/annotations', formatVersion: 1, exported: '', annotations: [{ id: 'x' }] });
    fs.writeFileSync(path.join(dir(), 'annotations-n999-29990101T000000000Z.json'), junk);
    fs.writeFileSync(path.join(dir(), 'annotations-29990101T000000000Z.json'), junk);
    expect(await b.readLatest()).toMatchObject({ ok: true, json: file(1) });
  });

  it('autobackup:write refuses what an import would refuse (an invalid entry, a newer format), and writes nothing', async () => {
    const b = createAutoBackup({ userData: tmp, now });
    const bad = [
      JSON.stringify({ format: 'policy-reader/annotations', formatVersion: 1, exported: '', annotations: [{ id: 'x' }] }),
      JSON.stringify({ format: 'policy-reader/annotations', formatVersion: 99, exported: '', annotations: [] }),
      file(1).replace('"2024-05-01T08:00:00.000Z"', '"yesterday"'),
    ];
    for (const json of bad) expect(await b.write(json)).toMatchObject({ ok: false, code: 'invalid' });
    expect(fs.existsSync(dir())).toBe(false);
  });
});

describe('permissions (issue 16, item 13)', () => {
  it.skipIf(process.platform === 'win32')('new backups and before-loss copies are readable by their owner only (0600)', async () => {
    const b = createAutoBackup({ userData: tmp, now });
    const many = (n: number) => serializeAnnotationFile(Array.from({ length: n }, () => testAnnotation({})), '2024-05-01T08:00:00.000Z');
    await b.write(many(10));
    await b.write(many(1));
    expect(names().some((n) => n.startsWith('annotations-before-loss-'))).toBe(true);
    for (const n of names()) expect((fs.statSync(path.join(dir(), n)).mode & 0o777).toString(8), n).toBe('600');
  });
});

describe('mass loss', () => {
  const many = (n: number, tag: string) => serializeAnnotationFile(Array.from({ length: n }, (_, i) => testAnnotation({ note: `${tag}${i}` })), '2024-05-01T08:00:00.000Z');

  it('when most annotations vanish at once, the last full backup is kept aside where rotation never prunes it', async () => {
    const b = createAutoBackup({ userData: tmp, now });
    await b.write(many(40, 'x'));
    await b.write(many(1, 'y')); // e.g. 暂不恢复, then one new highlight
    for (let i = 0; i < 12; i++) await b.write(many(1, `z${i}`));
    const kept = names().filter((n) => n.startsWith('annotations-before-loss-'));
    expect(kept).toHaveLength(1);
    expect(JSON.parse(fs.readFileSync(path.join(dir(), kept[0]), 'utf8')).annotations).toHaveLength(40);
    expect(names().filter((n) => !n.startsWith('annotations-before-loss-'))).toHaveLength(10);
    // The restore offer still reads the newest rotating backup, not the copy.
    expect(noteIn(((await b.readLatest()) as { json: string }).json)).toEqual(['z110']);
  });

  it('ordinary deletions keep nothing aside', async () => {
    const b = createAutoBackup({ userData: tmp, now });
    await b.write(many(10, 'x'));
    await b.write(many(7, 'x'));
    await b.write(many(4, 'x'));
    expect(names().some((n) => n.startsWith('annotations-before-loss-'))).toBe(false);
  });
});

describe('holdQuitForBackup', () => {
  it('holds the quit until the write in progress finished, then quits once', async () => {
    const listeners: ((e: { preventDefault(): void }) => void)[] = [];
    let quits = 0;
    let prevented = 0;
    const app = { on: (_e: 'will-quit', l: (e: { preventDefault(): void }) => void) => listeners.push(l), quit: () => quits++ };
    let finish!: () => void;
    const idle = new Promise<void>((r) => (finish = r));
    holdQuitForBackup(app, { idle: () => idle });
    listeners[0]({ preventDefault: () => prevented++ });
    expect(prevented).toBe(1);
    await new Promise((r) => setTimeout(r, 10));
    expect(quits).toBe(0);
    finish();
    await new Promise((r) => setTimeout(r, 0));
    expect(quits).toBe(1);
    listeners[0]({ preventDefault: () => prevented++ }); // the second will-quit goes through
    expect(prevented).toBe(1);
  });

  it('quits anyway after the time limit', async () => {
    const listeners: ((e: { preventDefault(): void }) => void)[] = [];
    let quits = 0;
    holdQuitForBackup({ on: (_e, l) => listeners.push(l), quit: () => quits++ }, { idle: () => new Promise(() => {}) }, () => {}, 20);
    listeners[0]({ preventDefault: () => {} });
    await new Promise((r) => setTimeout(r, 50));
    expect(quits).toBe(1);
  });
});
