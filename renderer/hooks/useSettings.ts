import { useLiveQuery } from 'dexie-react-hooks';
import { notify } from '../components/notices';
import { db } from '../db/database';
import { toStorageError } from '../db/errors';
import { DEFAULT_SETTINGS, type Settings, type Theme } from '../db/records';

export interface SettingsApi {
  /** Always what IndexedDB holds (a live query), so a failed write never shows a setting that was not stored. */
  settings: Settings;
  /** False until IndexedDB answered, so the first paint does not persist defaults over saved values. */
  loaded: boolean;
  setTheme(t: Theme): void;
  setFontSize(px: number): void;
}

/** Runs a settings write; a failure is told to the user (Chinese) instead of being dropped. Resolves to success. */
export async function saveSetting(write: () => Promise<void>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (e) {
    notify(`设置未保存。${toStorageError(e).message}`);
    return false;
  }
}

export const setTheme = (t: Theme): Promise<boolean> => saveSetting(() => db().setTheme(t));
export const setFontSize = (px: number): Promise<boolean> => saveSetting(() => db().setFontSize(px));

export function useSettings(): SettingsApi {
  const settings = useLiveQuery(() => db().getSettings(), []);
  return { settings: settings ?? DEFAULT_SETTINGS, loaded: settings !== undefined, setTheme: (t) => void setTheme(t), setFontSize: (px) => void setFontSize(px) };
}
