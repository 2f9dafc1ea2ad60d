import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { updateAnnotation } from '../../core/annotations/create';
import type { Annotation } from '../../core/annotations/model';
import { testAnnotation } from '../../test-support/annotation-fixtures';
import { ReaderDatabase } from './database';

let n = 0;
const open: ReaderDatabase[] = [];
function fresh() {
  const d = new ReaderDatabase(`ra${n++}`);
  open.push(d);
  return d;
}
afterEach(async () => {
  for (const d of open.splice(0)) await d.delete();
});

/** The fixture stamps every annotation with corpus 'hash1'; this one was anchored on `hash`. */
const on = (a: Annotation, hash: string): Annotation => ({ ...a, target: { ...a.target, 'policyReader:contentHash': hash } });
const orphan = (a: Annotation): Annotation => ({ ...a, 'policyReader:orphaned': true });
const ids = (xs: readonly Annotation[]) => xs.map((a) => a.id).sort();

describe('annotationsNotOn (what a re-anchoring pass must look at)', () => {
  it('returns annotations anchored on another corpus and every orphan, not those already on this corpus', async () => {
    const d = fresh();
    const old = testAnnotation({ note: '旧版本上的' });
    const current = on(testAnnotation({ note: '本版本上的' }), 'hash2');
    const lost = orphan(on(testAnnotation({ note: '找不到了' }), 'hash2'));
    for (const a of [old, current, lost]) await d.putAnnotation(a);
    expect(ids(await d.annotationsNotOn('hash2'))).toEqual(ids([old, lost]));
    expect(ids(await d.annotationsNotOn('hash1'))).toEqual(ids([current, lost]));
  });

  it('skips what the last pass on this corpus found unchanged, until the user edits it or the corpus changes', async () => {
    const d = fresh();
    const a = testAnnotation({ note: 'a' });
    const b = testAnnotation({ note: 'b' });
    await d.putAnnotation(a);
    await d.putAnnotation(b);
    expect(await d.saveReanchored([], { contentHash: 'hash2', annotations: [a] })).toBe(0);
    // Remembered, not rewritten: the stored annotation is exactly what the user had.
    expect(await d.getAnnotation(a.id)).toEqual(a);
    expect(ids(await d.annotationsNotOn('hash2'))).toEqual([b.id]);

    // A second pass adds to what the first remembered on the same corpus.
    await d.saveReanchored([], { contentHash: 'hash2', annotations: [b] });
    expect(await d.annotationsNotOn('hash2')).toEqual([]);

    // The user edits a: its check no longer holds.
    const edited = updateAnnotation(a, { note: '改过' }, '2030-01-01T00:00:00.000Z');
    await d.putAnnotation(edited);
    expect(await d.annotationsNotOn('hash2')).toEqual([edited]);

    // Another corpus: the checks made on hash2 say nothing about it, and a check there forgets hash2's.
    expect(ids(await d.annotationsNotOn('hash3'))).toEqual(ids([edited, b]));
    await d.saveReanchored([], { contentHash: 'hash3', annotations: [b] });
    expect(await d.anchorChecks.count()).toBe(1);
    expect(ids(await d.annotationsNotOn('hash2'))).toEqual(ids([edited, b]));
  });

  it('an orphan is looked at again even when a check remembered it', async () => {
    const d = fresh();
    const lost = orphan(testAnnotation({ note: '找不到了' }));
    await d.putAnnotation(lost);
    await d.saveReanchored([], { contentHash: 'hash2', annotations: [lost] });
    expect(await d.annotationsNotOn('hash2')).toEqual([lost]);
  });

  it('rows written without the index copies (older app) are judged on the annotation itself; corrupt rows are skipped', async () => {
    const d = fresh();
    const plain = testAnnotation({ note: '旧行' });
    const here = on(testAnnotation({ note: '本版本旧行' }), 'hash2');
    const remembered = testAnnotation({ note: '已查过' });
    await d.saveReanchored([], { contentHash: 'hash2', annotations: [remembered] });
    await d.annotations.bulkPut([
      { id: plain.id, annotation: plain } as never,
      { id: here.id, annotation: here } as never,
      { id: remembered.id, annotation: remembered } as never,
      { id: 'urn:uuid:no-target', orphaned: 0, annotation: { ...plain, id: 'urn:uuid:no-target', target: undefined } } as never,
      { id: 'urn:uuid:no-modified', orphaned: 0, annotation: { ...plain, id: 'urn:uuid:no-modified', modified: undefined } } as never,
      { id: 'urn:uuid:nothing' } as never,
      { id: 'urn:uuid:nothing-indexed', orphaned: 0 } as never,
    ]);
    expect(await d.annotationsNotOn('hash2')).toEqual([plain]);
  });
});

describe('saveReanchored', () => {
  it('writes the moved annotations and says how many; nothing to do writes nothing', async () => {
    const d = fresh();
    const a = testAnnotation({ note: 'a' });
    await d.putAnnotation(a);
    expect(await d.saveReanchored([])).toBe(0);
    expect(await d.saveReanchored([], { contentHash: 'hash2', annotations: [] })).toBe(0);
    expect(await d.anchorChecks.count()).toBe(0);
    expect(await d.saveReanchored([{ before: a, after: on(a, 'hash2') }])).toBe(1);
    expect(await d.getAnnotation(a.id)).toEqual(on(a, 'hash2'));
  });

  it('remembers the unchanged ones and writes the moved ones in the same pass', async () => {
    const d = fresh();
    const moved = testAnnotation({ note: 'moved' });
    const stayed = testAnnotation({ note: 'stayed' });
    await d.putAnnotation(moved);
    await d.putAnnotation(stayed);
    expect(await d.saveReanchored([{ before: moved, after: on(moved, 'hash2') }], { contentHash: 'hash2', annotations: [stayed] })).toBe(1);
    expect(await d.annotationsNotOn('hash2')).toEqual([]);
    expect(await d.getAnnotation(stayed.id)).toEqual(stayed);
  });

  it('an annotation deleted meanwhile is not brought back by a pass', async () => {
    const d = fresh();
    const a = testAnnotation({ note: 'a' });
    const b = testAnnotation({ note: 'b' });
    await d.putAnnotation(a);
    await d.putAnnotation(b);
    await d.deleteAnnotation(a.id);
    expect(await d.saveReanchored([a, b].map((x) => ({ before: x, after: on(x, 'hash2') })))).toBe(1);
    expect(await d.allAnnotations()).toEqual([on(b, 'hash2')]);
  });

  it('a large pass (more than the bulk-read threshold) does not bring back a deleted one either', async () => {
    const d = fresh();
    const list = Array.from({ length: 201 }, (_, i) => testAnnotation({ note: `n${i}` }));
    await d.importAnnotations(list);
    await d.deleteAnnotation(list[3].id);
    expect(await d.saveReanchored(list.map((x) => ({ before: x, after: on(x, 'hash2') })))).toBe(200);
    expect(await d.annotationCount()).toBe(200);
    expect(await d.getAnnotation(list[3].id)).toBeNull();
  });
});
