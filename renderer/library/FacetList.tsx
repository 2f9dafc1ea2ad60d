import type { FacetValue } from './filters';

interface Props {
  title: string;
  values: FacetValue[];
  selected: string | null;
  onSelect(value: string | null): void;
  /** Long lists (issuers) scroll inside their own box. */
  scroll?: boolean;
  testId: string;
}

export function FacetList({ title, values, selected, onSelect, scroll, testId }: Props) {
  if (!values.length) return null;
  return (
    <section className="facet" data-testid={testId}>
      <h3>
        {title}
        {selected && (
          <button type="button" className="facet-clear" onClick={() => onSelect(null)}>
            清除
          </button>
        )}
      </h3>
      <ul className={scroll ? 'facet-values scroll' : 'facet-values'}>
        {values.map((v) => (
          <li key={v.value}>
            <button type="button" aria-pressed={v.value === selected} onClick={() => onSelect(v.value === selected ? null : v.value)} disabled={v.count === 0 && v.value !== selected}>
              <span className="facet-name">{v.value}</span>
              <span className="facet-count">{v.count}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
