import { describe, expect, it } from 'vitest';
import { type ReanchorResult, reanchor } from './anchor';
import { testAnnotation, testDoc } from '../../test-support/annotation-fixtures';
import { findDocId, onlyCorpusChanged, reanchorMany } from './reanchor-all';
import { testDocument, testUnit } from '../../test-support/doc-fixtures';
import { CancellationTokenSource, isCancelled } from '../util/cancellation';
import type { Annotation } from './model';

const change = (before: Annotation, r: ReanchorResult) => ({ before, after: r.annotation, status: r.status });

describe('onlyCorpusChanged', () => {
  it('is true only when re-anchoring changed nothing but the corpus stamp', () => {
    const doc = testDoc('pdoc9', ['为了规范管理，制定本办法。']);
    const a = testAnnotation({ doc, quote: '规范管理' });
    const same = reanchor(a, doc, 'v-next');
    expect(same.status).toBe('kept');
    expect(onlyCorpusChanged(change(a, same))).toBe(true);

    // Still in place, but the words after it changed: the stored suffix is the user's evidence and stays, so nothing but the stamp changed.
    const suffixChanged = reanchor(a, testDoc('pdoc9', ['为了规范管理，特制定本办法。']), 'v-next');
    expect(suffixChanged.status).toBe('kept');
    expect(onlyCorpusChanged(change(a, suffixChanged))).toBe(true);
    // Moved within the clause: the position is rewritten.
    const shifted = reanchor(a, testDoc('pdoc9', ['第一句。为了规范管理，制定本办法。']), 'v-next');
    expect(shifted.status).toBe('moved');
    expect(onlyCorpusChanged(change(a, shifted))).toBe(false);

    expect(onlyCorpusChanged(change(a, reanchor(a, { ...doc, title: '新标题' }, 'v-next')))).toBe(false);
    expect(onlyCorpusChanged(change(a, reanchor(a, null, 'v-next')))).toBe(false);
    // A title of the same length, a number, a field only one side has: each is a change; a field set to undefined is none.
    expect(onlyCorpusChanged(change(a, reanchor(a, { ...doc, title: '测试文件pdoc0' }, 'v-next')))).toBe(false);
    expect(onlyCorpusChanged(change(a, reanchor(a, { ...doc, docNumber: '青政发〔2020〕1号' }, 'v-next')))).toBe(false);
    const shiftedBy = (n: number): Annotation => ({ ...a, target: { ...a.target, selector: a.target.selector!.map((x) => (x.type === 'TextPositionSelector' ? { ...x, end: x.end + n } : x)) } });
    expect(onlyCorpusChanged({ before: a, after: shiftedBy(1), status: 'kept' })).toBe(false);
    expect(onlyCorpusChanged({ before: a, after: { ...a, 'policyReader:orphaned': undefined }, status: 'kept' })).toBe(true);
    expect(onlyCorpusChanged({ before: a, after: { ...a, 'policyReader:orphaned': true }, status: 'kept' })).toBe(false);
    expect(onlyCorpusChanged({ before: a, after: { ...a, body: { 0: a.body[0] } as never }, status: 'kept' })).toBe(false);
    // Only a kept annotation can be left unstored.
    expect(onlyCorpusChanged({ before: a, after: a, status: 'moved' })).toBe(false);
  });
});

describe('reanchorMany is cancellable (issue 19, spot 9)', () => {
  const doc = testDoc('pdoc8', ['为了规范管理，制定本办法。', '第二段文字。']);
  const list = [testAnnotation({ doc, quote: '规范管理' }), testAnnotation({ doc, quote: '第二段' })];
  const library = [{ id: doc.id, title: doc.title, docNumber: doc.docNumber }];

  it('runs to the end with a token nobody cancels', async () => {
    const source = new CancellationTokenSource();
    const r = await reanchorMany(list, 'v2', library, async () => doc, source.token);
    expect(r.counts.kept).toBe(2);
  });

  it('a pass cancelled while its documents load stops with a cancellation and reports nothing', async () => {
    const source = new CancellationTokenSource();
    const err = await reanchorMany(list, 'v2', library, async () => (source.cancel(), doc), source.token).catch((e: unknown) => e);
    expect(isCancelled(err)).toBe(true);
  });
});

