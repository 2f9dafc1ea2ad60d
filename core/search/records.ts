/** What the engine keeps per document and per unit after loading the index. */
import type { SearchDoc } from './corpus-units.js';
import type { NormalizedUnitText } from './tokenizer.js';

export interface DocRec extends SearchDoc {
  titleN: NormalizedUnitText;
  /** Normalised title + 文号: what title scope searches. */
  titleKey: string;
  /** Normalised title + 文号 + issuer: what a unit "carries" from its document. */
  metaKey: string;
  /** First unit index, -1 when the document has no searchable text. */
  firstUnit: number;
  endUnit: number;
}

