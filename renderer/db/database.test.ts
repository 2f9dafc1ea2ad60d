import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ReaderDatabase } from './database';
import { MIGRATIONS, type Migration } from './migrations';
import { DEFAULT_SETTINGS } from './records';

let n = 0;
const open: ReaderDatabase[] = [];
function fresh(name = `t${n++}`, ...rest: ConstructorParameters<typeof ReaderDatabase> extends [unknown, ...infer R] ? R : never) {
  const d = new ReaderDatabase(name, ...rest);
  open.push(d);
  return d;
}
afterEach(async () => {
  for (const d of open.splice(0)) await d.delete();
});

describe('ReaderDatabase', () => {
  it('returns defaults on an empty database and persists settings', async () => {
    const d = fresh();
    expect(await d.getSettings()).toEqual(DEFAULT_SETTINGS);
    await d.setTheme('dark');
    await d.setFontSize(99);
    expect(await d.getSettings()).toEqual({ theme: 'dark', fontSize: 28 });
  });

  it('ignores corrupt settings rows', async () => {
    const d = fresh();
    await d.settings.bulkPut([
      { key: 'theme', value: 'purple' },
      { key: 'fontSize', value: 'big' },
    ]);
    expect(await d.getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('stores one position per document and validates it on read', async () => {
    const d = fresh();
    expect(await d.getPosition('a')).toBeNull();
    await d.savePosition('a', 'a~ch1.ar3', 120.6);
    await d.savePosition('a', 'a~ch1.ar4', 240);
    const p = await d.getPosition('a');
    expect(p).toMatchObject({ docId: 'a', unitId: 'a~ch1.ar4', scrollTop: 240 });
    expect(await d.positions.count()).toBe(1);
    await d.positions.put({ docId: 'b', unitId: 'a~x', scrollTop: -5, updatedAt: NaN });
    expect(await d.getPosition('b')).toEqual({ docId: 'b', unitId: null, scrollTop: 0, updatedAt: 0 });
  });

  it('runs a named upgrade when a later version is added', async () => {
    const name = `up${n++}`;
    const v1 = fresh(name, 1);
    await v1.savePosition('a', 'a~o1', 10);
    v1.close();
    const calls: string[] = [];
    const withV2: Migration[] = [
      // This test's own history: the shipped v1, then a made-up v2.
      ...MIGRATIONS.slice(0, 1),
      {
        version: 2,
        stores: { ...MIGRATIONS[0].stores, bookmarks: '++id, docId' },
        upgrade: async function addBookmarksFromPositions(tx) {
          calls.push('addBookmarksFromPositions');
          const positions = await tx.table('positions').toArray();
          await tx.table('bookmarks').bulkAdd(positions.map((p) => ({ docId: p.docId, unitId: p.unitId })));
        },
      },
    ];
    const v2 = fresh(name, 2, withV2);
    expect(await v2.table('bookmarks').toArray()).toMatchObject([{ docId: 'a', unitId: 'a~o1' }]);
    expect(await v2.getPosition('a')).toMatchObject({ unitId: 'a~o1' });
    expect(calls).toEqual(['addBookmarksFromPositions']);
  });
});
