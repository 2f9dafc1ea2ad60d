import { HIGHLIGHT_COLOURS, type AnnotationKind, type HighlightColour } from '../../core/annotations/model';

export const COLOUR_NAMES: Record<HighlightColour, string> = {
  yellow: '黄色',
  green: '绿色',
  blue: '蓝色',
  pink: '粉色',
  purple: '紫色',
  orange: '橙色',
};

export const KIND_NAMES: Record<AnnotationKind, string> = { bookmark: '书签', highlight: '高亮', note: '笔记' };

/** The CSS highlight registered for each colour (see annotations.css for the paint). */
export const highlightName = (c: HighlightColour) => `annot-${c}`;
export const NOTE_HIGHLIGHT = 'annot-note';

export const isColour = (v: unknown): v is HighlightColour => (HIGHLIGHT_COLOURS as readonly unknown[]).includes(v);
