/** What tests compare of clause matching (core/compare/clause-matches.ts BestMatches), in one form for all. */
import type { BestMatches } from '../core/compare/clause-matches.js';

/** Each unit's kept matches as "unit>other@similarity", sorted: slot order depends on the order of the offers. */
export function keptMatches(b: BestMatches): string[] {
  const out: string[] = [];
  for (let u = 0; u < b.count.length; u++) for (let k = 0; k < b.count[u]; k++) out.push(`${u}>${b.other[u * b.cap + k]}@${b.sim[u * b.cap + k]}`);
  return out.sort();
}
