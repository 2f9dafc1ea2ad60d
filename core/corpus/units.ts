/**
 * The one home for walking a document's unit tree and for the text of a unit:
 * the corpus build, the search index, the reading view, find-in-document and
 * the tests all flatten and read units through these, so a label that search
 * finds is a label the reader can highlight.
 */
import type { PolicyDocument, Unit } from './types.js';

export interface FlatUnit {
  unit: Unit;
  /** Number of ancestors. */
  depth: number;
  /** Ancestors, outermost first. */
  ancestors: Unit[];
}

/** Every unit in reading order (depth first, pre-order) with its ancestors. */
export function flattenUnits(units: Unit[]): FlatUnit[] {
  const out: FlatUnit[] = [];
  const walk = (list: Unit[], ancestors: Unit[]) => {
    for (const unit of list) {
      out.push({ unit, depth: ancestors.length, ancestors });
      if (unit.children.length) walk(unit.children, [...ancestors, unit]);
    }
  };
  walk(units, []);
  return out;
}

/** Every unit in reading order, without ancestry. */
export function allUnits(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  const walk = (list: Unit[]) => {
    for (const u of list) {
      out.push(u);
      walk(u.children);
    }
  };
  walk(units);
  return out;
}

/** Line numbers of the parts of a unit that are not paragraphs (paragraphs are 0, 1, …). */
export const LABEL_LINE = -2;
export const HEADING_LINE = -1;

export interface UnitLine {
  /** LABEL_LINE, HEADING_LINE, or the paragraph index. */
  part: number;
  text: string;
}

/**
 * The parts of a unit as they are read: its label (第十五条, （三）) unless the
 * heading or the first paragraph already prints it, its heading, then its own
 * paragraphs (children excluded; empty paragraphs kept so indexes stay
 * paragraph indexes).
 */
export function unitLines(u: Pick<Unit, 'label' | 'heading' | 'paragraphs'>): UnitLine[] {
  const lines: UnitLine[] = [];
  const opening = u.heading ?? u.paragraphs[0]?.text ?? '';
  if (u.label && !opening.startsWith(u.label)) lines.push({ part: LABEL_LINE, text: u.label });
  if (u.heading) lines.push({ part: HEADING_LINE, text: u.heading });
  u.paragraphs.forEach((p, i) => lines.push({ part: i, text: p.text }));
  return lines;
}

/**
 * The text a unit is searched by and highlighted in: `unitLines` joined by
 * '\n'. Search hit ranges are offsets into this string; `lineRanges` maps
 * them back to the label, heading and paragraphs.
 */
export function unitSearchText(u: Pick<Unit, 'label' | 'heading' | 'paragraphs'>): string {
  return unitLines(u)
    .map((l) => l.text)
    .join('\n');
}

/**
 * The text a stored selection's offsets refer to: the unit's own paragraphs
 * joined with '\n' (no label, heading or children). Every stored annotation
 * position is an offset into this string, so it is joined here only.
 */
export function unitBodyText(unit: Pick<Unit, 'paragraphs'>): string {
  return unit.paragraphs.map((p) => p.text).join('\n');
}

/** The unit's own text without its label: heading and paragraphs (children excluded). */
export function unitOwnText(u: Unit): string {
  return [u.heading ?? '', ...u.paragraphs.map((p) => p.text)].filter(Boolean).join('\n');
}

/**
 * The characters of `unitOwnText(u)` that are not line breaks (a document's charCount), counted without making
 * that text: at 10,000 documents the texts made only to be measured were 185 MB of every build's garbage.
 */
export function unitOwnChars(u: Unit): number {
  let n = charsBesideBreaks(u.heading ?? '');
  for (const p of u.paragraphs) n += charsBesideBreaks(p.text);
  return n;
}

function charsBesideBreaks(s: string): number {
  let n = s.length;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n--;
  return n;
}

/** Split [start, end) ranges over `unitSearchText(u)` into ranges within each line. */
export function lineRanges(u: Pick<Unit, 'label' | 'heading' | 'paragraphs'>, ranges: readonly (readonly [number, number])[]): { part: number; start: number; end: number }[] {
  const out: { part: number; start: number; end: number }[] = [];
  let base = 0;
  for (const line of unitLines(u)) {
    const lo = base;
    const hi = base + line.text.length;
    for (const [s, e] of ranges) {
      const a = Math.max(s, lo);
      const b = Math.min(e, hi);
      if (a < b) out.push({ part: line.part, start: a - lo, end: b - lo });
    }
    base = hi + 1;
  }
  return out;
}

/** 第六章 政务服务平台: label and heading. */
export function unitTitle(u: Pick<Unit, 'label' | 'heading'>): string {
  return [u.label, u.heading].filter(Boolean).join(' ');
}

/** Where a unit sits: the labels from the outermost ancestor down to the unit (第三章, 第十五条). */
export function clauseTrail(ancestors: readonly Unit[], unit: Unit): string[] {
  return [...ancestors, unit].map((u) => u.label).filter((l) => l !== '');
}

/** Whether a document has any text to read (a title alone is not a body). */
export function hasBodyText(d: Pick<PolicyDocument, 'units'>): boolean {
  return allUnits(d.units).some((u) => u.paragraphs.some((p) => p.text.trim() !== '') || (u.heading ?? '').trim() !== '');
}
