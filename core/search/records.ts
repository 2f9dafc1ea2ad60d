/** What the engine keeps per document and per unit after loading the index. */
import type { SearchDoc } from './corpus-units.js';
import type { NormalizedUnitText } from './tokenizer.js';

export interface DocRec extends SearchDoc {
  titleN: NormalizedUnitText;
  /** The normalised 文号 ('' without one). */
  numberN: string;
  /** The normalised issuer. */
  issuerN: string;
  /** First unit index, -1 when the document has no searchable text. */
  firstUnit: number;
  endUnit: number;
}

// A phrase is normalised text, which holds no white space: it is in the title and 文号 together only if it is in
// one of them. Each is asked apart, not as one joined string: a joined string was copied again the first time
// it was searched, for every document (10,000) at a first query.

/** Whether a normalised phrase is in the document's title or 文号: what title scope searches. */
export function inTitleOrNumber(d: DocRec, phrase: string): boolean {
  return d.titleN.norm.includes(phrase) || d.numberN.includes(phrase);
}

/** Whether it is in the title, 文号 or issuer: what a unit "carries" from its document. */
export function inMetadata(d: DocRec, phrase: string): boolean {
  return inTitleOrNumber(d, phrase) || d.issuerN.includes(phrase);
}
