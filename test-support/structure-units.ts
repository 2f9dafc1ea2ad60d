/**
 * The structure of hand-made text for the structure tests: units of text as extraction gives it (lines joined into
 * paragraphs as the parser does), of paragraphs given one per string, and an outline of paths and labels.
 */
import { toLines } from '../core/corpus/lines.js';
import { toParagraphs, type RawParagraph } from '../core/corpus/paragraphs.js';
import { buildUnits, flattenUnits } from '../core/corpus/structure.js';

export const units = (text: string) => buildUnits('d1', toParagraphs(toLines(text).lines, 40));
/** Paragraphs as given, one per string (for shapes toParagraphs would join or drop as an echo). */
export const unitsOf = (texts: string[]) => buildUnits('d1', texts.map((text, i): RawParagraph => ({ text, pages: [], firstLine: i + 1, lastLine: i + 1, boxStart: false })));
/** Each unit as `path label heading`, a paragraph's random path shown as pre-* or p-*. */
export const outline = (text: string) => flattenUnits(units(text)).map((u) => `${u.path.replace(/^(pre|p)-[0-9a-z]{5}$/, '$1-*')} ${u.label}${u.heading ? ' ' + u.heading : ''}`);
