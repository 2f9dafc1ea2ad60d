/**
 * The one IndexedDB database of the renderer. Components never touch it:
 * they go through hooks (renderer/hooks/) that call the query methods below.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Annotation } from '../../core/annotations/model';
import { mergeAnnotations } from '../../core/annotations/file';
import { toStorageError } from './errors';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations';
import {
  annotationRecord,
  restoreAnnotation,
  restorePosition,
  restoreSettings,
  clampFontSize,
  type AnnotationRecord,
  type ReadingPosition,
  type SettingRow,
  type Settings,
  type Theme,
} from './records';

export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
}

/** Runs a storage call and rethrows any failure as a StorageError (Chinese message, typed code). */
async function guard<T>(run: () => Promise<T>, action?: string): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw toStorageError(e, action);
  }
}

function recordOf(a: Annotation): AnnotationRecord {
  const r = annotationRecord(a);
  if (!r) throw new RangeError(`not a valid annotation: ${a?.id}`);
  return r;
}

function restoreAll(rows: readonly unknown[]): Annotation[] {
  const out: Annotation[] = [];
  for (const r of rows) {
    const a = restoreAnnotation(r);
    if (a) out.push(a);
  }
  return out;
}

export const DB_NAME = 'policy-reader';

export class ReaderDatabase extends Dexie {
  positions!: EntityTable<ReadingPosition, 'docId'>;
  settings!: EntityTable<SettingRow, 'key'>;
  annotations!: EntityTable<AnnotationRecord, 'id'>;

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

  /** Throws StorageError when the write fails (the UI must say so and keep showing what is stored). */
  async setTheme(theme: Theme): Promise<void> {
    await guard(() => this.transaction('rw', this.settings, () => this.settings.put({ key: 'theme', value: theme })));
  }

  async setFontSize(px: number): Promise<void> {
    await guard(() => this.transaction('rw', this.settings, () => this.settings.put({ key: 'fontSize', value: clampFontSize(px) })));
  }

  // ---- annotations: every write in a transaction, failures as StorageError ----

  async getAnnotation(id: string): Promise<Annotation | null> {
    return restoreAnnotation(await guard(() => this.annotations.get(id), '读取'));
  }

  async putAnnotation(a: Annotation): Promise<void> {
    const row = recordOf(a);
    await guard(() => this.transaction('rw', this.annotations, () => this.annotations.put(row)));
  }

  /** Deletes and returns what was deleted (for 撤销); null when there was nothing. */
  async deleteAnnotation(id: string): Promise<Annotation | null> {
    return guard(
      () =>
        this.transaction('rw', this.annotations, async () => {
          const row = await this.annotations.get(id);
          await this.annotations.delete(id);
          return restoreAnnotation(row);
        }),
      '删除',
    );
  }

  async annotationsForDoc(docId: string): Promise<Annotation[]> {
    return restoreAll(await guard(() => this.annotations.where('docId').equals(docId).toArray(), '读取'));
  }

  /** Every annotation, newest first. */
  async allAnnotations(): Promise<Annotation[]> {
    return restoreAll(await guard(() => this.annotations.orderBy('created').reverse().toArray(), '读取'));
  }

  async annotationCount(): Promise<number> {
    return guard(() => this.annotations.count(), '读取');
  }

  /**
   * Merges a validated list by id (newer `modified` wins) in ONE transaction:
   * if any write fails, nothing of the import is kept.
   */
  async importAnnotations(list: readonly Annotation[]): Promise<ImportCounts> {
    const rows = list.map(recordOf);
    return guard(
      () =>
        this.transaction('rw', this.annotations, async () => {
          const existing = restoreAll((await this.annotations.bulkGet(rows.map((r) => r.id))).filter((r) => r !== undefined));
          const merge = mergeAnnotations(existing, list);
          if (merge.toWrite.length) await this.annotations.bulkPut(merge.toWrite.map(recordOf));
          return { added: merge.added, updated: merge.updated, unchanged: merge.unchanged };
        }),
      '导入',
    );
  }

  /** Annotations whose `policyReader:contentHash` differs from the corpus's (candidates for re-anchoring; orphans included). */
  async annotationsNotOn(contentHash: string): Promise<Annotation[]> {
    const all = restoreAll(await guard(() => this.annotations.toArray(), '读取'));
    return all.filter((a) => a.target['policyReader:contentHash'] !== contentHash || a['policyReader:orphaned'] === true);
  }

  /**
   * Writes re-anchored annotations in one transaction, skipping any the user
   * edited meanwhile (its `modified` changed): re-anchoring never overwrites
   * the user's own work. Returns how many were written.
   */
  async saveReanchored(updates: readonly { before: Annotation; after: Annotation }[]): Promise<number> {
    if (!updates.length) return 0;
    return guard(() =>
      this.transaction('rw', this.annotations, async () => {
        const current = await this.annotations.bulkGet(updates.map((u) => u.before.id));
        const rows: AnnotationRecord[] = [];
        updates.forEach((u, i) => {
          const now = current[i];
          if (now && now.modified === u.before.modified) rows.push(recordOf(u.after));
        });
        if (rows.length) await this.annotations.bulkPut(rows);
        return rows.length;
      }),
    );
  }

  /** Empties the annotations table (tests, restore of a backup into an empty store). */
  async clearAnnotations(): Promise<void> {
    await guard(() => this.transaction('rw', this.annotations, () => this.annotations.clear()), '删除');
  }
}

let instance: ReaderDatabase | null = null;

/** The app's single instance, opened lazily so importing this module has no side effect. */
export function db(): ReaderDatabase {
  instance ??= new ReaderDatabase();
  return instance;
}
