/** One facet of the search page: checkboxes with counts; region is two-level (province, then its cities). */
import { useState } from 'react';
import { UNKNOWN_LABEL } from '../../core/corpus/facts';
import type { FacetCount } from '../../core/search';

interface Props {
  name: string;
  label: string;
  values: FacetCount[];
  selected: string[];
  onToggle(values: string[], on: boolean): void;
}

const SHOWN = 12;

/** Years read as a timeline, newest first, with 未注明 (no year) last; other facets most frequent first, as counted. */
export function facetOrder(name: string, values: FacetCount[]): FacetCount[] {
  if (name !== 'year') return values;
  return [...values].sort((a, b) => (a.value === UNKNOWN_LABEL ? 1 : 0) - (b.value === UNKNOWN_LABEL ? 1 : 0) || (a.value < b.value ? 1 : a.value > b.value ? -1 : 0));
}

export function FacetTree({ name, label, values, selected, onToggle }: Props) {
  const [all, setAll] = useState(false);
  const [open, setOpen] = useState<string[]>([]);
  const chosen = new Set(selected);
  if (!values.length && !chosen.size) return null;
  const known = new Set(values.map((v) => v.value));
  const tops = facetOrder(name, [...values.filter((v) => !v.parent), ...selected.filter((s) => !known.has(s)).map((value) => ({ value, count: 0 }))]);
  const children = (top: string) => values.filter((v) => v.parent === top);
  const shown = all ? tops : tops.slice(0, SHOWN);
  const box = (v: FacetCount, nested: boolean) => (
    <label key={v.value} className={nested ? 'facet-child' : undefined}>
      <input type="checkbox" checked={chosen.has(v.value)} onChange={(e) => onToggle([v.value], e.target.checked)} />
      <span>{v.value}</span> <span className="search-count">{v.count}</span>
    </label>
  );
  return (
    <fieldset data-facet={name}>
      <legend>{label}</legend>
      {shown.map((v) => {
        const kids = children(v.value);
        const expanded = chosen.has(v.value) || kids.some((k) => chosen.has(k.value)) || open.includes(v.value);
        return (
          <div key={v.value} className="facet-node">
            <div className="facet-row">
              {box(v, false)}
              {kids.length > 0 && !chosen.has(v.value) && !kids.some((k) => chosen.has(k.value)) && (
                <button
                  type="button"
                  className="facet-disclose"
                  aria-expanded={expanded}
                  aria-label={`${expanded ? '收起' : '展开'}${v.value}下的城市`}
                  onClick={() => setOpen((o) => (o.includes(v.value) ? o.filter((x) => x !== v.value) : [...o, v.value]))}
                >
                  {expanded ? '▾' : '▸'}
                </button>
              )}
            </div>
            {expanded && kids.map((k) => box(k, true))}
          </div>
        );
      })}
      {tops.length > SHOWN && (
        <button type="button" className="facet-all" onClick={() => setAll((a) => !a)}>
          {all ? '收起' : `显示全部 ${tops.length} 个`}
        </button>
      )}
    </fieldset>
  );
}
