import { LoadError, Loading } from '../components/Status';
import { useDocument } from '../hooks/useCorpus';
import { ReaderView } from '../reader/ReaderView';
import { isUserDocId } from '../data/userLibrary';
import { UserDocPanel } from '../import/UserDocPanel';

export function DocRoute({ docId, unitId, query, nonce }: { docId: string; unitId: string | null; query: string; nonce: number }) {
  const doc = useDocument(docId);
  if (doc.status === 'loading') return <Loading label="正在打开文档…" />;
  if (doc.status === 'error') return <LoadError message={doc.error} retry={doc.retry} />;
  return (
    <>
      {isUserDocId(docId) && <UserDocPanel docId={docId} />}
      <ReaderView doc={doc.value} unitId={unitId} highlightQuery={query} nonce={nonce} />
    </>
  );
}
