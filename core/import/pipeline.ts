/**
 * One file through the whole import, in the order the user sees it: read,
 * recognise the text, parse, compare with what is held. Runs in the import
 * worker (and in `npm run bench:import`); storing the result is the caller's
 * job, in one transaction, so a failure anywhere here adds nothing.
 */
import type { LshTables } from '../compare/format.js';
import { lshCandidates } from '../compare/place.js';
import type { HashHex } from '../corpus/build.js';
import type { DocSummary, PolicyDocument } from '../corpus/types.js';
import { type ExtractorLibs, ImportError, type SourceKind, extractText } from './extract.js';
import { MAX_CANDIDATES, type Placement, placeDocument, placementCandidates } from './placement.js';
import { buildUserDocuments } from './user-documents.js';

export type ImportStage = 'reading' | 'recognising' | 'parsing' | 'comparing';

export interface ImportedFile {
  hash: string;
  name: string;
  kind: SourceKind;
  size: number;
  pages: number | null;
  /** The extracted raw text (kept with the original: a rebuild or a bug report needs it). */
  rawText: string;
  docs: PolicyDocument[];
  /** Document id → where it stands among the documents already held. */
  placements: Record<string, Placement[]>;
  warnings: string[];
}

export interface ImportContext {
  libs: ExtractorLibs;
  sha256Hex: HashHex;
  /** Hashes of files already imported: the same bytes again are refused (the caller offers to open it). */
  known: ReadonlySet<string>;
  /** The documents already held (corpus and user library), and a way to load the few that placement measures. */
  library: () => Promise<readonly DocSummary[]>;
  loadDocument: (id: string) => Promise<PolicyDocument>;
  /**
   * The corpus's shipped LSH tables (`variants-lsh.json`), null when the corpus has none: they find
   * relatives that neither title nor 文号 names (a city's rewrite of a province's text under a new title).
   */
  lshTables?: () => Promise<LshTables | null>;
  onStage?: (stage: ImportStage, detail?: string) => void;
  cancelled?: () => boolean;
}

export class DuplicateImport extends ImportError {
  constructor(
    readonly hash: string,
    name: string,
  ) {
    super('duplicate', `这个文件已经导入过：${name}`);
  }
}

export async function importFile(name: string, bytes: Uint8Array, ctx: ImportContext): Promise<ImportedFile> {
  const check = () => {
    if (ctx.cancelled?.()) throw new ImportError('cancelled', `已取消：${name}`);
  };
  ctx.onStage?.('reading');
  const hash = ctx.sha256Hex(bytes);
  if (ctx.known.has(hash)) throw new DuplicateImport(hash, name);
  check();
  ctx.onStage?.('recognising');
  const extracted = await extractText(name, bytes, ctx.libs, { cancelled: ctx.cancelled, onPage: (n, total) => ctx.onStage?.('recognising', `${n}/${total} 页`) });
  check();
  ctx.onStage?.('parsing');
  const built = buildUserDocuments(name, extracted, hash, ctx.sha256Hex);
  check();
  ctx.onStage?.('comparing');
  const library = await ctx.library();
  const placements: Record<string, Placement[]> = {};
  for (const doc of built.docs) {
    const ids = await candidateIds(doc, library, ctx);
    const candidates = (await Promise.all(ids.map((id) => ctx.loadDocument(id).catch(() => null)))).filter((d): d is PolicyDocument => d !== null);
    check();
    placements[doc.id] = placeDocument(doc, candidates);
  }
  return { hash, name, kind: extracted.kind, size: bytes.length, pages: extracted.pages, rawText: extracted.text, docs: built.docs, placements, warnings: built.warnings };
}

/**
 * The documents placement measures: those named alike (same 文号, similar title: also the user's own
 * files, which are not in the corpus's tables) first, then those the corpus's LSH tables find by text.
 */
async function candidateIds(doc: PolicyDocument, library: readonly DocSummary[], ctx: ImportContext): Promise<string[]> {
  const ids = placementCandidates(doc, library);
  const tables = await ctx.lshTables?.().catch(() => null);
  if (!tables) return ids;
  let byText: string[] = [];
  try {
    byText = lshCandidates(doc, tables, MAX_CANDIDATES);
  } catch {
    // Tables from another version of the program: placement falls back to titles and 文号.
  }
  return [...new Set([...ids, ...byText])].slice(0, 2 * MAX_CANDIDATES);
}
