import type { PolicyDocument, Unit } from '../../core/corpus/types';
import { reattach } from './actions';
import { useAllAnnotations } from './hooks';
import type { SelectionSpan } from './dom';
import { setPendingReattach, usePendingReattach } from './reattach';

interface Props {
  doc: PolicyDocument;
  selection: SelectionSpan | null;
  unitOf(id: string): Unit | null;
  onDone(message: string): void;
}

/** While an orphan waits to be re-attached: what to do, and 确认重新定位 once words are selected. */
export function ReattachBanner(props: Props) {
  const pending = usePendingReattach();
  return pending ? <Banner {...props} /> : null;
}

function Banner({ doc, selection, unitOf, onDone }: Props) {
  const pending = usePendingReattach()!;
  const all = useAllAnnotations();
  const annotation = all?.find((a) => a.id === pending.id);
  const confirm = async () => {
    const unit = selection ? unitOf(selection.unitId) : null;
    if (!annotation || !unit || !selection) return;
    if ((await reattach(annotation.id, { doc, unit, range: { start: selection.start, end: selection.end } })).ok) {
      setPendingReattach(null);
      window.getSelection()?.removeAllRanges();
      onDone('已重新定位');
    }
  };
  return (
    <div className="reattach-banner" role="region" aria-label="重新定位" data-annot-ui="" onMouseDown={(e) => e.target instanceof HTMLButtonElement && e.preventDefault()}>
      <span>
        重新定位「{pending.quote || pending.title}」：在正文中选择它对应的文字，然后确认。
        {all && !annotation && '（该标注已不存在）'}
      </span>
      <button type="button" className="primary" disabled={!selection || !annotation} onClick={() => void confirm()}>
        确认重新定位
      </button>
      <button type="button" onClick={() => setPendingReattach(null)}>
        取消
      </button>
    </div>
  );
}
