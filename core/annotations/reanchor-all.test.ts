import { describe, expect, it } from 'vitest';
import { type ReanchorResult, reanchor } from './anchor';
import { testAnnotation, testDoc } from '../../test-support/annotation-fixtures';
import { onlyCorpusChanged, reanchorMany } from './reanchor-all';
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
