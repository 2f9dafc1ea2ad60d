/**
 * Building and editing annotations. Pure: the caller passes the time and,
 * optionally, the id (tests); otherwise the id comes from the platform's
 * crypto.randomUUID (Node 20 and every browser have it as a global).
 */
import type { DocSummary, Unit } from '../corpus/types.js';
import { type OpeningUnit, createSelectors, type TextRange, unitBodyText, unitOpening } from './anchor.js';
import {
  ANNOTATION_CONTEXT,
  type Annotation,
  type AnnotationBody,
  type AnnotationTarget,
  HIGHLIGHT_COLOURS,
  type HighlightColour,
  type Motivation,
  docSourceUri,
  noteOf,
  tagsOf,
} from './model.js';

declare const crypto: { randomUUID(): string };

export function newAnnotationId(): string {
  return `urn:uuid:${crypto.randomUUID()}`;
}

/** Trimmed, non-empty, de-duplicated tags, in the order given; inner white space collapsed. */
export function cleanTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tags) {
    const v = t.replace(/\s+/g, ' ').trim();
    if (v && !out.includes(v)) out.push(v);
  }
  return out;
}

function bodies(note: string, tags: readonly string[]): AnnotationBody[] {
  const out: AnnotationBody[] = [];
  // Keep the note as typed (line breaks matter); only a blank note is no note.
  if (note.trim() !== '') out.push({ type: 'TextualBody', purpose: 'commenting', value: note, format: 'text/plain' });
  for (const t of cleanTags(tags)) out.push({ type: 'TextualBody', purpose: 'tagging', value: t });
  return out;
}

function iso(now: Date | string): string {
  return typeof now === 'string' ? now : now.toISOString();
}

export type DocRef = Pick<DocSummary, 'id' | 'title' | 'docNumber'>;

export interface NewAnnotationInput {
  motivation: Motivation;
  doc: DocRef;
  /** The clause; omitted for a bookmark of the whole document. */
  unit?: Pick<Unit, 'id'> & OpeningUnit;
  /** Offsets in unitBodyText(unit); required for highlights and notes. */
  range?: TextRange;
  colour?: HighlightColour;
  note?: string;
  tags?: readonly string[];
  contentHash: string;
  now: Date | string;
  id?: string;
}

function targetFor(doc: DocRef, unit: NewAnnotationInput['unit'], range: TextRange | undefined, contentHash: string): AnnotationTarget {
  const target: AnnotationTarget = {
    source: docSourceUri(doc.id, unit?.id ?? null),
    'policyReader:document': { id: doc.id, title: doc.title, docNumber: doc.docNumber },
    'policyReader:unitId': unit?.id ?? null,
    'policyReader:contentHash': contentHash,
  };
  if (unit && range) target.selector = createSelectors(unitBodyText(unit), range.start, range.end);
  else if (unit) target['policyReader:opening'] = unitOpening(unit);
  return target;
}

/** Throws RangeError for impossible input (a highlight without a range, an unknown colour). */
export function newAnnotation(input: NewAnnotationInput): Annotation {
  const { motivation, doc, unit, range } = input;
  if (motivation !== 'bookmarking' && (!unit || !range)) throw new RangeError(`${motivation} needs a clause and a range`);
  if (input.colour !== undefined && !HIGHLIGHT_COLOURS.includes(input.colour)) throw new RangeError(`unknown colour ${input.colour}`);
  const time = iso(input.now);
  const a: Annotation = {
    '@context': ANNOTATION_CONTEXT,
    id: input.id ?? newAnnotationId(),
    type: 'Annotation',
    motivation,
    created: time,
    modified: time,
    body: bodies(input.note ?? '', input.tags ?? []),
    target: targetFor(doc, unit, motivation === 'bookmarking' ? undefined : range, input.contentHash),
  };
  if (motivation !== 'bookmarking') a['policyReader:colour'] = input.colour ?? 'yellow';
  return a;
}

export interface AnnotationPatch {
  colour?: HighlightColour;
  /** '' removes the note. */
  note?: string;
  tags?: readonly string[];
}

/**
 * A copy with the patch applied and `modified` set. Adding a note to a
 * highlight makes it a comment and removing it makes it a highlight again;
 * bookmarks stay bookmarks.
 */
export function updateAnnotation(a: Annotation, patch: AnnotationPatch, now: Date | string): Annotation {
  if (patch.colour !== undefined && !HIGHLIGHT_COLOURS.includes(patch.colour)) throw new RangeError(`unknown colour ${patch.colour}`);
  const note = patch.note ?? noteOf(a);
  const tags = patch.tags ?? tagsOf(a);
  const out: Annotation = { ...a, body: bodies(note, tags), modified: iso(now) };
  if (patch.colour !== undefined && a.motivation !== 'bookmarking') out['policyReader:colour'] = patch.colour;
  if (a.motivation !== 'bookmarking') out.motivation = note.trim() ? 'commenting' : 'highlighting';
  return out;
}

/** Re-attaches an annotation (typically an orphan) to a new selection; note, tags, colour and id are kept. */
export function retarget(
  a: Annotation,
  to: { doc: DocRef; unit?: NewAnnotationInput['unit']; range?: TextRange; contentHash: string },
  now: Date | string,
): Annotation {
  if (a.motivation !== 'bookmarking' && (!to.unit || !to.range)) throw new RangeError(`${a.motivation} needs a clause and a range`);
  const out: Annotation = {
    ...a,
    modified: iso(now),
    target: targetFor(to.doc, to.unit, a.motivation === 'bookmarking' ? undefined : to.range, to.contentHash),
  };
  delete out['policyReader:orphaned'];
  return out;
}

/**
 * The user confirmed an approximately placed annotation's new place: the
 * placement is marked confirmed (the UI stops saying 位置可能已变化). The
 * original quote stays as it was made; a later rebuild that finds those words
 * again clears the placement.
 */
export function confirmPlacement(a: Annotation, now: Date | string): Annotation {
  const approx = a.target['policyReader:approximate'];
  if (!approx || approx.confirmed) return a;
  const time = iso(now);
  return { ...a, modified: time, target: { ...a.target, 'policyReader:approximate': { ...approx, confirmed: time } } };
}
