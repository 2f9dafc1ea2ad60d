import { useLibrary } from '../hooks/useCorpus';
import { LibraryView } from '../library/LibraryView';
import type { LibraryFilters } from '../routing/hash';
import { LoadError, Loading } from '../components/Status';

export function LibraryRoute({ filters }: { filters: LibraryFilters }) {
  const lib = useLibrary();
  if (lib.status === 'loading') return <Loading />;
  if (lib.status === 'error') return <LoadError message={lib.error} retry={lib.retry} />;
  return <LibraryView docs={lib.value.docs} dropped={lib.value.dropped} filters={filters} />;
}
