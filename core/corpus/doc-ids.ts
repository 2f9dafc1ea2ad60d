/**
 * Document ids: the corpus's are `p` + hex (core/corpus/build.ts), the user's own imported documents'
 * are `u` + 11 hex digits (core/import/user-documents.ts), so the two can never collide and a list
 * can tell them apart by the id alone.
 */
export const USER_ID_PREFIX = 'u';
export const isUserDocId = (id: string) => id.startsWith(USER_ID_PREFIX);

/**
 * Documents in the order detection, the search index and the search thread number them: by id, as code units compare.
 * One definition, since the thread's numbering must be the index's.
 */
export const sortedById = <T extends { id: string }>(docs: readonly T[]): T[] => docs.slice().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
