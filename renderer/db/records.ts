/** Row shapes and their validators: rows may come from an older or newer app version. */

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
