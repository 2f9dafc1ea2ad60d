import { memo } from 'react';
import type { UnitLevel } from '../../core/corpus/types';
import { findMatches, mergeRanges, type ParsedQuery, type Range } from '../../core/search';
import type { FindMatch } from '../search/useInDocumentFind';
import { LABEL_LINE } from '../../core/corpus/units';
import { HighlightedText } from './HighlightedText';
import { UnitControls } from '../annotations/UnitControls';
import type { FlatUnit } from './units';
import { SeeAlso } from '../compare/SeeAlso';

const HEADING_LEVELS: ReadonlySet<UnitLevel> = new Set(['part', 'subpart', 'chapter', 'section', 'appendix']);

interface Props {
  flat: FlatUnit;
  marks: (number | null)[];
  /** The search query the reader came from (`?q=`), parsed; null when none. */
  query: ParsedQuery | null;
  /** In-document find matches inside this unit (undefined when none: keeps memo hits). */
  found?: FindMatch[];
  /** The find match in focus, when it is in this unit. */
  currentMatch?: FindMatch;
  flash: boolean;
  onCopy(flat: FlatUnit): void;
}

/**
 * One unit of the flat reading list. Memoised: scrolling and keyboard moves
 * re-render only the units whose flash state changed.
 */
export const UnitBlock = memo(function UnitBlock({ flat, marks, query, found, currentMatch, flash, onCopy }: Props) {
  const { unit } = flat;
  // Paragraph numbers as in core unitLines: LABEL_LINE, HEADING_LINE, then paragraph indexes.
  const ranges = (text: string, paragraph: number): Range[] => {
    const own = found?.filter((m) => m.paragraph === paragraph).map((m): Range => [m.start, m.end]) ?? [];
    const fromSearch = query ? findMatches(text, query) : [];
    return own.length && fromSearch.length ? mergeRanges([...own, ...fromSearch]) : own.length ? own : fromSearch;
  };
  const current = (paragraph: number) => (currentMatch && currentMatch.paragraph === paragraph ? currentMatch.start : undefined);
  const isHeading = HEADING_LEVELS.has(unit.level);
  const titled = !isHeading && unit.heading !== null;
  // The label goes inline before the first paragraph (第十条　…) unless the unit has its own heading line.
  const inlineLabel = !isHeading && !titled && unit.label !== '' && !(unit.paragraphs[0]?.text ?? '').startsWith(unit.label);
  // The label is searchable and findable (第十条): it carries its own marks.
  const label = <HighlightedText text={unit.label} ranges={ranges(unit.label, LABEL_LINE)} current={current(LABEL_LINE)} />;
  const H = unit.level === 'part' || unit.level === 'chapter' || unit.level === 'appendix' ? 'h2' : 'h3';

  return (
    <section
      id={unit.id}
      data-unit-id={unit.id}
      data-level={unit.level}
      className={`unit lv-${unit.level}${flash ? ' is-target' : ''}`}
      tabIndex={-1}
    >
      {(isHeading || titled) && (
        <H className="unit-heading">
          {unit.label && <span className="marker">{label}</span>}
          {unit.heading && (
            <span className="heading-text">
              <HighlightedText text={unit.heading} ranges={ranges(unit.heading, -1)} current={current(-1)} />
            </span>
          )}
        </H>
      )}
      {unit.paragraphs.map((p, i) =>
        p.text === '' ? null : (
          <p key={i} data-para={i}>
            {marks[i] !== null && marks[i] !== undefined && (
              <span className="page-mark" aria-label={`第${marks[i]}页`}>
                {marks[i]}
              </span>
            )}
            {i === 0 && inlineLabel && <span className="marker">{label}</span>}
            <HighlightedText text={p.text} ranges={ranges(p.text, i)} current={current(i)} />
          </p>
        ),
      )}
      {!isHeading && unit.paragraphs.length === 0 && !titled && unit.label && (
        <p>
          <span className="marker">{label}</span>
        </p>
      )}
      <SeeAlso unitId={unit.id} />
      <UnitControls unit={unit} />
      <button type="button" className="copy-cite" onClick={() => onCopy(flat)} title="复制本条及出处" aria-label={`复制${unit.label || '本段'}及出处`}>
        复制引用
      </button>
    </section>
  );
});
