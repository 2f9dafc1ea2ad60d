import { describe, expect, it } from 'vitest';
import { updateAnnotation } from './create';
import { CONFLICT_TAG, IMPORT_CLOCK_SKEW_MS, MAX_TEXT, checkAnnotation, forReanchoring, mergeAnnotations, parseAnnotationFile, serializeAnnotationFile, toAnnotationFile } from './file';
import { testAnnotation } from '../../test-support/annotation-fixtures';
import { ANNOTATION_FILE_FORMAT, ANNOTATION_FILE_VERSION, noteOf, tagsOf } from './model';

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

describe('import checks (issue 16, items 4 and 12)', () => {
  const now = new Date('2024-06-01T00:00:00.000Z');
  /** The sample file with `edit` applied to its first entry, parsed as an import at `now`. */
  const importWith = (edit: (a: any, file: any) => void) => {
    const file = JSON.parse(serializeAnnotationFile(sample(), NOW));
    edit(file.annotations[0], file);
    return parseAnnotationFile(JSON.stringify(file), { now });
  };
  const refused = (edit: (a: any, file: any) => void, message: RegExp) => {
    const r = importWith(edit);
    expect(r).toMatchObject({ ok: false, code: 'invalid' });
    if (!r.ok) {
      expect(r.message).toMatch(message);
      expect(r.message).toMatch(/^导入失败：第 \d+ 条标注.*未做任何更改。$/);
    }
  };

  it('a note over the limit is refused as too long, with the limit in the message', () => {
    refused((a) => (a.body[0].value = '字'.repeat(MAX_TEXT + 1)), new RegExp(`笔记.*过长.*${MAX_TEXT.toLocaleString('en-US')}`));
  });

  it('a modified or created date after now (plus a small skew) is refused: 9999-12-31 would win every later import', () => {
    refused((a) => (a.modified = '9999-12-31T00:00:00.000Z'), /修改时间.*晚于当前时间/);
    refused((a) => (a.created = new Date(now.getTime() + IMPORT_CLOCK_SKEW_MS + 60_000).toISOString()), /创建时间.*晚于当前时间/);
    expect(importWith((a) => (a.modified = new Date(now.getTime() + IMPORT_CLOCK_SKEW_MS / 2).toISOString())).ok).toBe(true);
  });

  it('dates that do not exist are refused', () => {
    refused((a) => (a.modified = '2024-02-30T08:00:00.000Z'), /修改时间.*2024-02-30/);
    refused((a) => (a.created = '2023-02-29'), /创建时间/);
    refused((a) => (a.modified = '2024-04-31T25:00:00Z'), /修改时间/);
  });

  it('ids that differ only in case are refused', () => {
    refused((a, f) => (a.id = f.annotations[1].id.toUpperCase()), /大小写/);
  });

  it('a source or unitId that points at another document is refused', () => {
    refused((a) => (a.target.source = 'policy-reader:doc/pother#pother~ar1'), /另一份文件/);
    refused((a) => (a.target['policyReader:unitId'] = 'pother~ar1'), /另一份文件/);
    refused((a) => (a.target.source = `${a.target.source}x`), /条款/);
  });

  it('absurd positions are refused; empty ones too (M10)', () => {
    refused((a) => (a.target.selector[1] = { type: 'TextPositionSelector', start: 0, end: 1e300 }), /位置/);
    refused((a) => (a.target.selector[1] = { type: 'TextPositionSelector', start: 1e300, end: 1e300 + 2 }), /位置/);
    refused((a) => (a.target.selector[1] = { type: 'TextPositionSelector', start: 2, end: 2 }), /位置/);
  });

  it('a backup of this app\'s own data is read without the import policy (a restore must never refuse what the store holds)', () => {
    const file = JSON.parse(serializeAnnotationFile(sample(), NOW));
    file.annotations[0].modified = '9999-12-31T00:00:00.000Z';
    expect(parseAnnotationFile(JSON.stringify(file)).ok).toBe(true);
  });

  it('imported annotations are re-anchored before their quote is trusted: forReanchoring clears the corpus stamp, nothing else', () => {
    const [a] = sample();
    const b = forReanchoring(a);
    expect(b.target['policyReader:contentHash']).not.toBe(a.target['policyReader:contentHash']);
    expect({ ...b, target: { ...b.target, 'policyReader:contentHash': a.target['policyReader:contentHash'] } }).toEqual(a);
  });
});

