/** ← 文库 back to the library as it was (filters, sort, scroll), and 返回搜索结果 when the document was opened from a search. */
import { lastPlace, searchOpenedFrom } from '../routing/places';

export function ReturnLinks({ docId }: { docId: string }) {
  const search = searchOpenedFrom(docId);
  return (
    <>
      <a href={lastPlace('library') ?? '#/'}>← 文库</a>
      {search && (
        <a href={search} className="back-to-search">
          ← 返回搜索结果
        </a>
      )}
    </>
  );
}
