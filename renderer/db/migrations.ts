/**
 * Schema history. Each entry is one Dexie version: the complete store layout
 * at that version plus, when existing rows must change, a named upgrade
 * function. Never edit a shipped entry; append a new one.
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

/**
 * Annotations (W3C objects, see core/annotations/model.ts) with the fields the
 * queries need as indexes; `orphaned` is 0/1 because IndexedDB cannot index
 * booleans.
 */
const V2_STORES = {
  ...V1_STORES,
  annotations: 'id, docId, unitId, motivation, colour, *tags, created, modified, orphaned',
};

/*
 * v1 → v2 adds the annotations table and needs no upgrade function: version 1
 * had no annotations, so the new table is empty when the upgrade runs and a
 * function over its rows could never see one (positions and settings are
 * untouched; tested with data in annotations.test.ts). Rows are derived from
 * their W3C object by annotationRecord on every write.
 */

/**
 * v3 keeps only the annotation indexes a query uses (by document, by date).
 * IndexedDB writes every index entry of every row: with nine indexes (one of
 * them multi-entry, tags) importing or re-anchoring 10,000 annotations spent
 * most of its time maintaining indexes nothing read (measured with
 * `npm run bench:annotations`). Filtering by type, colour, tag and the rest
 * happens in memory over the loaded list (core/annotations/filter.ts). The
 * rows keep their derived fields, so an index can come back without touching
 * data.
 *
 * `anchorChecks` (one row) remembers which annotations the last re-anchoring
 * pass found exactly where they were on the current corpus, so the pass does
 * not rewrite 10,000 rows just to change their corpus stamp (see
 * AnchorCheckRow in records.ts).
 */
const V3_STORES = {
  ...V1_STORES,
  annotations: 'id, docId, created',
  anchorChecks: 'contentHash',
};

/**
 * v4: the user's own documents (issue 17, renderer/db/user-library.ts).
 * `userFiles` holds each imported original (a Blob) with its extracted raw
 * text, keyed by the SHA-256 of its bytes (a second import of the same bytes
 * is found by key); `userDocs` holds the documents built from it, keyed by
 * their `u…` id, indexed by the file they came from. Existing tables are
 * untouched; the upgrade only creates the two empty tables.
 */
const V4_STORES = {
  ...V3_STORES,
  userFiles: 'hash, importedAt',
  userDocs: 'id, fileHash',
};

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, stores: V1_STORES },
  { version: 2, stores: V2_STORES },
  // No upgrade function: Dexie deletes the dropped indexes and adds the empty table; rows stay as they are.
  { version: 3, stores: V3_STORES },
  { version: 4, stores: V4_STORES },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
