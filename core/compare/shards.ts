/**
 * The one VariantsFile detection returns, as the corpus stores it: a summary (`variants.json`) and a
 * shard per document (`variants/<docId>.json`), and back. Splitting loses nothing: each pair goes to
 * the shards of both its documents, each unit's counterparts to its own document's shard, and joining
 * the summary with every shard gives the detection's file again, in the build's order
 * (shards.test.ts checks it on the sample corpus).
 */
import { splitUnitId } from '../corpus/unit-id.js';
import type { ClauseMatch, FamilySummary, VariantPair, VariantShard, VariantsFile, VariantsSummary } from './format.js';
import { VARIANTS_FORMAT_VERSION } from './format.js';

/** The build's order of a family's pairs and of the links (detect.ts): by the two ids, a then b. */
const byIds = (x: VariantPair, y: VariantPair) => (x.a + x.b < y.a + y.b ? -1 : x.a + x.b > y.a + y.b ? 1 : 0);

export function splitVariants(v: VariantsFile): { summary: VariantsSummary; shards: VariantShard[] } {
  const shards = new Map<string, VariantShard>();
  const shard = (doc: string) => {
    let s = shards.get(doc);
    if (!s) shards.set(doc, (s = { formatVersion: VARIANTS_FORMAT_VERSION, doc, clauses: {}, pairs: [] }));
    return s;
  };
  for (const p of [...v.families.flatMap((f) => f.pairs), ...v.links]) {
    shard(p.a).pairs.push(p);
    shard(p.b).pairs.push(p);
  }
  for (const [unit, matches] of Object.entries(v.clauses)) shard(splitUnitId(unit).docId).clauses[unit] = matches;
  const ids = [...shards.keys()].sort();
  return {
    summary: {
      formatVersion: VARIANTS_FORMAT_VERSION,
      families: v.families.map(({ id, center, members }) => ({ id, center, members })),
      subject: v.subject,
      shards: ids,
    },
    shards: ids.map((id) => shards.get(id)!),
  };
}

/** Summary + shards → the whole file (the CLI's `variants` listing, tests). A shard that is missing just contributes nothing. */
export function joinVariants(summary: VariantsSummary, shards: Iterable<VariantShard>): VariantsFile {
  const familyOf = new Map<string, FamilySummary>();
  for (const f of summary.families) for (const m of f.members) familyOf.set(m, f);
  const inFamily = new Map<FamilySummary, Map<string, VariantPair>>(summary.families.map((f) => [f, new Map()]));
  const links = new Map<string, VariantPair>();
  const clauses: Record<string, ClauseMatch[]> = {};
  for (const s of shards) {
    for (const p of s.pairs) {
      const f = familyOf.get(p.a);
      // Families do not overlap and links never join two members of one family: membership decides.
      (f && familyOf.get(p.b) === f ? inFamily.get(f)! : links).set(`${p.a},${p.b}`, p);
    }
    Object.assign(clauses, s.clauses);
  }
  const sortedClauses: Record<string, ClauseMatch[]> = {};
  for (const id of Object.keys(clauses).sort()) sortedClauses[id] = clauses[id];
  return {
    formatVersion: VARIANTS_FORMAT_VERSION,
    families: summary.families.map((f) => ({ ...f, pairs: [...inFamily.get(f)!.values()].sort(byIds) })),
    subject: summary.subject,
    clauses: sortedClauses,
    links: [...links.values()].sort(byIds),
  };
}
