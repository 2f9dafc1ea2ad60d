/**
 * Placeholder owned by the search engineer, who will replace this file.
 * The props are the contract the app shell renders it with.
 */
export interface SearchPanelProps {
  query: string;
  onQueryChange(q: string): void;
  onOpen(docId: string, unitId: string, query: string): void;
}

export function SearchPanel({ query }: SearchPanelProps) {
  return (
    <section className="search-placeholder" aria-label="搜索">
      <p>搜索功能开发中{query ? `（查询：${query}）` : ''}</p>
    </section>
  );
}

export default SearchPanel;
