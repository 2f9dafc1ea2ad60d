/**
 * The comparable units of a document: every structural unit in reading order
 * with its display text, plus the parts of a document that are not units but
 * that a copy can lack (title line, addressees, signature). Alignment, diff and
 * clause matching all work on these.
 */
import { printedMarker } from '../citation/citation.js';
import type { PolicyDocument, Unit } from '../corpus/types.js';
import { allUnits, LABEL_LINE, unitLines } from '../corpus/units.js';
import { fold } from '../text/normalize.js';

export interface CompareUnit {
  /** Unit id, or `${docId}~#title` / `~#addressees` / `~#signature` for the parts outside the unit tree. */
  id: string;
  /** The marker as the source prints it (第十条, （二）, 7、), empty for preamble, paragraphs, 款 and pseudo-units. */
  label: string;
  /** The normalised marker (7., 第二款): what renumbering is judged on, so 7、 against 7. is not a renumbering. */
  number: string;
  /** Display text: marker, heading and paragraphs as the reader shows them ('\n' between lines). */
  text: string;
  /** Length of the numbering prefix of `text` (the marker and the space after it), ignored with `ignoreNumbering`. */
  labelLength: number;
  /** Index in reading order. */
  index: number;
  /** True for the pseudo-units (title, addressees, signature). */
  pseudo: boolean;
}

/** Markers printed with a trailing separator need no space before the text. */
const SEPARATED = /[、.．)）:：]$/;

/**
 * The unit as printed (`unitLines` over the printed marker: 7、 not 7., no 第二款,
 * which the source never prints), with the label run into the first line
 * (第十条 为了… rather than a line of its own). `labelLength` covers the label
 * and the space after it, or the label where the text itself prints it.
 */
export function unitDisplayText(u: Unit): { text: string; labelLength: number } {
  u = { ...u, label: printedMarker(u) };
  const lines = unitLines(u);
  if (lines[0]?.part !== LABEL_LINE) {
    const text = lines.map((l) => l.text).join('\n');
    return { text, labelLength: u.label && text.startsWith(u.label) ? u.label.length : 0 };
  }
  const rest = lines.slice(1).map((l) => l.text).join('\n');
  const prefix = SEPARATED.test(u.label) || rest === '' ? u.label : `${u.label} `;
  return { text: prefix + rest, labelLength: prefix.length };
}

/** Title is only part of the text when the document prints it (not recovered from a header or inferred). */
const PRINTED_TITLE = new Set(['title-line', 'trailing-title']);

export function compareUnits(doc: PolicyDocument): CompareUnit[] {
  const out: CompareUnit[] = [];
  const push = (id: string, label: string, number: string, text: string, labelLength: number, pseudo: boolean) => {
    if (text.trim() === '') return;
    out.push({ id, label, number, text, labelLength, index: out.length, pseudo });
  };
  if (PRINTED_TITLE.has(doc.titleSource)) push(`${doc.id}~#title`, '', '', doc.title, 0, true);
  if (doc.addressees) push(`${doc.id}~#addressees`, '', '', doc.addressees, 0, true);
  for (const u of allUnits(doc.units)) {
    // A 版记 (抄送：…, …印发) is the same on every notice of one office: it would pair unrelated texts.
    if (u.level === 'imprint') continue;
    const { text, labelLength } = unitDisplayText(u);
    // A note under the signature (（此件公开发布）) is shown beside its counterpart, but like the signature pairs no texts.
    push(u.id, printedMarker(u), u.label, text, labelLength, u.level === 'note');
  }
  if (doc.signature.length) push(`${doc.id}~#signature`, '', '', doc.signature.join('\n'), 0, true);
  return out;
}

/** The unit id a pseudo-unit stands for in the reading view: none (the document's top). */
export function isPseudoUnitId(id: string): boolean {
  return id.includes('~#');
}

/**
 * The text compared for overlap: folded (full/half width, case), with white
 * space and punctuation dropped, because copies differ in exactly those and
 * they carry no wording. Letters, digits and CJK characters remain.
 */
export function overlapKey(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]+/gu, '');
}
