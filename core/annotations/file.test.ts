import { describe, expect, it } from 'vitest';
import { updateAnnotation } from './create';
import { checkAnnotation, mergeAnnotations, parseAnnotationFile, serializeAnnotationFile, toAnnotationFile } from './file';
import { testAnnotation } from '../../test-support/annotation-fixtures';
import { ANNOTATION_FILE_FORMAT, ANNOTATION_FILE_VERSION } from './model';

const NOW = '2024-06-01T00:00:00.000Z';

function sample() {
  return [
    testAnnotation({ note: '与我局现行做法不一致\n第二行', tags: ['待研究', '汇报用'], colour: 'green' }),
    testAnnotation({ motivation: 'bookmarking' }),
    testAnnotation({ colour: 'pink' }),
  ];
}

describe('annotation file', () => {
  it('export then parse gives deep-equal annotations', () => {
    const list = sample();
    const text = serializeAnnotationFile(list, NOW);
    const r = parseAnnotationFile(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.file).toEqual(toAnnotationFile(list, NOW));
    expect(r.file.annotations).toEqual(list);
    expect(JSON.parse(text)).toMatchObject({ format: ANNOTATION_FILE_FORMAT, formatVersion: ANNOTATION_FILE_VERSION });
  });

  it('every annotation is W3C-shaped: context, type, motivation, bodies with purposes, target source and selectors', () => {
    const [a] = sample();
    expect(a['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(a.type).toBe('Annotation');
    expect(a.id).toMatch(/^urn:uuid:/);
    expect(a.body).toEqual([
      { type: 'TextualBody', purpose: 'commenting', value: '与我局现行做法不一致\n第二行', format: 'text/plain' },
      { type: 'TextualBody', purpose: 'tagging', value: '待研究' },
      { type: 'TextualBody', purpose: 'tagging', value: '汇报用' },
    ]);
    expect(a.target.selector?.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
  });

  it.each([
    ['', 'empty'],
    ['{"format": "policy-reader/annotations", "formatVersion": 1, "annotations": [', 'json'],
    ['[1,2,3]', 'foreign'],
    ['{"type": "AnnotationCollection", "items": []}', 'foreign'],
    ['{"format": "policy-reader/annotations", "formatVersion": 99, "annotations": []}', 'newer'],
    ['{"format": "policy-reader/annotations", "formatVersion": "1", "annotations": []}', 'invalid'],
    ['{"format": "policy-reader/annotations", "formatVersion": 1}', 'invalid'],
  ])('refuses %j as %s with a Chinese message that says nothing changed', (text, code) => {
    const r = parseAnnotationFile(text);
    expect(r).toMatchObject({ ok: false, code });
    if (!r.ok) expect(r.message).toMatch(/^导入失败：.*未做任何更改。$/);
  });

  it('one invalid entry refuses the whole file and names it', () => {
    const list = sample();
    const file = JSON.parse(serializeAnnotationFile(list, NOW));
    file.annotations[2].target.selector[0].exact = '';
    const r = parseAnnotationFile(JSON.stringify(file));
    expect(r).toMatchObject({ ok: false, code: 'invalid' });
    if (!r.ok) expect(r.message).toContain('第 3 条');
    const dup = JSON.parse(serializeAnnotationFile([list[0], list[0]], NOW));
    expect(parseAnnotationFile(JSON.stringify(dup))).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('rejects bad fields one by one', () => {
    const good = JSON.parse(JSON.stringify(sample()[0]));
    const bad = (f: (a: any) => void) => {
      const c = JSON.parse(JSON.stringify(good));
      f(c);
      return checkAnnotation(c);
    };
    expect(typeof checkAnnotation(good)).toBe('object');
    expect(bad((a) => (a.id = 'x'))).toMatch(/id/);
    expect(bad((a) => (a.motivation = 'editing'))).toMatch(/motivation/);
    expect(bad((a) => (a.modified = 'yesterday'))).toMatch(/时间/);
    expect(bad((a) => (a['policyReader:colour'] = 'black'))).toMatch(/颜色/);
    expect(bad((a) => (a.target.source = 'https://example.com/'))).toMatch(/source/);
    expect(bad((a) => delete a.target.selector)).toMatch(/引文/);
    expect(bad((a) => (a.body = [{ type: 'TextualBody', purpose: 'tagging', value: ' ' }]))).toMatch(/标签/);
  });
});

describe('mergeAnnotations', () => {
  it('adds unknown ids, the newer modified wins, a second import adds nothing', () => {
    const [a, b, c] = sample();
    const newerA = updateAnnotation(a, { note: '改过的笔记' }, '2025-01-01T00:00:00.000Z');
    const olderB = { ...b, modified: '2020-01-01T00:00:00.000Z' };
    const m = mergeAnnotations([a, b], [newerA, olderB, c]);
    expect(m).toMatchObject({ added: 1, updated: 1, unchanged: 1 });
    expect(m.toWrite).toEqual([newerA, c]);
    const after = [newerA, b, c];
    expect(mergeAnnotations(after, [newerA, olderB, c])).toMatchObject({ added: 0, updated: 0, unchanged: 3, toWrite: [] });
  });
});
