/**
 * Extracted text → documents of the user's library, through the corpus
 * pipeline itself (decode, lines, furniture, paragraphs, segment, assemble,
 * structure, copies collapsed): no second parser. Only the ids differ: a
 * user document's id is `u` + 11 hex digits (the corpus's are `p…`), so the
 * two can never collide, and it is derived from the file's bytes and the
 * pipeline's own id, so importing the same file again yields the same id.
 */
import { buildCorpus, type HashHex } from '../corpus/build.js';
import type { PolicyDocument, Unit } from '../corpus/types.js';
import { ImportError, type Extracted } from './extract.js';
import { USER_ID_PREFIX, isUserDocId } from '../corpus/doc-ids.js';

export { USER_ID_PREFIX, isUserDocId };

export interface UserBuild {
  docs: PolicyDocument[];
  warnings: string[];
  /** Lines dropped as page furniture (running headers, page numbers), by rule. */
  dropped: Record<string, number>;
}

export function buildUserDocuments(fileName: string, extracted: Extracted, fileHash: string, sha256Hex: HashHex): UserBuild {
  const result = buildCorpus([{ name: fileName, bytes: new TextEncoder().encode(extracted.text) }], sha256Hex);
  if (result.docs.length === 0) {
    const why = result.warnings.map((w) => w.message).join('；');
    throw new ImportError('no-document', `未能从文件中识别出正文：${fileName}${why ? `（${why}）` : ''}`);
  }
  const docs = result.docs.map((d) => withId(d, USER_ID_PREFIX + sha256Hex(`${fileHash}|${d.id}`).slice(0, 11)));
  return {
    docs,
    warnings: [...extracted.warnings, ...result.warnings.map((w) => w.message)],
    dropped: result.rawFiles[0]?.dropped ?? {},
  };
}

/** The same document under another id (unit ids are `<docId>~<path>`). */
export function withId(doc: PolicyDocument, id: string): PolicyDocument {
  const rename = (units: Unit[]): Unit[] => units.map((u) => ({ ...u, id: `${id}~${u.path}`, children: rename(u.children) }));
  return { ...doc, id, units: rename(doc.units) };
}
