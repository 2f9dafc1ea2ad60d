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
  anchorCheckKey,
  annotationRecord,
  restoreAnchorCheck,
  restoreAnnotation,
  restorePosition,
  restoreSettings,
  clampFontSize,
  type AnchorCheckRow,
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
  /** Entries whose local version differs from the imported one: the local one stays, the imported one is stored beside it (CONFLICT_TAG). */
  conflicts: number;
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

/** Above this many ids, reading the whole table in one request beats one get per id. */
const BULK_READ_ALL = 200;

export class ReaderDatabase extends Dexie {
  positions!: EntityTable<ReadingPosition, 'docId'>;
  settings!: EntityTable<SettingRow, 'key'>;
  annotations!: EntityTable<AnnotationRecord, 'id'>;
  anchorChecks!: EntityTable<AnchorCheckRow, 'contentHash'>;

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

  /**
   * Toggles the bookmark of a clause (or, with a null unit, of the document)
   * in ONE transaction: when the clause has a bookmark, every bookmark of it
   * is deleted and returned; else `bookmark` is stored. IndexedDB runs
   * read-write transactions on a table one after another, so a very fast
   * double press (b b, or a double click on ☆) toggles twice and can never
   * leave two bookmarks on one clause.
   */
  async toggleBookmark(bookmark: Annotation): Promise<{ added: Annotation | null; removed: Annotation[] }> {
    const row = recordOf(bookmark);
    return guard(() =>
      this.transaction('rw', this.annotations, async () => {
        const same = (await this.annotations.where('docId').equals(row.docId).toArray()).filter((r) => r.motivation === 'bookmarking' && r.unitId === row.unitId);
        if (!same.length) {
          await this.annotations.put(row);
          return { added: bookmark, removed: [] };
        }
        await this.annotations.bulkDelete(same.map((r) => r.id));
        return { added: null, removed: restoreAll(same) };
      }),
    );
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
   * Merges a validated list by id (core mergeAnnotations: a newer version
   * replaces the stored one only when the user's content is the same; a
   * different local version is kept and the imported one stored beside it)
   * in ONE transaction: if any write fails, nothing of the import is kept.
   *
   * Sized for 10,000 entries: the table is asked only which ids it holds
   * (keys, no objects), full rows are read only for ids already stored (ids
   * compare without case), and only what the merge chose is written.
   */
  async importAnnotations(list: readonly Annotation[]): Promise<ImportCounts> {
    // Validated before the transaction starts: an invalid entry refuses the whole list.
    const rows = new Map(list.map((a) => [a, recordOf(a)]));
    return guard(
      () =>
        this.transaction('rw', this.annotations, async () => {
          const stored = new Map((await this.annotations.toCollection().primaryKeys()).map((k) => [String(k).toLowerCase(), k]));
          const knownIds = [...new Set(list.map((a) => stored.get(a.id.toLowerCase())).filter((k) => k !== undefined))];
          const existing = knownIds.length ? restoreAll((await this.annotations.bulkGet(knownIds)).filter((r) => r !== undefined)) : [];
          const merge = mergeAnnotations(existing, list, (id) => stored.has(id.toLowerCase()));
          if (merge.toWrite.length) await this.annotations.bulkPut(merge.toWrite.map((a) => rows.get(a) ?? recordOf(a)));
          return { added: merge.added, updated: merge.updated, unchanged: merge.unchanged, conflicts: merge.conflicts.length };
        }),
      '导入',
    );
  }

  /**
   * Annotations whose `policyReader:contentHash` differs from the corpus's
   * (candidates for re-anchoring; orphans included), less those the last pass
   * on this corpus found unchanged (AnchorCheckRow).
   */
  async annotationsNotOn(contentHash: string): Promise<Annotation[]> {
    const [rows, check] = await guard(
      () => this.transaction('r', this.annotations, this.anchorChecks, () => Promise.all([this.annotations.toArray(), this.anchorChecks.get(contentHash)])),
      '读取',
    );
    const kept = restoreAnchorCheck(check, contentHash);
    // Checked on the raw row first, so a start with nothing to re-anchor validates nothing.
    const stale = rows.filter((r) => {
      const a = r.annotation as Partial<Annotation> | undefined;
      if (r.orphaned !== 0 || !a?.target || typeof a.modified !== 'string') return true;
      return a.target['policyReader:contentHash'] !== contentHash && kept.get(r.id) !== anchorCheckKey(a as Annotation);
    });
    return restoreAll(stale).filter(
      (a) => a['policyReader:orphaned'] === true || (a.target['policyReader:contentHash'] !== contentHash && kept.get(a.id) !== anchorCheckKey(a)),
    );
  }

  /**
   * Writes re-anchored annotations in one transaction, skipping any the user
   * edited meanwhile (its `modified` changed): re-anchoring never overwrites
   * the user's own work. Returns how many were written.
   *
   * `unchanged` lists annotations the pass found exactly where they were on
   * corpus `contentHash`: they are not rewritten, only remembered (one row),
   * so later passes on this corpus skip them.
   */
  async saveReanchored(
    updates: readonly { before: Annotation; after: Annotation }[],
    unchanged?: { contentHash: string; annotations: readonly Annotation[] },
  ): Promise<number> {
    if (!updates.length && !unchanged?.annotations.length) return 0;
    return guard(() =>
      this.transaction('rw', this.annotations, this.anchorChecks, async () => {
        if (unchanged?.annotations.length) {
          const { contentHash } = unchanged;
          const kept = restoreAnchorCheck(await this.anchorChecks.get(contentHash), contentHash);
          for (const a of unchanged.annotations) kept.set(a.id, anchorCheckKey(a));
          // One row: checks made on an older corpus say nothing about this one.
          await this.anchorChecks.clear();
          await this.anchorChecks.put({ contentHash, kept: Object.fromEntries(kept) });
        }
        if (!updates.length) return 0;
        // After a rebuild most rows may be updated: one getAll of the table costs far less than a get per id.
        const current = updates.length > BULK_READ_ALL ? await this.annotations.toArray() : await this.annotations.bulkGet(updates.map((u) => u.before.id));
        const modifiedNow = new Map(current.filter((r) => r !== undefined).map((r) => [r.id, r.modified]));
        const rows: AnnotationRecord[] = [];
        for (const u of updates) {
          if (modifiedNow.get(u.before.id) === u.before.modified) rows.push(recordOf(u.after));
        }
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
