/**
 * Live views of the annotations table for components (they never touch the
 * database). `undefined` while IndexedDB has not answered yet.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Annotation } from '../../core/annotations/model';
import { tagCounts, type FacetCount } from '../../core/annotations/filter';
import { db } from '../db/database';

/** This document's annotations (unordered: the reader orders them by unit and position). */
export function useDocAnnotations(docId: string | null | undefined): Annotation[] | undefined {
  return useLiveQuery(() => (docId ? db().annotationsForDoc(docId) : Promise.resolve([])), [docId]);
}

/** Every annotation, newest first. */
export function useAllAnnotations(): Annotation[] | undefined {
  return useLiveQuery(() => db().allAnnotations(), []);
}

/** Tags in use with their counts, most used first (tag autocomplete). */
export function useAnnotationTags(): FacetCount[] | undefined {
  return useLiveQuery(async () => tagCounts(await db().allAnnotations()), []);
}
