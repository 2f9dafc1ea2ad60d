import { useState } from 'react';
import { normalize } from '../../core/text/normalize';
import type { FacetValue } from '../../core/corpus/library-filters';

interface Props {
  title: string;
  values: FacetValue[];
  selected: string | null;
  onSelect(value: string | null): void;
  /** Long lists (issuers) scroll inside their own box and get a filter box. */
  scroll?: boolean;
  /** Open at first (a group with a selection is always open). */
  defaultOpen?: boolean;
  testId: string;
}

/** A filter group: collapsible (fewer Tab stops), most frequent values first. */
export function FacetList({ title, values, selected, onSelect, scroll, defaultOpen = true, testId }: Props) {
  const [open, setOpen] = useState(defaultOpen || selected !== null);
  const [needle, setNeedle] = useState('');
  if (!values.length) return null;
  const n = normalize(needle.trim());
  const shown = n ? values.filter((v) => normalize(v.value).includes(n) || v.value === selected) : values;
  const listId = `${testId}-values`;
  return (
    <section className="facet" data-testid={testId}>
      <h3>
        <button type="button" className="facet-toggle" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((o) => !o)}>
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> {title}
          {!open && selected && <span className="facet-chosen">：{selected}</span>}
        </button>
        {selected && (
          <button type="button" className="facet-clear" onClick={() => onSelect(null)} aria-label={`清除${title}筛选`}>
            清除
          </button>
        )}
      </h3>
      {open && scroll && values.length > 8 && (
        <input type="search" className="facet-filter" value={needle} onChange={(e) => setNeedle(e.target.value)} placeholder={`筛选${title}`} aria-label={`筛选${title}`} />
      )}
      {open && (
        <ul id={listId} className={scroll ? 'facet-values scroll' : 'facet-values'}>
          {shown.map((v) => (
            <li key={v.value}>
              <button type="button" aria-pressed={v.value === selected} onClick={() => onSelect(v.value === selected ? null : v.value)} disabled={v.count === 0 && v.value !== selected}>
                <span className="facet-name">{v.value}</span>
                <span className="facet-count">{v.count}</span>
              </button>
            </li>
          ))}
          {!shown.length && <li className="facet-none">没有符合的{title}</li>}
        </ul>
      )}
    </section>
  );
}
