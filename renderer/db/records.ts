/** Row shapes and their validators: rows may come from an older or newer app version. */
import { checkAnnotation } from '../../core/annotations/file';
import { type Annotation, docIdOf, isOrphaned, tagsOf, unitIdOf } from '../../core/annotations/model';

export type Theme = 'light' | 'dark';

export interface ReadingPosition {
  docId: string;
  unitId: string | null;
  scrollTop: number;
  /** ms since epoch */
  updatedAt: number;
}

/** Settings are key/value rows so a new setting needs no schema change. */
export interface SettingRow {
  key: string;
  value: unknown;
}

export interface Settings {
  theme: Theme;
  fontSize: number;
}

export const FONT_SIZE_MIN = 14;
export const FONT_SIZE_MAX = 28;
export const DEFAULT_SETTINGS: Settings = { theme: 'light', fontSize: 18 };

export function clampFontSize(n: number): number {
  return Math.min(FONT_SIZE_MAX, Math.max(FONT_SIZE_MIN, Math.round(n)));
}

export function restoreSettings(rows: readonly SettingRow[] | undefined): Settings {
  const map = new Map((rows ?? []).map((r) => [r.key, r.value]));
  const theme = map.get('theme');
  const fontSize = map.get('fontSize');
  return {
    theme: theme === 'dark' || theme === 'light' ? theme : DEFAULT_SETTINGS.theme,
    fontSize: typeof fontSize === 'number' && Number.isFinite(fontSize) ? clampFontSize(fontSize) : DEFAULT_SETTINGS.fontSize,
  };
}

export function restorePosition(v: unknown, docId: string): ReadingPosition | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  if (o.docId !== docId) return null;
  const unitId = typeof o.unitId === 'string' && o.unitId.startsWith(`${docId}~`) ? o.unitId : null;
  const scrollTop = typeof o.scrollTop === 'number' && Number.isFinite(o.scrollTop) && o.scrollTop >= 0 ? o.scrollTop : 0;
  const updatedAt = typeof o.updatedAt === 'number' && Number.isFinite(o.updatedAt) ? o.updatedAt : 0;
  return { docId, unitId, scrollTop, updatedAt };
}

/**
 * One annotation row: the W3C object as stored and exported, plus copies of
 * the fields IndexedDB indexes. The copies are always derived from the object
 * (annotationRecord), never edited on their own.
 */
export interface AnnotationRecord {
  id: string;
  docId: string;
  /** '' for a whole-document bookmark (IndexedDB cannot index null). */
  unitId: string;
  motivation: Annotation['motivation'];
  /** '' when there is none (bookmarks). */
  colour: string;
  tags: string[];
  created: string;
  modified: string;
  orphaned: 0 | 1;
  annotation: Annotation;
}

/** The row for an annotation; null when the object is not a valid annotation (rows from another version, corruption). */
export function annotationRecord(v: unknown): AnnotationRecord | null {
  const a = checkAnnotation(v);
  if (typeof a === 'string') return null;
  return {
    id: a.id,
    docId: docIdOf(a),
    unitId: unitIdOf(a) ?? '',
    motivation: a.motivation,
    colour: a['policyReader:colour'] ?? '',
    tags: tagsOf(a),
    created: a.created,
    modified: a.modified,
    orphaned: isOrphaned(a) ? 1 : 0,
    annotation: a,
  };
}

/** The annotation of a row read back, validated; null for a corrupt row (skipped, never thrown). */
export function restoreAnnotation(row: unknown): Annotation | null {
  if (typeof row !== 'object' || row === null) return null;
  const a = checkAnnotation((row as { annotation?: unknown }).annotation);
  return typeof a === 'string' ? null : a;
}
