/**
 * Schema history. Each entry is one Dexie version: the complete store layout
 * at that version plus, when existing rows must change, a named upgrade
 * function. Never edit a shipped entry; append a new one. Future tables
 * (bookmarks, highlights, notes) arrive as version 2+, e.g.
 *
 *   { version: 2, stores: { ...v1, bookmarks: '++id, docId, unitId, createdAt' }, upgrade: addBookmarks }
 */
import type { Transaction } from 'dexie';

export interface Migration {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

const V1_STORES = {
  positions: 'docId, updatedAt',
  settings: 'key',
};

export const MIGRATIONS: readonly Migration[] = [{ version: 1, stores: V1_STORES }];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
