/** Small hand-made annotations for the unit tests of every layer (anchoring tests use the real corpus). Test code: kept out of core/ so the app never ships it. */
import type { PolicyDocument } from '../core/corpus/types.js';
import { testDocument } from './doc-fixtures.js';
import { unitBodyText } from '../core/corpus/units.js';
import { newAnnotation } from '../core/annotations/create.js';
import type { Annotation, HighlightColour, Motivation } from '../core/annotations/model.js';

export function testDoc(id: string, paragraphs: string[], title = `测试文件${id}`): PolicyDocument {
  return testDocument(id, [{ id: `${id}~ar1`, path: 'ar1', level: 'article', label: '第一条', heading: null, paragraphs: paragraphs.map((text) => ({ text, pages: [] })), pages: [], children: [] }], { title });
}

let n = 0;

export function testAnnotation(opts: {
  doc?: PolicyDocument;
  motivation?: Motivation;
  quote?: string;
  colour?: HighlightColour;
  note?: string;
  tags?: string[];
  now?: string;
}): Annotation {
  const doc = opts.doc ?? testDoc('pdoc1', ['政务服务部门应当及时作出受理决定。']);
  const unit = doc.units[0];
  const text = unitBodyText(unit);
  const quote = opts.quote ?? text.slice(0, 4);
  const start = text.indexOf(quote);
  const motivation = opts.motivation ?? 'highlighting';
  return newAnnotation({
    motivation,
    doc,
    unit,
    range: motivation === 'bookmarking' ? undefined : { start, end: start + quote.length },
    colour: opts.colour,
    note: opts.note,
    tags: opts.tags,
    contentHash: 'hash1',
    now: opts.now ?? '2024-05-01T08:00:00.000Z',
    id: `urn:uuid:00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  });
}
