import { useMemo, useState } from 'react';
import { filterAnnotations, localDay, type AnnotationFacets, type AnnotationFilter, type FacetCount } from '../../core/annotations/filter';
import { COLOUR_NAMES, type Annotation } from '../../core/annotations/model';
import type { DocSummary } from '../../core/corpus/types';
import { KIND_NAMES } from './colours';

interface Props {
  filter: AnnotationFilter;
  facets: AnnotationFacets;
  /** The library (where regions come from) is still loading: the region facet waits for it. */
  regionsPending?: boolean;
  all: readonly Annotation[];
  summaryOf: (id: string) => DocSummary | undefined;
  onChange(f: AnnotationFilter): void;
}

type ListKey = 'types' | 'colours' | 'tags' | 'docIds' | 'regions';
const SHOWN = 12;

function toggle<T extends string>(list: readonly T[] | undefined, v: T): T[] | undefined {
  const next = list?.includes(v) ? list.filter((x) => x !== v) : [...(list ?? []), v];
  return next.length ? next : undefined;
}

function Facet<T extends string>(props: {
  title: string;
  values: FacetCount<T>[];
  selected: readonly T[] | undefined;
  label(v: T): string;
  onToggle(v: T): void;
  onClear(): void;
  swatch?: (v: T) => string;
}) {
  const { title, values, selected, label, onToggle, onClear, swatch } = props;
  const [more, setMore] = useState(false);
  const visible = values.filter((v) => v.count > 0 || selected?.includes(v.value));
  if (!visible.length) return null;
  const shown = more ? visible : visible.slice(0, SHOWN);
  return (
    <section className="facet" aria-label={title}>
      <h3>
        {title}
        {selected?.length ? (
          <button type="button" className="facet-clear" onClick={onClear} aria-label={`清除${title}筛选`}>
            清除
          </button>
        ) : null}
      </h3>
      <ul className="facet-values">
        {shown.map((v) => (
          <li key={v.value}>
            <button type="button" aria-pressed={selected?.includes(v.value) ?? false} onClick={() => onToggle(v.value)}>
              <span className="facet-name">
                {swatch && <span className={`dot ${swatch(v.value)}`} aria-hidden="true" />}
                {label(v.value)}
              </span>
              <span className="facet-count">{v.count}</span>
            </button>
          </li>
        ))}
      </ul>
      {visible.length > SHOWN && (
        <button type="button" className="facet-more" onClick={() => setMore((m) => !m)}>
          {more ? '收起' : `展开其余 ${visible.length - SHOWN} 项`}
        </button>
      )}
    </section>
  );
}

/** Months that have annotations (among those the other filters keep); a click sets 起止日期 to that month. */
function monthCounts(all: readonly Annotation[]): FacetCount[] {
  const m = new Map<string, number>();
  for (const a of all) {
    const month = localDay(a.created).slice(0, 7);
    if (month) m.set(month, (m.get(month) ?? 0) + 1);
  }
  return [...m].sort((x, y) => (x[0] < y[0] ? 1 : -1)).map(([value, count]) => ({ value, count }));
}

function monthEnd(month: string): string {
  const [y, mo] = month.split('-').map(Number);
  const last = new Date(y, mo, 0).getDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

export function AnnotationFilters({ filter, facets, regionsPending, all, summaryOf, onChange }: Props) {
  const set = (key: ListKey, v: string) => onChange({ ...filter, [key]: toggle(filter[key] as string[] | undefined, v) });
  const clear = (key: ListKey) => onChange({ ...filter, [key]: undefined });
  const months = useMemo(() => monthCounts(filterAnnotations(all, { ...filter, from: undefined, to: undefined }, summaryOf)), [all, filter, summaryOf]);
  const monthSelected = filter.from && filter.to && filter.from.endsWith('-01') && filter.to === monthEnd(filter.from.slice(0, 7)) ? filter.from.slice(0, 7) : null;
  const titleOf = (id: string) => summaryOf(id)?.title ?? all.find((a) => a.target['policyReader:document'].id === id)?.target['policyReader:document'].title ?? id;

  return (
    <aside className="facets annot-filters" aria-label="筛选标注">
      <Facet title="类型" values={facets.types} selected={filter.types} label={(v) => KIND_NAMES[v]} onToggle={(v) => set('types', v)} onClear={() => clear('types')} />
      <Facet title="颜色" values={facets.colours} selected={filter.colours} label={(v) => COLOUR_NAMES[v]} swatch={(v) => `sw-${v}`} onToggle={(v) => set('colours', v)} onClear={() => clear('colours')} />
      <Facet title="标签" values={facets.tags} selected={filter.tags} label={(v) => v} onToggle={(v) => set('tags', v)} onClear={() => clear('tags')} />
      <Facet title="文档" values={facets.docIds} selected={filter.docIds} label={titleOf} onToggle={(v) => set('docIds', v)} onClear={() => clear('docIds')} />
      {regionsPending ? (
        <section className="facet" aria-label="地区" aria-busy="true">
          <h3>地区</h3>
          <p className="facet-pending">正在读取文件库…</p>
        </section>
      ) : (
        <Facet title="地区" values={facets.regions} selected={filter.regions} label={(v) => v} onToggle={(v) => set('regions', v)} onClear={() => clear('regions')} />
      )}
      <section className="facet" aria-label="日期">
        <h3>
          日期
          {(filter.from || filter.to) && (
            <button type="button" className="facet-clear" onClick={() => onChange({ ...filter, from: undefined, to: undefined })} aria-label="清除日期筛选">
              清除
            </button>
          )}
        </h3>
        <div className="date-range">
          <input type="date" value={filter.from ?? ''} onChange={(e) => onChange({ ...filter, from: e.target.value || undefined })} aria-label="起始日期" />
          <span>至</span>
          <input type="date" value={filter.to ?? ''} onChange={(e) => onChange({ ...filter, to: e.target.value || undefined })} aria-label="截止日期" />
        </div>
        <ul className="facet-values">
          {months.slice(0, SHOWN).map((m) => (
            <li key={m.value}>
              <button
                type="button"
                aria-pressed={monthSelected === m.value}
                onClick={() => onChange({ ...filter, ...(monthSelected === m.value ? { from: undefined, to: undefined } : { from: `${m.value}-01`, to: monthEnd(m.value) }) })}
              >
                <span className="facet-name">{m.value.replace('-', '年')}月</span>
                <span className="facet-count">{m.count}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </aside>
  );
}
