/**
 * A large library for the scale tests and bench:startup: the corpus's own
 * library.json entries repeated with new ids (and a copy number in the title,
 * so sorting is not all ties) up to N documents. Only the originals have
 * document files, copied with the search index and variants: enough to
 * measure the library itself (visible, filtered, scrolled), which reads only
 * library.json. Until the real-text generator is merged there are not 10,000
 * real documents to use.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocSummary } from '../../core/corpus/types';
import { LIBRARY_HEAD_FILE, libraryHead } from '../../core/corpus/library-head';

export function makeLargeLibrary(src: string, n: number): { dir: string; originals: DocSummary[]; count: number } {
  const out = mkdtempSync(join(tmpdir(), 'policy-reader-large-'));
  const originals = JSON.parse(readFileSync(join(src, 'library.json'), 'utf8')) as DocSummary[];
  const all: DocSummary[] = [...originals];
  for (let k = 1; all.length < n; k++)
    for (const d of originals) {
      if (all.length >= n) break;
      all.push({ ...d, id: `${d.id}c${k}`, title: `${d.title}（副本${k}）` });
    }
  all.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  writeFileSync(join(out, 'library.json'), JSON.stringify(all));
  // The build writes the library's first screen beside the list; a large library has its own.
  writeFileSync(join(out, LIBRARY_HEAD_FILE), JSON.stringify(libraryHead(all)));
  // Copies, not symlinks: the preview server refuses links out of its root. A built corpus's top-level
  // names are relative links through current/ (policy-reader build): dereference them, or the copies are
  // dangling links and the app's manifest and search index 404.
  for (const f of ['docs', 'search', 'manifest.json', 'variants.json', 'variants', 'variants-lsh.json'])
    if (existsSync(join(src, f))) cpSync(join(src, f), join(out, f), { recursive: true, dereference: true });
  return { dir: out, originals, count: all.length };
}
