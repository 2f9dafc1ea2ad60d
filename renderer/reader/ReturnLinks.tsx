/** ← 文库 back to the library as it was (filters, sort, scroll); 返回搜索结果 lives in the reader dock (ReaderDock) so it stays visible. */
import { lastPlace } from '../routing/places';

export function ReturnLinks() {
  return <a href={lastPlace('library') ?? '#/'}>← 文库</a>;
}
