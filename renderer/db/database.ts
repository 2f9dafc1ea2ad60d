/**
 * The one IndexedDB database of the renderer. Components never touch it:
 * they go through hooks (renderer/hooks/) that call the query methods below.
 */
import Dexie, { type EntityTable } from 'dexie';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations';
import { restorePosition, restoreSettings, clampFontSize, type ReadingPosition, type SettingRow, type Settings, type Theme } from './records';

export const DB_NAME = 'policy-reader';

export class ReaderDatabase extends Dexie {
  positions!: EntityTable<ReadingPosition, 'docId'>;
  settings!: EntityTable<SettingRow, 'key'>;

  /**
   * `schemaVersion` and `migrations` exist for tests that open an old version,
   * write rows, and reopen at the latest to exercise an upgrade.
   */
  constructor(name = DB_NAME, schemaVersion = LATEST_VERSION, migrations: readonly Migration[] = MIGRATIONS) {
    super(name);
    for (const m of migrations) {
      if (m.version > schemaVersion) break;
      const v = this.version(m.version).stores(m.stores);
      if (m.upgrade) v.upgrade(m.upgrade);
    }
  }

  async getPosition(docId: string): Promise<ReadingPosition | null> {
    return restorePosition(await this.positions.get(docId), docId);
  }

  async savePosition(docId: string, unitId: string | null, scrollTop: number): Promise<void> {
    await this.positions.put({ docId, unitId, scrollTop: Math.max(0, Math.round(scrollTop)), updatedAt: Date.now() });
  }

  async getSettings(): Promise<Settings> {
    return restoreSettings(await this.settings.toArray());
  }

  async setTheme(theme: Theme): Promise<void> {
    await this.settings.put({ key: 'theme', value: theme });
  }

  async setFontSize(px: number): Promise<void> {
    await this.settings.put({ key: 'fontSize', value: clampFontSize(px) });
  }
}

let instance: ReaderDatabase | null = null;

/** The app's single instance, opened lazily so importing this module has no side effect. */
export function db(): ReaderDatabase {
  instance ??= new ReaderDatabase();
  return instance;
}
