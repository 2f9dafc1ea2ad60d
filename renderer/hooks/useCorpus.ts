import { loadDocument, loadLibrary } from '../data/corpus';
import { useAsync } from './useAsync';

export const useLibrary = () => useAsync('library', loadLibrary);
export const useDocument = (docId: string) => useAsync(`doc:${docId}`, () => loadDocument(docId));
