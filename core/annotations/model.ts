/**
 * Annotations are the user's own work, stored in the W3C Web Annotation Data
 * Model (https://www.w3.org/TR/annotation-model/) so that an exported file is
 * understood outside this app (Hypothesis and other tools build on the same
 * model). Anything this app needs beyond the model is an extension field with
 * the `policyReader:` prefix inside the objects, never a change of meaning of a
 * standard field.
 *
 * This file is the contract shared by the anchoring code (core/annotations/),
 * the database (renderer/db/), the UI and the export (core/export/).
 */

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** Highlight colours, in toolbar order. Names are stable ids; the UI words them in Chinese. */
export const HIGHLIGHT_COLOURS = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'] as const;
export type HighlightColour = (typeof HIGHLIGHT_COLOURS)[number];

/** Each colour's Chinese name, as the UI and the exports print it. */
export const COLOUR_NAMES: Record<HighlightColour, string> = {
  yellow: '黄色',
  green: '绿色',
  blue: '蓝色',
  pink: '粉色',
  purple: '紫色',
  orange: '橙色',
};

export const isHighlightColour = (v: unknown): v is HighlightColour => (HIGHLIGHT_COLOURS as readonly unknown[]).includes(v);

export type Motivation = 'bookmarking' | 'highlighting' | 'commenting';

/** The note: plain text, may span lines. */
export interface TextualBody {
  type: 'TextualBody';
  purpose: 'commenting';
  value: string;
  format: 'text/plain';
  language?: string;
}

/** One tag per body, as the model prescribes. */
export interface TagBody {
  type: 'TextualBody';
  purpose: 'tagging';
  value: string;
}

export type AnnotationBody = TextualBody | TagBody;

/** Prefix and suffix are at most this many characters. */
export const QUOTE_CONTEXT_CHARS = 32;

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/**
 * Offsets in the unit's body text: its own paragraphs' display texts joined
 * with '\n' (heading, label and children excluded), the text a person selects
 * in the clause's block.
 */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector;

export interface AnnotationTarget {
  /** The clause as a stable URI: `policy-reader:doc/<docId>#<unitId>`. */
  source: string;
  /** Absent for a bookmark of a whole clause or document. */
  selector?: Selector[];
  /** What the document was when the annotation was made, so an orphan still says where it came from. */
  'policyReader:document': {
    id: string;
    title: string;
    docNumber: string | null;
  };
  /** The clause id (`<docId>~<path>`); null for a bookmark of a whole document. */
  'policyReader:unitId': string | null;
  /** Corpus `contentHash` at creation (or at the last successful re-anchoring). */
  'policyReader:contentHash': string;
  /**
   * Set when re-anchoring placed the annotation on words that only resemble
   * its quote (a fuzzy match): the TextQuoteSelector keeps the words the user
   * marked, never overwritten; the TextPositionSelector and the unit are where
   * it is displayed now, and this records the words displayed there and how
   * well they matched (0–1, see matchScore in match-quote.ts). The UI says
   * 位置可能已变化 until the user confirms the place (`confirmed`, ISO time).
   */
  'policyReader:approximate'?: ApproximatePlacement;
  /**
   * Bookmarks of a clause only: the first characters of the clause's body text
   * (label excluded), so the bookmark finds its clause again when a rebuild
   * renumbers or re-addresses it.
   */
  'policyReader:opening'?: string;
}

export interface ApproximatePlacement {
  /** The words at the TextPositionSelector now (the quote's closest match). */
  exact: string;
  /** 0–1: quote, prefix, suffix and position agreement, weighted. */
  score: number;
  /** When the user confirmed the new place; absent while it is unconfirmed. */
  confirmed?: string;
}

export interface Annotation {
  '@context': typeof ANNOTATION_CONTEXT;
  /** `urn:uuid:<uuid>`: globally unique, so merging imports by id never collides. */
  id: string;
  type: 'Annotation';
  motivation: Motivation;
  /** ISO 8601 date-times. */
  created: string;
  modified: string;
  body: AnnotationBody[];
  target: AnnotationTarget;
  /** Extension: highlight colour (highlights and notes). */
  'policyReader:colour'?: HighlightColour;
  /** Extension: set when re-anchoring failed; the annotation is kept and listed under 未能定位. */
  'policyReader:orphaned'?: boolean;
}

import type { ListedUserFile } from './user-files.js';

/** The export/backup file: the list itself plus a format version. */
export const ANNOTATION_FILE_FORMAT = 'policy-reader/annotations';
export const ANNOTATION_FILE_VERSION = 1;

export interface AnnotationFile {
  format: typeof ANNOTATION_FILE_FORMAT;
  formatVersion: number;
  exported: string;
  annotations: Annotation[];
  /**
   * Optional: the user's own files the library held when the file was written
   * (names, SHA-256, documents; never the bytes). Readers that predate it
   * ignore it, so the format version stays 1.
   */
  userFiles?: ListedUserFile[];
}

export function docSourceUri(docId: string, unitId?: string | null): string {
  return unitId ? `policy-reader:doc/${docId}#${unitId}` : `policy-reader:doc/${docId}`;
}

export function noteOf(a: Annotation): string {
  return a.body.find((b): b is TextualBody => b.purpose === 'commenting')?.value ?? '';
}

export function tagsOf(a: Annotation): string[] {
  return a.body.filter((b): b is TagBody => b.purpose === 'tagging').map((b) => b.value);
}

export function quoteOf(a: Annotation): TextQuoteSelector | null {
  return a.target.selector?.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector') ?? null;
}

/** What the user sees the annotation as: a note has a non-empty note text, whatever its motivation. */
export type AnnotationKind = 'bookmark' | 'highlight' | 'note';
export const ANNOTATION_KINDS: readonly AnnotationKind[] = ['bookmark', 'highlight', 'note'];

export function kindOf(a: Annotation): AnnotationKind {
  if (a.motivation === 'bookmarking') return 'bookmark';
  return a.motivation === 'commenting' || noteOf(a).trim() !== '' ? 'note' : 'highlight';
}

export function docIdOf(a: Annotation): string {
  return a.target['policyReader:document'].id;
}

export function unitIdOf(a: Annotation): string | null {
  return a.target['policyReader:unitId'];
}

export function isOrphaned(a: Annotation): boolean {
  return a['policyReader:orphaned'] === true;
}

/** The approximate placement of an annotation re-anchored by a fuzzy match, or null. */
export function approximateOf(a: Annotation): ApproximatePlacement | null {
  return a.target['policyReader:approximate'] ?? null;
}

/** True while the UI must say 位置可能已变化: placed approximately and not yet confirmed by the user. */
export function needsConfirmation(a: Annotation): boolean {
  const p = approximateOf(a);
  return !!p && !p.confirmed && !isOrphaned(a);
}

/** The words the annotation covers in the current corpus: those of its approximate place, else its quote. */
export function displayedQuote(a: Annotation): string | null {
  return approximateOf(a)?.exact ?? quoteOf(a)?.exact ?? null;
}

export function positionOf(a: Annotation): TextPositionSelector | null {
  return a.target.selector?.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector') ?? null;
}
