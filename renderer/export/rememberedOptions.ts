/**
 * The export's title, 署名 and options, remembered between exports (a briefing
 * is usually made again the next week with the same settings). Kept in
 * localStorage: a preference of this browser profile, not user data worth a
 * schema version. A title is remembered only when the user changed it from the
 * dated default, so next week's export does not carry this week's date.
 */
import { defaultExportOptions, defaultExportTitle, type ExportOptions } from '../../core/export/model';

const KEY = 'policy-reader:export-options';

interface Stored {
  title?: string;
  author?: string;
  order?: string;
  includeNotes?: boolean;
  includeClause?: boolean;
  includeBookmarks?: boolean;
}

export function loadExportOptions(now: Date): ExportOptions {
  const base = defaultExportOptions(now);
  let s: Stored = {};
  try {
    const v: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    if (v && typeof v === 'object') s = v as Stored;
  } catch {
    // Unreadable or unavailable storage: the defaults.
  }
  const str = (x: unknown) => (typeof x === 'string' ? x : undefined);
  const bool = (x: unknown, d: boolean) => (typeof x === 'boolean' ? x : d);
  return {
    title: str(s.title)?.trim() ? str(s.title)! : base.title,
    author: str(s.author) ?? base.author,
    order: s.order === 'date' || s.order === 'position' ? s.order : base.order,
    includeNotes: bool(s.includeNotes, base.includeNotes),
    includeClause: bool(s.includeClause, base.includeClause),
    includeBookmarks: bool(s.includeBookmarks, base.includeBookmarks),
  };
}

export function saveExportOptions(o: ExportOptions, now: Date): void {
  const stored: Stored = { ...o, title: o.title.trim() === defaultExportTitle(now) || !o.title.trim() ? undefined : o.title };
  try {
    localStorage.setItem(KEY, JSON.stringify(stored));
  } catch {
    // A full or disabled storage only loses the preference.
  }
}
