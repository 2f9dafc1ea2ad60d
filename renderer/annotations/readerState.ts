/**
 * What the per-unit controls (UnitControls, inside the memoised UnitBlock) and
 * the document header need to know about the open document's annotations, and
 * the actions they call. One store per reading view, handed down by context
 * (ReaderView creates it): a change re-renders the controls of the units it
 * touches, not every unit block, and nothing lives at module level, so two
 * views (or a test) never share state.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Annotation } from '../../core/annotations/model';

export interface UnitAnnotationState {
  bookmark: Annotation | null;
  /** Highlights and notes in the unit. */
  marks: number;
  notes: number;
}

export interface ReaderActions {
  toggleUnitBookmark(unitId: string): void;
  toggleDocBookmark(): void;
  /** Opens the popover of the unit's first note. */
  openUnitNotes(unitId: string): void;
}

const EMPTY: UnitAnnotationState = { bookmark: null, marks: 0, notes: 0 };

export interface ReaderAnnotationStore {
  subscribe(listener: () => void): () => void;
  unit(id: string): UnitAnnotationState;
  doc(): Annotation | null;
  /** Keeps each unchanged unit's state object, so its controls skip re-rendering. */
  publish(next: Map<string, UnitAnnotationState>, docBookmark: Annotation | null): void;
  /** The actions of the mounted ReaderAnnotations; calls before it mounts (or after it unmounts) do nothing. */
  readonly actions: ReaderActions;
  /** ReaderAnnotations installs its actions here; the returned function removes them. */
  provide(actions: ReaderActions): () => void;
}

export function createReaderAnnotationStore(): ReaderAnnotationStore {
  let units = new Map<string, UnitAnnotationState>();
  let docBookmark: Annotation | null = null;
  let provided: ReaderActions | null = null;
  const listeners = new Set<() => void>();
  return {
    subscribe(l) {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    unit: (id) => units.get(id) ?? EMPTY,
    doc: () => docBookmark,
    publish(next, bookmark) {
      const merged = new Map<string, UnitAnnotationState>();
      for (const [id, s] of next) {
        const old = units.get(id);
        merged.set(id, old && old.bookmark === s.bookmark && old.marks === s.marks && old.notes === s.notes ? old : s);
      }
      units = merged;
      docBookmark = bookmark;
      listeners.forEach((l) => l());
    },
    actions: {
      toggleUnitBookmark: (id) => provided?.toggleUnitBookmark(id),
      toggleDocBookmark: () => provided?.toggleDocBookmark(),
      openUnitNotes: (id) => provided?.openUnitNotes(id),
    },
    provide(actions) {
      provided = actions;
      return () => {
        if (provided === actions) provided = null;
      };
    },
  };
}

export const ReaderAnnotationContext = createContext<ReaderAnnotationStore | null>(null);

/** The reading view's store (the controls exist only inside a reading view). */
export function useReaderAnnotationStore(): ReaderAnnotationStore {
  const store = useContext(ReaderAnnotationContext);
  if (!store) throw new Error('annotation controls rendered outside ReaderAnnotationContext');
  return store;
}

export function useUnitAnnotationState(unitId: string): UnitAnnotationState {
  const store = useReaderAnnotationStore();
  return useSyncExternalStore(store.subscribe, () => store.unit(unitId));
}

export function useDocBookmark(): Annotation | null {
  const store = useReaderAnnotationStore();
  return useSyncExternalStore(store.subscribe, () => store.doc());
}
