import { needsConfirmation, quoteOf, type Annotation } from '../../core/annotations/model';
import { confirmPlace } from './actions';

/**
 * 位置可能已变化 and 确认 for an annotation that re-anchoring placed on words
 * that only resemble what the user marked (issue 16, item 2). The title shows
 * both: the words marked and the words shown now. Nothing for other annotations.
 */
export function PlacementBadge({ annotation: a }: { annotation: Annotation }) {
  if (!needsConfirmation(a)) return null;
  const approx = a.target['policyReader:approximate']!;
  const marked = quoteOf(a)?.exact ?? '';
  return (
    <span className="annot-approx">
      <span className="annot-approx-badge" title={`标注时的文字：「${marked}」\n现在显示在：「${approx.exact}」`}>
        位置可能已变化
      </span>
      <button type="button" onClick={() => void confirmPlace(a.id)} aria-label={`确认新位置：「${approx.exact}」`}>
        确认
      </button>
    </span>
  );
}
