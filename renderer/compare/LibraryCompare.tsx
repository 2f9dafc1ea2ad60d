import type { DocSummary } from '../../core/corpus/types';
import { navigate } from '../hooks/useRoute';
import { clearSelected, toggleSelected, useSelected } from './selection';

/** Checkbox on a library row: choose it as one of the two documents to compare. */
export function CompareCheckbox({ doc }: { doc: DocSummary }) {
  const selected = useSelected();
  return (
    <input type="checkbox" className="compare-pick" checked={selected.includes(doc.id)} onChange={(e) => toggleSelected(doc.id, e.target.checked)} aria-label={`选择《${doc.title}》用于比较`} />
  );
}

/** 比较 in the library toolbar: enabled with two rows chosen. */
export function CompareButton() {
  const selected = useSelected();
  const ready = selected.length === 2;
  return (
    <button
      type="button"
      className="compare-button"
      disabled={!ready}
      title={ready ? '并排比较所选两篇' : '勾选两篇文档后比较'}
      onClick={() => {
        if (!ready) return;
        const [a, b] = selected;
        clearSelected();
        navigate({ name: 'compare', a, b });
      }}
    >
      比较{selected.length ? `（已选 ${selected.length}）` : ''}
    </button>
  );
}