describe('mergeAnnotations', () => {
  it('adds unknown ids, keeps the local version when the incoming one is older, takes a newer one that changed nothing of the user\'s; a second import adds nothing', () => {
    const [a, b, c] = sample();
    const movedA = { ...a, modified: '2025-01-01T00:00:00.000Z', target: { ...a.target, 'policyReader:contentHash': 'hash2' } };
    const olderB = updateAnnotation(b, { tags: ['旧标签'] }, '2020-01-01T00:00:00.000Z');
    const m = mergeAnnotations([a, b], [movedA, olderB, c]);
    expect(m).toMatchObject({ added: 1, updated: 1, unchanged: 1, conflicts: [] });
    expect(m.toWrite).toEqual([movedA, c]);
    const after = [movedA, b, c];
    expect(mergeAnnotations(after, [movedA, olderB, c])).toMatchObject({ added: 0, updated: 0, unchanged: 3, toWrite: [] });
  });

  it('never silently replaces a local version whose note or tags differ: both are kept, the imported one as a tagged copy, once', () => {
    const [a] = sample();
    const local = updateAnnotation(a, { note: '本机的修改' }, '2024-05-20T00:00:00.000Z');
    const incoming = updateAnnotation(a, { note: '文件里的版本' }, '2024-05-30T00:00:00.000Z');
    const m = mergeAnnotations([local], [incoming]);
    expect(m).toMatchObject({ added: 0, updated: 0, unchanged: 0 });
    expect(m.conflicts).toHaveLength(1);
    expect(m.toWrite).toHaveLength(1);
    const copy = m.toWrite[0];
    expect(copy.id).not.toBe(local.id);
    expect(copy.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(noteOf(copy)).toBe('文件里的版本');
    expect(tagsOf(copy)).toContain(CONFLICT_TAG);
    expect(m.conflicts[0]).toMatchObject({ local, incoming, copy });
    // The same file again: the copy is already there.
    expect(mergeAnnotations([local, copy], [incoming])).toMatchObject({ added: 0, updated: 0, unchanged: 1, toWrite: [], conflicts: [] });
  });

  it('an id stored in another case is the same annotation', () => {
    const [a] = sample();
    const upper = { ...a, id: a.id.toUpperCase() };
    expect(mergeAnnotations([upper], [a])).toMatchObject({ added: 0, unchanged: 1, toWrite: [] });
  });
});

describe('checkAnnotation: a damaged annotation in a file is refused with what is wrong, in Chinese', () => {
  const edited = (edit: (a: any) => void) => {
    const a = JSON.parse(JSON.stringify(sample()[0]));
    edit(a);
    return checkAnnotation(a);
  };
  it.each([
    ['another type', (a: any) => (a.type = 'Note'), '类型（type）不是 Annotation'],
    ['a body that is no text', (a: any) => (a.body[0] = { type: 'TextualBody', value: 3 }), '正文（body）不是文本'],
    ['a body of another kind', (a: any) => (a.body[0] = { type: 'Image', value: 'x' }), '正文（body）不是文本'],
    ['an empty tag', (a: any) => (a.body[1].value = '  '), '标签为空或过长'],
    ['a tag over 200 characters', (a: any) => (a.body[1].value = '标'.repeat(201)), '标签为空或过长'],
    ['a body of an unknown purpose', (a: any) => (a.body[0].purpose = 'linking'), '不支持的正文用途 linking'],
    ['no target', (a: any) => delete a.target, '缺少目标（target）'],
    ['a target elsewhere', (a: any) => (a.target.source = 'https://example.com/x'), '目标地址（source）不是本应用的条款地址'],
    ['no document', (a: any) => delete a.target['policyReader:document'], '缺少文件信息（policyReader:document）'],
    ['a document without id', (a: any) => (a.target['policyReader:document'].id = ''), '缺少文件信息（policyReader:document）'],
    ['a 文号 that is no text', (a: any) => (a.target['policyReader:document'].docNumber = 5), '文号格式不对'],
    ['a clause id that is no text', (a: any) => (a.target['policyReader:unitId'] = {}), '条款 id 格式不对'],
    ['no corpus stamp', (a: any) => delete a.target['policyReader:contentHash'], '缺少语料版本（policyReader:contentHash）'],
    ['selectors that are no list', (a: any) => (a.target.selector = {}), '选择器（selector）不是列表'],
    ['an empty selector list', (a: any) => (a.target.selector = []), '选择器（selector）不是列表'],
    ['a selector that is no object', (a: any) => (a.target.selector[0] = 'x'), '选择器格式不对'],
    ['an empty quote', (a: any) => (a.target.selector[0].exact = ''), '引文（exact）为空'],
    ['a prefix that is no text', (a: any) => (a.target.selector[0].prefix = 7), '引文前后文格式不对'],
    ['no quote selector', (a: any) => a.target.selector.splice(0, 1), '缺少引文选择器（TextQuoteSelector）'],
    ['a highlight without selectors', (a: any) => delete a.target.selector, '高亮或笔记缺少引文'],
    ['an approximate place without words', (a: any) => (a.target['policyReader:approximate'] = { exact: '', score: 0.9 }), '近似位置（policyReader:approximate）格式不对'],
    ['an approximate place scored over 1', (a: any) => (a.target['policyReader:approximate'] = { exact: '甲', score: 1.5 }), '近似位置（policyReader:approximate）格式不对'],
    ['an approximate place scored below 0', (a: any) => (a.target['policyReader:approximate'] = { exact: '甲', score: -0.1 }), '近似位置（policyReader:approximate）格式不对'],
    ['an approximate place confirmed on no date', (a: any) => (a.target['policyReader:approximate'] = { exact: '甲', score: 0.9, confirmed: '昨天' }), '近似位置的确认时间不是有效日期'],
    ['a bookmark opening that is no text', (a: any) => (a.target['policyReader:opening'] = ['x']), '书签的条款开头格式不对'],
    ['an unknown colour', (a: any) => (a['policyReader:colour'] = 'red'), '不支持的颜色 red'],
  ])('%s', (_, edit, reason) => {
    expect(edited(edit as (a: unknown) => void)).toBe(reason);
  });
  it('refuses what is no object at all', () => {
    expect(checkAnnotation(null)).toBe('不是对象');
    expect(checkAnnotation([])).toBe('不是对象');
    expect(checkAnnotation('{}')).toBe('不是对象');
  });
  it('keeps what a valid file says: an approximate place, its confirmation, a bookmark opening, the orphan mark, a note without purpose', () => {
    const a = edited((x) => {
      x.target['policyReader:approximate'] = { exact: '甲乙', score: 1, confirmed: '2024-05-02T08:00:00.000Z' };
      x.target['policyReader:opening'] = '第一条　为了';
      x['policyReader:orphaned'] = true;
      delete x.body[0].purpose;
    });
    expect(typeof a).toBe('object');
    const ok = a as Exclude<typeof a, string>;
    expect(ok.target['policyReader:approximate']).toEqual({ exact: '甲乙', score: 1, confirmed: '2024-05-02T08:00:00.000Z' });
    expect(ok.target['policyReader:opening']).toBe('第一条　为了');
    expect(ok['policyReader:orphaned']).toBe(true);
    expect(noteOf(ok)).toBe('与我局现行做法不一致\n第二行');
    const zero = edited((x) => (x.target['policyReader:approximate'] = { exact: '甲', score: 0 })) as Exclude<typeof a, string>;
    expect(zero.target['policyReader:approximate']).toEqual({ exact: '甲', score: 0 });
  });
});
