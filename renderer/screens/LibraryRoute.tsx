import { useLibrary, useLibraryHead } from '../hooks/useCorpus';
import { LibraryView } from '../library/LibraryView';
import type { LibraryFilters } from '../routing/hash';
import { LoadError, Loading } from '../components/Status';

export function LibraryRoute({ filters }: { filters: LibraryFilters }) {
  const lib = useLibrary();
  // The build's first screen stands in while the full list loads (LibraryView).
  const head = useLibraryHead();
  const headValue = head.status === 'ready' ? head.value : null;
  if (lib.status === 'error') return <LoadError message={lib.error} retry={lib.retry} />;
  if (lib.status === 'loading' && !headValue) return <Loading />;
  const ready = lib.status === 'ready' ? lib.value : null;
  return <LibraryView docs={ready ? ready.docs : null} head={headValue} dropped={ready ? ready.dropped : 0} filters={filters} />;
}
