/**
 * Documents whose units are read only when asked for (issue 20: a rebuild after one changed file).
 *
 * A rebuild takes nearly every document from the parse cache, and nearly all of the build needs only their
 * metadata: the variants step reads each document's clause data from its own cache, and the documents' files are
 * linked from the previous version. Holding every document's units through variant detection (millions of small
 * objects at 10,000 documents) made every collection mark them again: read back only for the search index, the
 * variants phase of a rebuild fell from about 12.7 to 8.4 s, and its peak from 1.83 to 1.57 GB (README).
 *
 * A deferred document's `units` is `[]` until the corpus is assembled (only its counts are needed there); the
 * assembled document's `units` is a getter that reads them (`load`) each time it is asked, keeping the last
 * result only as long as something else holds it (a WeakRef), so the build never holds them all at once.
 */
import type { Unit } from './types.js';

export interface DeferredUnits {
  /** What the assembled document's `unitCount` and `charCount` are: counted when the units were parsed. */
  unitCount: number;
  charCount: number;
  /** The units, read again from wherever they are kept (the parse cache: cli/parse-cache.ts). Throws if they are gone. */
  load(): Unit[];
}

const deferred = new WeakMap<object, DeferredUnits>();

/** `doc` (its `units` empty) with its units to be read by `units.load` when the corpus is assembled. */
export function deferUnits<T extends { units: Unit[] }>(doc: T, units: DeferredUnits): T {
  deferred.set(doc, units);
  return doc;
}

/** The deferred units of a document (parsed or assembled), or undefined when it holds them. */
export function deferredUnits(doc: object): DeferredUnits | undefined {
  return deferred.get(doc);
}

/**
 * Makes `doc.units` (already a key of `doc`, so the document's JSON keeps its key order) a getter for `units.load()`,
 * and `doc` a document with deferred units. Assigning `doc.units` makes it plain data again.
 */
export function unitsOnDemand(doc: { units: Unit[] }, units: DeferredUnits): void {
  deferred.set(doc, units);
  let last: WeakRef<Unit[]> | undefined;
  Object.defineProperty(doc, 'units', {
    enumerable: true,
    configurable: true,
    get() {
      const held = last?.deref();
      if (held) return held;
      const loaded = units.load();
      last = new WeakRef(loaded);
      return loaded;
    },
    set(value: Unit[]) {
      deferred.delete(doc);
      Object.defineProperty(doc, 'units', { value, enumerable: true, configurable: true, writable: true });
    },
  });
}
