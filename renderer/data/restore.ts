/**
 * The corpus validators live in core/corpus/restore.ts (shared with the CLI
 * and the main process); this module gives their failures Chinese messages
 * for the people reading them in the app.
 */
import type { PolicyDocument } from '../../core/corpus/types';
import {
  CorpusFormatError,
  restoreDocument as restoreCoreDocument,
  restoreLibrary as restoreCoreLibrary,
  type RestoredLibrary,
} from '../../core/corpus/restore';

export { restoreSummary, type RestoredLibrary } from '../../core/corpus/restore';

function inChinese(e: unknown, expectedId?: string): never {
  if (!(e instanceof CorpusFormatError)) throw e;
  switch (e.code) {
    case 'not-a-list':
      throw new Error('library.json 不是文档列表');
    case 'bad-document':
      throw new Error('文档文件格式不正确');
    case 'id-mismatch':
      throw new Error(`文档编号不符：期望 ${expectedId}（${e.message}）`);
    case 'format-version':
      throw new Error(`不支持的语料格式版本，请重新构建语料（${e.message}）`);
  }
}

export function restoreLibrary(v: unknown): RestoredLibrary {
  try {
    return restoreCoreLibrary(v);
  } catch (e) {
    inChinese(e);
  }
}

/** A full document; throws with a user-facing message when it cannot be read at all. */
export function restoreDocument(v: unknown, expectedId: string): PolicyDocument {
  try {
    return restoreCoreDocument(v, expectedId);
  } catch (e) {
    inChinese(e, expectedId);
  }
}
