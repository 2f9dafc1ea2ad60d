/**
 * Keeps the search worker's copy of the user's documents current: sent at
 * start and after every import, edit or removal, so a search covers 我的文件
 * with the corpus.
 */
import { applyEdits, onUserLibraryChange } from '../data/userLibrary';
import { userDocRows } from '../platform/userLibrary';
import { searchClient } from '../search/client';

let sent = false;

async function send(): Promise<void> {
  try {
    const docs = (await userDocRows()).map((r) => applyEdits(r.doc, r.edits));
    // With nothing to send, the search worker is not started before the first search (it starts lazily).
    if (!docs.length && !sent) return;
    sent = true;
    searchClient().setUserDocs(docs);
  } catch {
    // An unreadable store leaves the corpus searchable; the library shows the storage error.
  }
}

export function syncUserDocsToSearch(): () => void {
  void send();
  return onUserLibraryChange(() => void send());
}
