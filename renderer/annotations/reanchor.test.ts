/**
 * The startup pass on a real rebuilt corpus: annotations made on the original
 * raw file, the file edited and rebuilt, the pass run against the database.
 */
import 'fake-indexeddb/auto';
import { sha256Hex } from '../../test-support/sha256';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { unitBodyText } from '../../core/annotations/anchor';
import { allUnits } from '../../core/corpus/units';
import { newAnnotation, updateAnnotation } from '../../core/annotations/create';
import { quoteOf } from '../../core/annotations/model';
import { buildCorpus } from '../../core/corpus/build';
import type { PolicyDocument } from '../../core/corpus/types';
import { ReaderDatabase } from '../db/database';
import { reanchorAll } from './reanchor';

const RAW = fs.readFileSync(path.resolve(__dirname, '../../resources/corpus/raw/001_3ae65a0b828b041b.txt'), 'utf8');
const build = (text: string) => buildCorpus([{ name: '001.txt', bytes: new TextEncoder().encode(text) }], sha256Hex).docs;

const open: ReaderDatabase[] = [];
afterEach(async () => {
  for (const d of open.splice(0)) await d.delete();
});

describe('reanchorAll', () => {
  it("reads the corpus's contentHash (its manifest) only when there are annotations to check", async () => {
    // The manifest as the page would fetch it (1.8 MB at 10,007 documents, for this one field).
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => (fetched.push(url), new Response(JSON.stringify({ contentHash: 'v1' }), { status: 200 })));
    try {
      const database = new ReaderDatabase(`empty${Date.now()}`);
      open.push(database);
      const none = await reanchorAll({ database, library: [], loadDoc: async () => null });
      expect(none).toMatchObject({ changes: [], counts: { kept: 0, moved: 0, fuzzy: 0, orphaned: 0 }, written: 0 });
      expect(fetched).toEqual([]);

      // One annotation, made on the corpus being served: the manifest is read, and nothing needs re-anchoring.
      const [doc] = build(RAW);
      await database.putAnnotation(newAnnotation({ motivation: 'bookmarking', doc, unit: allUnits(doc.units)[0], contentHash: 'v1', now: '2024-05-01T00:00:00Z' }));
      const one = await reanchorAll({ database, library: [], loadDoc: async () => null });
      expect(fetched).toEqual(['corpus/manifest.json']);
      expect(one).toMatchObject({ changes: [], written: 0 });
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('re-anchors what was made on another corpus version, marks orphans, finds a document whose id changed', async () => {
    const [orig] = build(RAW);
    const unit = allUnits(orig.units).find((u) => unitBodyText(u).includes('切实增强小'))!;
    const start = unitBodyText(unit).indexOf('切实增强小');
    const mk = (q: string, s: number, u = unit) =>
      newAnnotation({ motivation: 'highlighting', doc: orig, unit: u, range: { start: s, end: s + q.length }, contentHash: 'v1', now: '2024-05-01T00:00:00Z' });
    const moved = mk('切实增强小', start);
    const gone = mk(unitBodyText(unit).slice(0, 6), 0);
    const current = { ...mk('切实增强小', start), target: { ...moved.target, 'policyReader:contentHash': 'v2' } };

    // The new corpus: the first words of the clause rewritten and a sentence inserted before the highlight.
    // (Inserting the sentence inside the first six characters, as this test once did, leaves them a close
    // match with both sides of their context: now a flagged approximate placement, not an orphan.)
    const opening = unitBodyText(unit).slice(0, 6);
    expect(RAW.includes(`(一)${opening}`)).toBe(true);
    const edited = RAW.replace(`(一)${opening}`, '(一)完全不同的开头。新增的一句话。');
    const [next] = build(edited);
    expect(next.id).toBe(orig.id);

    const database = new ReaderDatabase(`re${Date.now()}`);
    open.push(database);
    for (const a of [moved, gone, current]) await database.putAnnotation(a);
    const loads: string[] = [];
    const docs = new Map<string, PolicyDocument>([[next.id, next]]);
    const r = await reanchorAll({ database, contentHash: 'v2', library: [next], loadDoc: async (id) => (loads.push(id), docs.get(id) ?? null) });
    expect(loads).toEqual([next.id]); // each document loaded once
    expect(r.counts).toEqual({ kept: 0, moved: 1, fuzzy: 0, orphaned: 1 });
    expect(r.written).toBe(2);
    const after = await database.getAnnotation(moved.id);
    expect(after!.target['policyReader:contentHash']).toBe('v2');
    expect(quoteOf(after!)!.exact).toBe('切实增强小');
    const orphan = await database.getAnnotation(gone.id);
    expect(orphan!['policyReader:orphaned']).toBe(true);
    expect(quoteOf(orphan!)!.exact).toBe(quoteOf(gone)!.exact);
    expect(await database.getAnnotation(current.id)).toEqual(current); // already on v2: untouched

    // A second pass: the orphan is tried again but nothing new is written.
    const again = await reanchorAll({ database, contentHash: 'v2', library: [next], loadDoc: async (id) => docs.get(id) ?? null });
    expect(again.written).toBe(0);

    // The document's id changed (a corrected title): found again by its title.
    const renamed = { ...next, id: 'pnewid000000' };
    const lib = [{ id: renamed.id, title: renamed.title, docNumber: renamed.docNumber }];
    const third = await reanchorAll({ database, contentHash: 'v3', library: lib, loadDoc: async (id) => (id === renamed.id ? renamed : null) });
    expect(third.counts.orphaned).toBe(1);
    expect((await database.getAnnotation(moved.id))!.target['policyReader:document'].id).toBe('pnewid000000');
  });

  it('annotations still exactly in place are remembered as checked, not rewritten; an edit makes them checked again', async () => {
    const [doc] = build(RAW);
    const units = allUnits(doc.units).filter((u) => unitBodyText(u).length > 20);
    const list = units.slice(0, 3).map((u) =>
      newAnnotation({ motivation: 'highlighting', doc, unit: u, range: { start: 2, end: 12 }, contentHash: 'v1', now: '2024-05-01T00:00:00Z' }),
    );
    const database = new ReaderDatabase(`kept${Date.now()}`);
    open.push(database);
    for (const a of list) await database.putAnnotation(a);
    const pass = (hash: string) => reanchorAll({ database, contentHash: hash, library: [doc], loadDoc: async () => doc });

    const first = await pass('v2'); // the same text under a new corpus stamp
    expect(first.counts).toEqual({ kept: 3, moved: 0, fuzzy: 0, orphaned: 0 });
    expect(first.written).toBe(0);
    for (const a of list) expect(await database.getAnnotation(a.id)).toEqual(a); // stored as they were

    expect((await pass('v2')).counts).toEqual({ kept: 0, moved: 0, fuzzy: 0, orphaned: 0 }); // nothing left to check

    const edited = updateAnnotation(list[1], { note: '用户后来写的' }, '2030-01-01T00:00:00.000Z');
    await database.putAnnotation(edited);
    const afterEdit = await pass('v2');
    expect(afterEdit.counts.kept).toBe(1);
    expect(afterEdit.changes.map((c) => c.before.id)).toEqual([edited.id]);
    expect(await database.getAnnotation(edited.id)).toEqual(edited);

    expect((await pass('v3')).counts.kept).toBe(3); // another corpus: every one is checked again
  });
});
