import type { Unit } from '../../core/corpus/types';
import { useDocBookmark, useReaderAnnotationStore, useUnitAnnotationState } from './readerState';

/**
 * The clause's own annotation controls, beside 复制引用: bookmark it without selecting text; its notes.
 * `name` is how the clause is called (第十一条第二款: a 款 label is never shown, but it names the control).
 */
export function UnitControls({ unit, name }: { unit: Pick<Unit, 'id'>; name: string }) {
  const s = useUnitAnnotationState(unit.id);
  const { actions } = useReaderAnnotationStore();
  return (
    <span className="unit-annot" data-annot-ui="">
      {s.notes > 0 && (
        <button type="button" className="unit-notes" onClick={() => actions.openUnitNotes(unit.id)} aria-label={`笔记：${name}（${s.notes}条）`} title="查看本条笔记">
          注{s.notes > 1 ? s.notes : ''}
        </button>
      )}
      <button
        type="button"
        className={s.bookmark ? 'unit-bookmark on' : 'unit-bookmark'}
        onClick={() => actions.toggleUnitBookmark(unit.id)}
        aria-pressed={s.bookmark !== null}
        aria-label={`书签：${name}`}
        title={s.bookmark ? '取消书签' : '为本条加书签（b）'}
      >
        {s.bookmark ? '★' : '☆'}
      </button>
    </span>
  );
}

/** 书签 for the whole document, in its header. */
export function DocBookmarkButton() {
  const b = useDocBookmark();
  const { actions } = useReaderAnnotationStore();
  return (
    <button type="button" className={b ? 'doc-bookmark on' : 'doc-bookmark'} onClick={() => actions.toggleDocBookmark()} aria-pressed={b !== null} aria-label="书签：本文" title={b ? '取消本文书签' : '为本文加书签'}>
      {b ? '★ 已加书签' : '☆ 书签'}
    </button>
  );
}
