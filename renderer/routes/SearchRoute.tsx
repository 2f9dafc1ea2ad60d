import { navigate } from '../hooks/useRoute';
import { SearchPanel } from '../search/SearchPanel';

export function SearchRoute({ query }: { query: string }) {
  return (
    <div className="search-route">
      <SearchPanel
        query={query}
        onQueryChange={(q) => navigate({ name: 'search', query: q }, { replace: true })}
        onOpen={(docId, unitId, q) => navigate({ name: 'doc', docId, unitId, query: q })}
      />
    </div>
  );
}
