import { describe, expect, it } from 'vitest';
import { parseAnnotationFile, serializeAnnotationFile } from './file';
import { checkUserFiles, MAX_LISTED_FILES, missingAnnotatedFiles, missingFilesMessage, type ListedUserFile } from './user-files';
import { testAnnotation, testDoc } from '../../test-support/annotation-fixtures';

const NOW = '2026-06-01T00:00:00.000Z';
const H1 = 'a'.repeat(64);
const H2 = '0123456789abcdef'.repeat(4);
const listing: ListedUserFile[] = [
  { name: '省政府通知.pdf', sha256: H1, size: 48213, importedAt: '2026-05-02T09:30:00.000Z', documents: [{ id: 'u0000000000a1', title: '关于做好2026年春耕生产工作的通知' }] },
  { name: '实施方案.docx', sha256: H2, size: 9120, importedAt: '2026-05-03T10:00:00.000Z', documents: [{ id: 'u0000000000b2', title: '市级实施方案' }] },
];

describe('user files listed in the annotation file', () => {
  it('round trip: what an export lists is read back field for field', () => {
    const text = serializeAnnotationFile([testAnnotation({})], NOW, listing);
    const r = parseAnnotationFile(text, { now: new Date(NOW) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.file.userFiles).toEqual([
      { name: '省政府通知.pdf', sha256: H1, size: 48213, importedAt: '2026-05-02T09:30:00.000Z', documents: [{ id: 'u0000000000a1', title: '关于做好2026年春耕生产工作的通知' }] },
      { name: '实施方案.docx', sha256: H2, size: 9120, importedAt: '2026-05-03T10:00:00.000Z', documents: [{ id: 'u0000000000b2', title: '市级实施方案' }] },
    ]);
    // No bytes, and the format version older readers accept.
    expect(JSON.parse(text).formatVersion).toBe(1);
    expect(text).not.toContain('rawText');
  });

  it('a file written before the listing (no userFiles field) still imports, with no listing', () => {
    const a = testAnnotation({ note: '旧文件' });
    const old = JSON.stringify({ format: 'policy-reader/annotations', formatVersion: 1, exported: NOW, annotations: [a] });
    const r = parseAnnotationFile(old, { now: new Date(NOW) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.file.annotations).toEqual([a]);
    expect('userFiles' in r.file).toBe(false);
  });

  it.each([
    ['not a list', { x: 1 }, '导入失败：“我的文件”列表（userFiles）不是列表。未做任何更改。'],
    ['a bad hash', [{ ...listing[0], sha256: 'xyz' }], '导入失败：“我的文件”列表第 1 项无效（校验值（sha256）不是 64 位十六进制）。未做任何更改。'],
    ['a size as text', [listing[0], { ...listing[1], size: '9120' }], '导入失败：“我的文件”列表第 2 项无效（大小（size）不是非负整数）。未做任何更改。'],
    ['a bad date', [{ ...listing[0], importedAt: '昨天' }], '导入失败：“我的文件”列表第 1 项无效（导入时间（importedAt）不是有效日期）。未做任何更改。'],
    ['a document without id', [{ ...listing[0], documents: [{ title: '无 id' }] }], '导入失败：“我的文件”列表第 1 项无效（文档的 id 或标题格式不对）。未做任何更改。'],
    ['no name', [{ ...listing[0], name: 7 }], '导入失败：“我的文件”列表第 1 项无效（缺少文件名（name））。未做任何更改。'],
  ])('a corrupt listing (%s) refuses the whole file with its message', (_what, userFiles, message) => {
    const file = JSON.parse(serializeAnnotationFile([testAnnotation({})], NOW));
    file.userFiles = userFiles;
    const r = parseAnnotationFile(JSON.stringify(file), { now: new Date(NOW) });
    expect(r).toEqual({ ok: false, code: 'invalid', message });
  });

  it('a backup read for a restore keeps its annotations when the listing is corrupt, and drops only the listing', () => {
    const a = testAnnotation({ note: '要恢复的' });
    const file = JSON.parse(serializeAnnotationFile([a], NOW));
    file.userFiles = [{ ...listing[0], sha256: 'xyz' }];
    const r = parseAnnotationFile(JSON.stringify(file));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.file.annotations).toEqual([a]);
    expect('userFiles' in r.file).toBe(false);
  });

  it('names the listed files that have annotations and are not in this library, and only those', () => {
    const onA = testAnnotation({ doc: testDoc('u0000000000a1', ['各地要抓好春耕生产。']) });
    const onB = testAnnotation({ doc: testDoc('u0000000000b2', ['本方案自印发之日起实施。']) });
    const H3 = 'f'.repeat(64);
    const noAnnotations: ListedUserFile = { name: '无标注.txt', sha256: H3, size: 1, importedAt: NOW, documents: [{ id: 'u0000000000c3', title: '没有标注的文件' }] };
    const all = [...listing, noAnnotations];
    // Nothing held: the two annotated files are named, the third (no annotation on it) is not.
    expect(missingFilesMessage(missingAnnotatedFiles(all, [onA, onB], []))).toBe(
      '备份中有 2 个我的文件的标注：《关于做好2026年春耕生产工作的通知》（省政府通知.pdf）、《市级实施方案》（实施方案.docx）；请重新导入这些文件，在此之前其标注列于“未能定位”。',
    );
    // The first file is held (same SHA-256): only the second is named.
    expect(missingFilesMessage(missingAnnotatedFiles(all, [onA, onB], [H1]))).toBe(
      '备份中有 1 个我的文件的标注：《市级实施方案》（实施方案.docx）；请重新导入这些文件，在此之前其标注列于“未能定位”。',
    );
    expect(missingFilesMessage(missingAnnotatedFiles(all, [onA, onB], [H1, H2]))).toBeNull();
  });
});

describe('checkUserFiles: what a listing may hold', () => {
  const ok = listing[0];
  const bad = (entry: unknown) => {
    const r = checkUserFiles([ok, entry]);
    return typeof r === 'string' ? r : 'accepted';
  };

  it('accepts a well-formed listing, fields at their limits included', () => {
    expect(checkUserFiles([ok, { ...ok, name: 'x'.repeat(1000), size: 0, documents: [] }])).toEqual([ok, { ...ok, name: 'x'.repeat(1000), size: 0, documents: [] }]);
    expect(bad({ ...ok, documents: [{ id: 'u'.repeat(200), title: 't'.repeat(2000) }] })).toBe('accepted');
    expect(bad({ ...ok, documents: Array.from({ length: 10_000 }, (_, i) => ({ id: `u${i}`, title: '' })) })).toBe('accepted');
  });

  it('refuses each malformed field, saying which entry and what', () => {
    expect(bad([])).toBe('“我的文件”列表第 2 项无效（不是对象）');
    expect(bad(null)).toBe('“我的文件”列表第 2 项无效（不是对象）');
    expect(bad({ ...ok, name: '' })).toBe('“我的文件”列表第 2 项无效（缺少文件名（name））');
    expect(bad({ ...ok, name: 'x'.repeat(1001) })).toBe('“我的文件”列表第 2 项无效（缺少文件名（name））');
    expect(bad({ ...ok, sha256: H1.toUpperCase() })).toMatch(/sha256/);
    expect(bad({ ...ok, sha256: `x${H1}` })).toMatch(/sha256/);
    expect(bad({ ...ok, sha256: `${H1}x` })).toMatch(/sha256/);
    expect(bad({ ...ok, sha256: 7 })).toMatch(/sha256/);
    expect(bad({ ...ok, size: -1 })).toMatch(/size/);
    expect(bad({ ...ok, size: 1.5 })).toMatch(/size/);
    expect(bad({ ...ok, importedAt: '2026-05-02'.padEnd(65, ' ') })).toMatch(/importedAt/);
    expect(bad({ ...ok, documents: {} })).toBe('“我的文件”列表第 2 项无效（文档列表（documents）不是列表）');
    expect(bad({ ...ok, documents: Array.from({ length: 10_001 }, (_, i) => ({ id: `u${i}`, title: '' })) })).toMatch(/documents/);
    for (const d of [null, [], { id: '', title: '' }, { id: 'u'.repeat(201), title: '' }, { id: 'u1' }, { id: 'u1', title: 't'.repeat(2001) }, { id: 7, title: '' }]) {
      expect(bad({ ...ok, documents: [d] })).toBe('“我的文件”列表第 2 项无效（文档的 id 或标题格式不对）');
    }
  });

  it('refuses a listing that is no list, or longer than any library', () => {
    expect(checkUserFiles({})).toBe('“我的文件”列表（userFiles）不是列表');
    const many = Array.from({ length: MAX_LISTED_FILES }, () => ok);
    expect(checkUserFiles(many)).toHaveLength(MAX_LISTED_FILES);
    expect(checkUserFiles([...many, ok])).toBe('“我的文件”列表（userFiles）不是列表');
  });
});

describe('naming the files to re-import', () => {
  it('a file counts when any one of its documents has annotations; its documents are named in order, an untitled one as such', () => {
    const twoDocs: ListedUserFile = { ...listing[0], documents: [{ id: 'u0000000000d1', title: '' }, { id: 'u0000000000d2', title: '第二份' }] };
    const onSecond = testAnnotation({ doc: testDoc('u0000000000d2', ['正文。']) });
    const missing = missingAnnotatedFiles([twoDocs], [onSecond], []);
    expect(missing).toEqual([twoDocs]);
    expect(missingFilesMessage(missing)).toBe('备份中有 1 个我的文件的标注：《（无标题）》《第二份》（省政府通知.pdf）；请重新导入这些文件，在此之前其标注列于“未能定位”。');
  });
});
