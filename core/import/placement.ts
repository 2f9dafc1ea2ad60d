/**
 * Where a newly imported document stands among the documents already held:
 * the same text, an adaptation, a new version (revision) or partly the same,
 * measured exactly as the corpus build measures (detectVariants: shingles,
 * clause matches, the named thresholds) and counted unit by unit as the
 * comparison view counts (alignDocuments). Candidates are chosen first, from
 * the library summaries alone (title, 文号, issuer), so only a handful of
 * documents need to be loaded.
 */
import { alignDocuments } from '../compare/align.js';
import { detectVariants } from '../compare/detect.js';
import type { Relation } from '../compare/format.js';
import { bigramDice, coreTitle } from '../compare/titles.js';
import type { DocSummary, PolicyDocument } from '../corpus/types.js';

export interface Placement {
  /** The document already held. */
  other: { id: string; title: string; docNumber: string | null; date: string | null };
  relation: Relation;
  /** For a revision: whether the imported document is the newer text. */
  importedIsNewer: boolean | null;
  jaccard: number;
  /** Units that have a counterpart on the other side (same, changed or moved). */
  matched: number;
  /** Of those, units whose text differs. */
  changed: number;
}

/** Enough to find a document's relatives when titles say nothing (a city's copy of a province's text keeps most of its title). */
export const MAX_CANDIDATES = 12;
const MIN_TITLE_DICE = 0.3;

/** The documents worth measuring: same 文号, or a similar core title (what a notice issues, without years and draft marks). */
export function placementCandidates(doc: Pick<DocSummary, 'id' | 'title' | 'docNumber'>, library: readonly DocSummary[], max = MAX_CANDIDATES): string[] {
  const core = coreTitle(doc.title);
  return library
    .filter((d) => d.id !== doc.id)
    .map((d) => ({ id: d.id, score: (doc.docNumber && d.docNumber === doc.docNumber ? 1 : 0) + bigramDice(core, coreTitle(d.title)) }))
    .filter((c) => c.score >= MIN_TITLE_DICE)
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .slice(0, max)
    .map((c) => c.id);
}

const RANK: Record<Relation, number> = { same: 0, revision: 1, adaptation: 2, related: 3 };

export function placeDocument(doc: PolicyDocument, candidates: readonly PolicyDocument[]): Placement[] {
  const others = candidates.filter((c) => c.id !== doc.id);
  if (!others.length) return [];
  const byId = new Map(others.map((d) => [d.id, d]));
  const variants = detectVariants([doc, ...others]);
  const out: Placement[] = [];
  for (const family of variants.families) {
    for (const pair of family.pairs) {
      if (pair.a !== doc.id && pair.b !== doc.id) continue;
      const other = byId.get(pair.a === doc.id ? pair.b : pair.a)!;
      const { summary } = alignDocuments(other, doc);
      out.push({
        other: { id: other.id, title: other.title, docNumber: other.docNumber, date: other.date },
        relation: pair.relation,
        importedIsNewer: pair.relation === 'revision' ? pair.b === doc.id : null,
        jaccard: pair.jaccard,
        matched: summary.same + summary.changed + summary.moved,
        changed: summary.changed,
      });
    }
  }
  return out.sort((a, b) => RANK[a.relation] - RANK[b.relation] || b.jaccard - a.jaccard);
}
