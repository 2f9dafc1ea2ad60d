/**
 * The one spelling of a unit id, `<docId>~<path>`. Stored annotations, links
 * (#/doc/<id>/<unit>), the search index and comparison all key on it, so it is
 * built and taken apart only here. Document ids and paths never contain '~'
 * (ids are hex, paths are `ch3.ar15`-style), so the first '~' is the split.
 */
const SEP = '~';

/** The id of the unit at `path` in document `docId`. */
export function unitId(docId: string, path: string): string {
  return `${docId}${SEP}${path}`;
}

/** `{docId, path}` of a unit id; an id without '~' is a document id with an empty path. */
export function splitUnitId(id: string): { docId: string; path: string } {
  const at = id.indexOf(SEP);
  return at < 0 ? { docId: id, path: '' } : { docId: id.slice(0, at), path: id.slice(at + 1) };
}
