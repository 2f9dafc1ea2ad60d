import { memo } from 'react';
import type { UnitLevel } from '../../core/corpus/types';
import { findMatches, mergeRanges, type ParsedQuery, type Range } from '../../core/search';
import type { FindMatch } from '../search/useInDocumentFind';
import { LABEL_LINE } from '../../core/corpus/units';
import { carriedMarker, opensWithFirstClause } from '../../core/citation/printed';
import { HighlightedText } from './HighlightedText';
import { UnitControls } from '../annotations/UnitControls';
import { unitName, type FlatUnit } from './units';
import { SeeAlso } from '../compare/SeeAlso';

const HEADING_LEVELS: ReadonlySet<UnitLevel> = new Set(['part', 'subpart', 'chapter', 'section', 'appendix']);

/** Find matches on the label of the article whose number this unit's first line carries (第十一条 on its first 款). */
export interface CarriedFind {
  found?: FindMatch[];
  currentMatch?: FindMatch;
}

interface Props {
  flat: FlatUnit;
  marks: (number | null)[];
  /** The search query the reader came from (`?q=`), parsed; null when none. */
  query: ParsedQuery | null;
  /** In-document find matches inside this unit (undefined when none: keeps memo hits). */
  found?: FindMatch[];
  /** The find match in focus, when it is in this unit. */
  currentMatch?: FindMatch;
  /** Find matches on the carried article number (undefined when none). */
  carried?: CarriedFind;
  flash: boolean;
  onCopy(flat: FlatUnit): void;
}

/**
 * One unit of the flat reading list, laid out as the source prints it. Memoised:
 * scrolling and keyboard moves re-render only the units whose flash state changed.
 *
 * - A 款's label (第二款) is never shown: it is an address, not printed text
 *   (it names the controls and the citation instead).
 * - An article whose text is all in its 款 prints nothing of its own: its first
 *   款 opens with the article's number (第十一条【监督检查】市、区…), as printed.
 * - An article's heading stays on the article's line (第一条【目的依据】为…).
 */
export const UnitBlock = memo(function UnitBlock({ flat, marks, query, found, currentMatch, carried, flash, onCopy }: Props) {
  const { unit, ancestors } = flat;
  const parent = ancestors[ancestors.length - 1];
  // Paragraph numbers as in core unitLines: LABEL_LINE, HEADING_LINE, then paragraph indexes.
  const rangesIn = (inUnit: FindMatch[] | undefined, text: string, paragraph: number): Range[] => {
    const own = inUnit?.filter((m) => m.paragraph === paragraph).map((m): Range => [m.start, m.end]) ?? [];
    const fromSearch = query ? findMatches(text, query) : [];
    return own.length && fromSearch.length ? mergeRanges([...own, ...fromSearch]) : own.length ? own : fromSearch;
  };
  const ranges = (text: string, paragraph: number) => rangesIn(found, text, paragraph);
  const current = (paragraph: number) => (currentMatch && currentMatch.paragraph === paragraph ? currentMatch.start : undefined);
  const isHeading = HEADING_LEVELS.has(unit.level);
  const inlineHeading = unit.level === 'article' && unit.heading !== null;
  const titled = !isHeading && !inlineHeading && unit.heading !== null;
  const opens = opensWithFirstClause(unit);
  // The article number this unit's first line carries (its parent's label, findable on the parent's label line).
  const carriedLabel = carriedMarker(unit, parent) ? parent.label : '';
  // No gap where the source prints none: 第十一条【监督检查】.
  const firstText = unit.heading !== null && inlineHeading ? unit.heading : (unit.paragraphs.find((p) => p.text !== '')?.text ?? '');
  const markerClass = /^[【〔［[（(]/.test(firstText) ? 'marker tight' : 'marker';
  const carriedNode = carriedLabel ? (
    <span className={markerClass}>
      <HighlightedText text={carriedLabel} ranges={rangesIn(carried?.found, carriedLabel, LABEL_LINE)} current={carried?.currentMatch?.paragraph === LABEL_LINE ? carried.currentMatch.start : undefined} />
    </span>
  ) : null;
  // The label goes inline before the first paragraph (第十条　…) unless the unit has its own heading line; a 款 label never shows.
  const inlineLabel = !isHeading && !titled && unit.level !== 'clause' && unit.label !== '' && !(unit.paragraphs[0]?.text ?? '').startsWith(unit.label);
  // The label is searchable and findable (第十条): it carries its own marks.
  const label = <HighlightedText text={unit.label} ranges={ranges(unit.label, LABEL_LINE)} current={current(LABEL_LINE)} />;
  const headingInline = inlineHeading ? (
    <span className="heading-text inline-heading">
      <HighlightedText text={unit.heading!} ranges={ranges(unit.heading!, -1)} current={current(-1)} />
    </span>
  ) : null;
  const H = unit.level === 'part' || unit.level === 'chapter' || unit.level === 'appendix' ? 'h2' : 'h3';
  const name = unitName(unit, ancestors);
  const firstShown = unit.paragraphs.findIndex((p) => p.text !== '');

  return (
    <section
      id={unit.id}
      data-unit-id={unit.id}
      data-level={unit.level}
      className={`unit lv-${unit.level}${opens ? ' opens-clause' : ''}${flash ? ' is-target' : ''}`}
      aria-label={opens ? name : undefined}
      tabIndex={-1}
    >
      {(isHeading || titled) && (
        <H className="unit-heading">
          {/* (A decimal section number, 1.1, is printed with a space before its heading; 一、 and 1. are not.) */}
          {unit.label && <span className={/\d$/.test(unit.label) ? 'marker numbered' : 'marker'}>{label}</span>}
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
            {i === firstShown && carriedNode}
            {i === firstShown && inlineLabel && <span className={markerClass}>{label}</span>}
            {i === firstShown && headingInline}
            <HighlightedText text={p.text} ranges={ranges(p.text, i)} current={current(i)} />
          </p>
        ),
      )}
      {/* A unit with a label or heading and no text of its own: the label (and an article's heading) on a line. */}
      {!isHeading && !titled && !opens && firstShown < 0 && (unit.level !== 'clause' ? unit.label || headingInline : carriedNode) && (
        <p>
          {carriedNode}
          {unit.level !== 'clause' && unit.label && <span className={markerClass}>{label}</span>}
          {headingInline}
        </p>
      )}
      <SeeAlso unitId={unit.id} />
      <UnitControls unit={unit} name={name} />
      <button type="button" className="copy-cite" onClick={() => onCopy(flat)} title="复制本条及出处" aria-label={`复制${name}及出处`}>
        复制引用
      </button>
    </section>
  );
});
