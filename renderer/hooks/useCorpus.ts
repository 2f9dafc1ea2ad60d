import { loadDocument, loadLibrary, loadLibraryHead } from '../data/corpus';
import { isUserDocId, useUserLibraryVersion } from '../data/userLibrary';
import { useAsync } from './useAsync';

// The user library's version is in the keys: an import, an edit or a removal re-reads the list and the user's documents.
export const useLibrary = () => useAsync(`library:${useUserLibraryVersion()}`, loadLibrary);
export const useLibraryHead = () => useAsync(`library-head:${useUserLibraryVersion()}`, loadLibraryHead);
export function useDocument(docId: string) {
  const v = useUserLibraryVersion();
  return useAsync(`doc:${docId}${isUserDocId(docId) ? `:${v}` : ''}`, () => loadDocument(docId));
}
