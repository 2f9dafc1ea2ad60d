import { navigate } from '../hooks/useRoute';
import { EMPTY_SEARCH, type SearchState } from '../routing/searchState';
import { SearchPanel } from '../search/SearchPanel';

export function SearchRoute({ query, state }: { query: string; state?: SearchState }) {
  const s = { ...(state ?? EMPTY_SEARCH), query };
  return (
    <div className="search-route">
      <SearchPanel state={s} onChange={(next, { replace }) => navigate({ name: 'search', query: next.query, state: next }, { replace })} />
    </div>
  );
}
