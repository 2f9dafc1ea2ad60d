/**
 * Schema history. Each entry is one Dexie version: the complete store layout
 * at that version plus, when existing rows must change, a named upgrade
 * function. Never edit a shipped entry; append a new one.
 */
import type { Transaction } from 'dexie';
import { annotationRecord } from './records';

export interface Migration {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

const V1_STORES = {
  positions: 'docId, updatedAt',
  settings: 'key',
};

/**
 * Annotations (W3C objects, see core/annotations/model.ts) with the fields the
 * queries need as indexes; `orphaned` is 0/1 because IndexedDB cannot index
 * booleans.
 */
const V2_STORES = {
  ...V1_STORES,
  annotations: 'id, docId, unitId, motivation, colour, *tags, created, modified, orphaned',
};

/**
 * v1 → v2. Version 1 had no annotations, so a v1 database arrives with an
 * empty table and its positions and settings untouched (tested with data).
 * The function still re-derives every row it finds from its W3C object and
 * drops invalid ones: the index fields must never disagree with the object,
 * and the upgrade is where a later schema change to those fields will go.
 */
export async function addAnnotationsTable(tx: Transaction): Promise<void> {
  await tx
    .table('annotations')
    .toCollection()
    .modify((row: { annotation?: unknown }, ref: { value: unknown }) => {
      const fixed = annotationRecord(row.annotation);
      if (fixed) ref.value = fixed;
      else delete (ref as { value?: unknown }).value;
    });
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, stores: V1_STORES },
  { version: 2, stores: V2_STORES, upgrade: addAnnotationsTable },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
