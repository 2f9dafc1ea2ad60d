import { LoadError, Loading } from '../components/Status';
import { useDocument } from '../hooks/useCorpus';
import { CompareView } from './CompareView';

/** #/compare/<docIdA>/<docIdB>: both documents load (cached), then the view aligns them. */
export function CompareRoute({ a, b }: { a: string; b: string }) {
  const docA = useDocument(a);
  const docB = useDocument(b);
  if (docA.status === 'error') return <LoadError message={docA.error} retry={docA.retry} />;
  if (docB.status === 'error') return <LoadError message={docB.error} retry={docB.retry} />;
  if (docA.status === 'loading' || docB.status === 'loading') return <Loading label="正在打开两篇文档…" />;
  return <CompareView a={docA.value} b={docB.value} />;
}
