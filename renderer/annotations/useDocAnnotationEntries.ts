/**
 * The open document's annotations placed in its text: where each one is, in
 * reading order (the panel), the spans to paint, each clause's body offsets,
 * and the per-clause state the controls show (published to the view's store).
 */
import { useCallback, useEffect, useMemo } from 'react';
import { resolveInUnit } from '../../core/annotations/anchor';
import { isOrphaned, kindOf, noteOf, unitIdOf, type Annotation } from '../../core/annotations/model';
import type { FlatUnit } from '../reader/units';
import type { PanelEntry } from './AnnotationPanel';
import { paragraphStarts } from './dom';
import { useDocAnnotations } from './hooks';
import type { PaintSpan } from './paint';
import type { ReaderAnnotationStore, UnitAnnotationState } from './readerState';

const EMPTY: Annotation[] = [];

export type BodyOf = (unitId: string) => { starts: number[]; length: number } | null;

export interface DocAnnotationEntries {
  annotations: Annotation[];
  index: Map<string, { f: FlatUnit; i: number }>;
  /** A clause's paragraph starts and length in its body text (paragraphs joined with '\n'). */
  bodies: BodyOf;
  startsOf(unitId: string): number[] | null;
  entries: PanelEntry[];
  spans: PaintSpan[];
}

export function useDocAnnotationEntries(docId: string, flat: FlatUnit[]): DocAnnotationEntries {
  const annotations = useDocAnnotations(docId) ?? EMPTY;
  const index = useMemo(() => new Map(flat.map((f, i) => [f.unit.id, { f, i }])), [flat]);
  const bodies = useMemo((): BodyOf => {
    const cache = new Map<string, { starts: number[]; length: number }>();
    return (unitId) => {
      let b = cache.get(unitId);
      if (!b) {
        const u = index.get(unitId)?.f.unit;
        if (!u) return null;
        const starts = paragraphStarts(u.paragraphs);
        b = { starts, length: u.paragraphs.reduce((n, p) => n + p.text.length, 0) + Math.max(0, u.paragraphs.length - 1) };
        cache.set(unitId, b);
      }
      return b;
    };
  }, [index]);
  const startsOf = useCallback((id: string) => bodies(id)?.starts ?? null, [bodies]);

  // Where each annotation is in this document, in reading order.
  const entries = useMemo((): PanelEntry[] => {
    const out: PanelEntry[] = [];
    for (const a of annotations) {
      const unitId = unitIdOf(a);
      const at = unitId ? index.get(unitId) : undefined;
      if (isOrphaned(a) || (unitId && !at)) continue;
      const range = at && a.motivation !== 'bookmarking' ? resolveInUnit(a, at.f.unit) : null;
      if (a.motivation !== 'bookmarking' && !range) continue;
      out.push({ annotation: a, flat: at?.f ?? null, order: at ? at.i : -1, range });
    }
    return out.sort((x, y) => x.order - y.order || (x.range?.start ?? -1) - (y.range?.start ?? -1));
  }, [annotations, index]);

  const spans = useMemo(
    (): PaintSpan[] =>
      entries
        .filter((e) => e.range && e.flat)
        .map((e) => ({ id: e.annotation.id, unitId: e.flat!.unit.id, start: e.range!.start, end: e.range!.end, colour: e.annotation['policyReader:colour'] ?? 'yellow', note: noteOf(e.annotation).trim() !== '' })),
    [entries],
  );

  return { annotations, index, bodies, startsOf, entries, spans };
}

/** Bookmarks and note counts for the per-unit controls and the header. */
export function usePublishUnitStates(store: ReaderAnnotationStore, entries: PanelEntry[]): void {
  useEffect(() => {
    const units = new Map<string, UnitAnnotationState>();
    let docBookmark: Annotation | null = null;
    for (const e of entries) {
      const a = e.annotation;
      if (!e.flat) {
        if (a.motivation === 'bookmarking') docBookmark = a;
        continue;
      }
      const s = units.get(e.flat.unit.id) ?? { bookmark: null, marks: 0, notes: 0 };
      if (a.motivation === 'bookmarking') s.bookmark = a;
      else {
        s.marks++;
        if (kindOf(a) === 'note') s.notes++;
      }
      units.set(e.flat.unit.id, s);
    }
    store.publish(units, docBookmark);
  }, [store, entries]);
  useEffect(() => () => store.publish(new Map(), null), [store]);
}