describe('reanchorMany after a rebuild', () => {
  const doc = testDocument('pnew', [testUnit('pnew', 'ar1', 'article', '第一条', ['为了规范管理，制定本办法。'])], { title: '青岛市政务服务管理办法', docNumber: '青政发〔2020〕1号' });
  const summary = { id: doc.id, title: doc.title, docNumber: doc.docNumber };
  const madeOn = (id: string, title: string, docNumber: string | null) => {
    const a = testAnnotation({ doc: testDoc(id, ['为了规范管理，制定本办法。'], title), quote: '规范管理' });
    return { ...a, target: { ...a.target, 'policyReader:document': { id, title, docNumber } } };
  };
  const load = async (id: string) => (id === doc.id ? doc : null);
  const stamped = (a: Annotation, hash: string): Annotation => ({ ...a, target: { ...a.target, 'policyReader:contentHash': hash } });

  it('finds a document whose id changed by its 文号, else by its title when only one document has it', () => {
    expect(findDocId(madeOn('pnew', '旧标题', null), [summary])).toBe('pnew');
    expect(findDocId(madeOn('pold', '青岛市政务服务管理暂行办法', '青政发〔2020〕1号'), [summary])).toBe('pnew');
    expect(findDocId(madeOn('pold', '青岛市政务服务管理办法', null), [summary])).toBe('pnew');
    // A 文号 no document has: the title still finds it.
    expect(findDocId(madeOn('pold', '青岛市政务服务管理办法', '青政发〔2019〕9号'), [summary])).toBe('pnew');
    // Two documents with that title, or with that 文号 and neither title: nothing is guessed.
    const twin = { id: 'ptwin', title: doc.title, docNumber: doc.docNumber };
    expect(findDocId(madeOn('pold', '青岛市政务服务管理办法', null), [summary, twin])).toBeNull();
    expect(findDocId(madeOn('pold', '别的标题', '青政发〔2020〕1号'), [summary, twin])).toBeNull();
    expect(findDocId(madeOn('pold', '别的标题', null), [summary])).toBeNull();
    // The same id wins over look-alikes; a missing 文号 matches no document that lacks one too; another 文号 is no match.
    expect(findDocId(madeOn('pnew', doc.title, doc.docNumber), [twin, summary])).toBe('pnew');
    expect(findDocId(madeOn('pold', '别的标题', null), [{ ...summary, docNumber: null }])).toBeNull();
    expect(findDocId(madeOn('pold', '别的标题', '青政发〔2019〕9号'), [summary])).toBeNull();
  });

  it('places annotations on a renamed document, counts each outcome, and leaves alone what needs nothing', async () => {
    const renamed = madeOn('pold', '青岛市政务服务管理暂行办法', '青政发〔2020〕1号');
    const current = stamped(madeOn('pnew', doc.title, doc.docNumber), 'v2');
    const gone = madeOn('pgone', '已废止的办法', null);
    const r = await reanchorMany([renamed, current, gone], 'v2', [summary], load);
    expect(r.counts).toEqual({ kept: 0, moved: 1, fuzzy: 0, orphaned: 1 });
    expect(r.changes.map((c) => [c.before.id, c.status])).toEqual([
      [renamed.id, 'moved'],
      [gone.id, 'orphaned'],
    ]);
    const placed = r.changes[0].after;
    expect(placed.target['policyReader:document'].id).toBe('pnew');
    expect(placed.target['policyReader:contentHash']).toBe('v2');
    expect(r.changes[1].after['policyReader:orphaned']).toBe(true);
  });

  it('an orphan that stays an orphan is counted but not reported as a change; one whose document comes back is', async () => {
    const orphan = { ...madeOn('pgone', '已废止的办法', null), 'policyReader:orphaned': true as const };
    const stays = await reanchorMany([orphan], 'v2', [summary], load);
    expect(stays).toEqual({ changes: [], counts: { kept: 0, moved: 0, fuzzy: 0, orphaned: 1 } });
    // Made on this very corpus and orphaned since: still tried again.
    const back = { ...madeOn('pnew', doc.title, doc.docNumber), 'policyReader:orphaned': true as const };
    const r = await reanchorMany([stamped(back, 'v2')], 'v2', [summary], load);
    expect(r.counts.kept).toBe(1);
    expect(r.changes[0].after['policyReader:orphaned']).toBeUndefined();
  });

  it('a document that fails to load orphans its annotations and spares the others', async () => {
    const other = testDocument('pother', [testUnit('pother', 'ar1', 'article', '第一条', ['第二份文件的正文。'])]);
    const onOther = testAnnotation({ doc: other, quote: '第二份' });
    const r = await reanchorMany([madeOn('pnew', doc.title, doc.docNumber), onOther], 'v2', [summary, { id: other.id, title: other.title, docNumber: null }], async (id) => {
      if (id === 'pnew') throw new Error('读取失败');
      return other;
    });
    expect(r.changes.map((c) => c.status)).toEqual(['orphaned', 'kept']);
  });
});
