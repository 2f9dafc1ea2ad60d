import { useLibrary, useLibraryHead } from '../hooks/useCorpus';
import { LibraryHeadView, LibraryView } from '../library/LibraryView';
import { EMPTY_FILTERS, type LibraryFilters } from '../routing/hash';
import { LoadError, Loading } from '../components/Status';

const unfiltered = (f: LibraryFilters) => (Object.keys(EMPTY_FILTERS) as (keyof LibraryFilters)[]).every((k) => f[k] === EMPTY_FILTERS[k]);

export function LibraryRoute({ filters }: { filters: LibraryFilters }) {
  const lib = useLibrary();
  // The build's first screen stands in while the full list loads, for the view it was made for (no filter, default order).
  const head = useLibraryHead();
  if (lib.status === 'loading') {
    if (head.status === 'ready' && head.value && unfiltered(filters)) return <LibraryHeadView head={head.value} filters={filters} />;
    return <Loading />;
  }
  if (lib.status === 'error') return <LoadError message={lib.error} retry={lib.retry} />;
  return <LibraryView docs={lib.value.docs} dropped={lib.value.dropped} filters={filters} />;
}
