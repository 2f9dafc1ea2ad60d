/**
 * Document ids: the corpus's are `p` + hex (core/corpus/build.ts), the user's own imported documents'
 * are `u` + 11 hex digits (core/import/user-documents.ts), so the two can never collide and a list
 * can tell them apart by the id alone.
 */
export const USER_ID_PREFIX = 'u';
export const isUserDocId = (id: string) => id.startsWith(USER_ID_PREFIX);
