import { describe, expect, it } from 'vitest';
import { type ReanchorResult, reanchor } from './anchor';
import { testAnnotation, testDoc } from '../../test-support/annotation-fixtures';
import { onlyCorpusChanged } from './reanchor-all';
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
