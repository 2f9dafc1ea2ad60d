/**
 * `policy-reader build` reads `.pdf`, `.docx`, `.doc` and `.html` files in raw/ through
 * the app's own extractors (extract.ts), so a maintainer gets the text the
 * app's import gets (a saved page's document, not its markup). Text files pass
 * through untouched: the build's decoder reads them (Markdown included). A file that cannot be extracted is skipped with its reason, like any
 * other bad raw file; the build never stops on one. What extracting a file noticed (a page read as GB18030, stray NULs
 * dropped from a PDF) is a warning of that file, as the decoder's are for a text file: the extracted text, handed on
 * as UTF-8, no longer shows it.
 */
import type { RawFile } from '../corpus/build.js';
import type { BuildWarning } from '../corpus/types.js';
import { type ExtractorLibs, ImportError, extractText, sourceKind } from './extract.js';

export async function extractRawFiles(files: readonly RawFile[], libs: ExtractorLibs): Promise<{ files: RawFile[]; skipped: BuildWarning[]; warnings: BuildWarning[] }> {
  const out: RawFile[] = [];
  const skipped: BuildWarning[] = [];
  const warnings: BuildWarning[] = [];
  for (const f of files) {
    const kind = sourceKind(f.name);
    if (kind !== 'pdf' && kind !== 'docx' && kind !== 'doc' && kind !== 'html') {
      out.push(f);
      continue;
    }
    try {
      const extracted = await extractText(f.name, f.bytes, libs);
      out.push({ name: f.name, bytes: new TextEncoder().encode(extracted.text) });
      for (const message of extracted.warnings) warnings.push({ file: f.name, message });
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      skipped.push({ file: f.name, message: `已跳过：${e.message}` });
    }
  }
  return { files: out, skipped, warnings };
}
