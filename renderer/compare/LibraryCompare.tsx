import type { DocSummary } from '../../core/corpus/types';
import { navigate } from '../hooks/useRoute';
import './compare.css';
import { clearSelected, MAX_COMPARED, toggleSelected, useRefused, useSelected } from './selection';

const NOTICE_ID = 'compare-notice';

/** Checkbox on a library row: choose it as one of the two documents to compare. */
export function CompareCheckbox({ doc }: { doc: DocSummary }) {
  const selected = useSelected();
  const full = selected.length >= MAX_COMPARED && !selected.includes(doc.id);
  return (
    <input
      type="checkbox"
      className="compare-pick"
      checked={selected.includes(doc.id)}
      onChange={(e) => toggleSelected(doc.id, e.target.checked)}
      aria-label={`选择《${doc.title}》用于比较`}
      title={full ? '已选两篇：请先取消其中一篇' : '选择用于比较'}
      aria-describedby={full ? NOTICE_ID : undefined}
    />
  );
}

/** Says why a third tick was not taken (no silent untick of the first). */
export function CompareNotice() {
  const refused = useRefused();
  return (
    <p id={NOTICE_ID} className="compare-notice" role="status" aria-live="polite">
      {refused && `一次只能比较两篇：已选两篇。要换一篇，请先取消勾选其中一篇。`}
    </p>
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
