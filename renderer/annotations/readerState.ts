/**
 * What the per-unit controls (UnitControls, inside the memoised UnitBlock) and
 * the document header need to know about the open document's annotations.
 * An external store rather than a context, so that an annotation change
 * re-renders the controls of the units it touches, not every unit block.
 */
import { useSyncExternalStore } from 'react';
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

class ReaderAnnotationStore {
  private units = new Map<string, UnitAnnotationState>();
  private docBookmark: Annotation | null = null;
  private listeners = new Set<() => void>();
  actions: ReaderActions | null = null;

  subscribe = (l: () => void) => {
    this.listeners.add(l);
    return () => void this.listeners.delete(l);
  };

  unit(id: string): UnitAnnotationState {
    return this.units.get(id) ?? EMPTY;
  }

  doc(): Annotation | null {
    return this.docBookmark;
  }

  /** Keeps each unchanged unit's state object, so its controls skip re-rendering. */
  publish(next: Map<string, UnitAnnotationState>, docBookmark: Annotation | null): void {
    const merged = new Map<string, UnitAnnotationState>();
    for (const [id, s] of next) {
      const old = this.units.get(id);
      merged.set(id, old && old.bookmark === s.bookmark && old.marks === s.marks && old.notes === s.notes ? old : s);
    }
    this.units = merged;
    this.docBookmark = docBookmark;
    this.listeners.forEach((l) => l());
  }

  clear(): void {
    this.publish(new Map(), null);
    this.actions = null;
  }
}

export const readerAnnotations = new ReaderAnnotationStore();

export function useUnitAnnotationState(unitId: string): UnitAnnotationState {
  return useSyncExternalStore(readerAnnotations.subscribe, () => readerAnnotations.unit(unitId));
}

export function useDocBookmark(): Annotation | null {
  return useSyncExternalStore(readerAnnotations.subscribe, () => readerAnnotations.doc());
}
