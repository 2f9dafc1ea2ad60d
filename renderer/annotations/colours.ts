import type { AnnotationKind, HighlightColour } from '../../core/annotations/model';

export const KIND_NAMES: Record<AnnotationKind, string> = { bookmark: '书签', highlight: '高亮', note: '笔记' };

/** The CSS highlight registered for each colour (see annotations.css for the paint). */
export const highlightName = (c: HighlightColour) => `annot-${c}`;
export const NOTE_HIGHLIGHT = 'annot-note';
