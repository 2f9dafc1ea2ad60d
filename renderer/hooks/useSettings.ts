import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../db/database';
import { DEFAULT_SETTINGS, type Settings, type Theme } from '../db/records';

export interface SettingsApi {
  settings: Settings;
  /** False until IndexedDB answered, so the first paint does not persist defaults over saved values. */
  loaded: boolean;
  setTheme(t: Theme): void;
  setFontSize(px: number): void;
}

const setTheme = (t: Theme) => void db().setTheme(t);
const setFontSize = (px: number) => void db().setFontSize(px);

export function useSettings(): SettingsApi {
  const settings = useLiveQuery(() => db().getSettings(), []);
  return { settings: settings ?? DEFAULT_SETTINGS, loaded: settings !== undefined, setTheme, setFontSize };
}
