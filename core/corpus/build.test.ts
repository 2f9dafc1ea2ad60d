/**
 * The corpus build on small hand-made files (buildCorpus, corpusFiles): what it does with a file it cannot
 * read or that holds no document, the order of files, interpretations, copies, ids and counts.
 */
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../test-support/sha256';
import { assembleCorpus, buildCorpus, compactJson, contentKey, documentId, parseRawFile, sameDocument, stableJson, summarize } from './build.js';
import { corpusFileStream, corpusFiles, handedOn, inFolder } from './file-stream.js';
import type { Unit } from './types.js';

const enc = (s: string) => new TextEncoder().encode(s);
const NOTICE = '关于做好春季防火工作的通知\n\n各区人民政府：\n\n一、提高认识\n\n请各单位认真落实。\n\n某市人民政府\n2021年3月1日\n';
const BANFA = '青岛市政务服务管理办法\n第一条为了规范政务服务，制定本办法。\n第二条本办法适用于本市。\n';

describe('buildCorpus', () => {
  it('skips a file it cannot read with the reason, says so of a file with no document, and counts both in the manifest', () => {
    const result = buildCorpus(
      [
        { name: 'c.txt', bytes: enc(NOTICE) },
        { name: 'b.txt', bytes: enc('\n\n \n') },
        { name: 'a.txt', bytes: new Uint8Array() },
      ],
      sha256Hex,
    );
    // Files in name order, whatever order they were given in.
    expect(result.warnings.map((w) => w.file)).toEqual(['a.txt', 'b.txt', 'b.txt']);
    expect(result.warnings[0].message).toBe('已跳过：文件是空的');
    expect(result.warnings[2].message).toBe('文件中没有识别出有标题和正文的文档');
    expect(result.skippedFiles).toBe(1);
    expect(result.rawFiles.map((f) => [f.file, f.encoding, f.lines])).toEqual([
      ['b.txt', 'utf-8', 4],
      ['c.txt', 'utf-8', 11],
    ]);
    expect(result.rawFiles[1].sha256).toBe(sha256Hex(enc(NOTICE)));
    const { manifest } = corpusFiles(result, sha256Hex);
    expect(manifest.counts).toEqual({ rawFiles: 3, documents: 1, skippedFiles: 1, units: 1, characters: 13 });
  });

  it('counts a document’s units and its characters without the line breaks between heading and paragraphs', () => {
    // 一、 提高认识 (heading, 4) with 请各单位认真落实。 (9): one unit, 13 characters.
    const [doc] = buildCorpus([{ name: 'a.txt', bytes: enc(NOTICE) }], sha256Hex).docs;
    expect([doc.unitCount, doc.charCount]).toEqual([1, 13]);
    expect(doc.units.map((u) => u.id)).toEqual([`${doc.id}~a1`]);
    // 第一条 … and 第二条 …: two units; their ids carry the document's id.
    const [banfa] = buildCorpus([{ name: 'b.txt', bytes: enc(BANFA) }], sha256Hex).docs;
    expect(banfa.unitCount).toBe(2);
    expect(banfa.units.map((u) => u.id)).toEqual([`${banfa.id}~ar1`, `${banfa.id}~ar2`]);
  });

  it('titles an interpretation after the document it interprets', () => {
    const docs = buildCorpus([{ name: 'e.txt', bytes: enc(`${BANFA}政策解读\n一、制定背景\n为规范政务服务，市政府制定了本办法。\n`) }], sha256Hex).docs;
    expect(docs.map((d) => d.title).sort()).toEqual(['《青岛市政务服务管理办法》政策解读', '青岛市政务服务管理办法']);
  });

  it('makes one document of copies, its sources in file order, the 文号 lent by the copy that prints it', () => {
    const withNumber = NOTICE.replace('\n\n各区', '\n某政办发〔2021〕7号\n\n各区');
    const docs = buildCorpus(
      [
        { name: 'b.txt', bytes: enc(withNumber) },
        { name: 'a.txt', bytes: enc(NOTICE) },
      ],
      sha256Hex,
    ).docs;
    expect(docs).toHaveLength(1);
    expect(docs[0].docNumber).toBe('某政办发〔2021〕7号');
    expect(docs[0].sources.map((s) => s.file)).toEqual(['a.txt', 'b.txt']);
    expect(docs[0]).toMatchObject({ addressees: '各区人民政府：', date: '2021-03-01', effectiveDate: null, issuer: docs[0].issuers.join('、') });
    expect(docs[0].signature.length).toBeGreaterThan(0);
    // Named by its 文号, which no other document has.
    expect(docs[0].id).toBe(documentId('another title', null, null, '某政办发〔2021〕7号', sha256Hex));
  });

  it('finds copies by the key each parse carries, as a rebuild reads the parses back from its cache', () => {
    // The same notice in a second file, its lines wrapped and spaced otherwise; a third file with other words.
    const copy = NOTICE.replace('请各单位认真落实。', '请各单位 认真\n落实。');
    const parses = [
      parseRawFile({ name: 'a.txt', bytes: enc(NOTICE) }, sha256Hex),
      parseRawFile({ name: 'b.txt', bytes: enc(copy) }, sha256Hex),
      parseRawFile({ name: 'c.txt', bytes: enc(BANFA) }, sha256Hex),
    ];
    const [a, b, c] = parses.map((p) => p.docs[0].key);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    // Through JSON, as the parse cache keeps them: the same corpus.
    const fresh = assembleCorpus(parses, sha256Hex).docs;
    expect(fresh.map((d) => d.sources.map((s) => s.file)).sort()).toEqual([['a.txt', 'b.txt'], ['c.txt']]);
    expect(assembleCorpus(JSON.parse(JSON.stringify(parses)), sha256Hex).docs).toEqual(fresh);
    // The key the parse carries is what is compared, not the text again: a cache entry is taken as it was made.
    const apart = JSON.parse(JSON.stringify(parses));
    apart[1].docs[0].key = c;
    expect(assembleCorpus(apart, sha256Hex).docs).toHaveLength(3);
  });

  it("names each document's provenance, and one provenance is one file across builds", () => {
    // What a rebuild takes a document's file hash by (cli/doc-hashes.ts). Four corpora that differ by whole files:
    // 2 adds a copy of a.txt's notice; 3 adds another notice given a.txt's 文号 (a.txt's file unchanged, its id not).
    const numbered = NOTICE.replace('\n\n各区', '\n某政办发〔2021〕7号\n\n各区');
    const other = numbered.replace('春季防火', '秋季防汛').replace('提高认识', '明确责任');
    const interpreted = `${BANFA}政策解读\n一、制定背景\n为规范政务服务，市政府制定了本办法。\n`;
    const corpora = [
      { 'a.txt': numbered, 'e.txt': interpreted },
      { 'a.txt': numbered, 'b.txt': NOTICE, 'e.txt': interpreted },
      { 'a.txt': numbered, 'c.txt': other, 'e.txt': interpreted },
      { 'a.txt': numbered, 'e.txt': interpreted.replace('本市', '本市行政区域') },
    ];
    const built = corpora.map((files) => assembleCorpus(Object.entries(files).map(([name, text]) => parseRawFile({ name, bytes: enc(text) }, sha256Hex)), sha256Hex));
    const origin = (name: string, k: number) => `${name}\t${sha256Hex(enc(corpora[0][name as 'a.txt'] ?? ''))}\t${k}`;
    const [first, copied, clash, edited] = built;
    const provOf = (r: (typeof built)[number], title: string) => r.provenance[r.docs.findIndex((d) => d.title.includes(title))];
    // Its id, its title, then each copy: file, the file's hash, its place among the file's documents.
    expect(provOf(first, '春季防火')).toBe([first.docs.find((d) => d.title.includes('春季防火'))!.id, '关于做好春季防火工作的通知', origin('a.txt', 0)].join('\n'));
    expect(provOf(first, '政策解读')).toBe([first.docs.find((d) => d.title.includes('政策解读'))!.id, '《青岛市政务服务管理办法》政策解读', origin('e.txt', 1)].join('\n'));
    expect(provOf(copied, '春季防火').split('\n').slice(2)).toEqual([origin('a.txt', 0), `b.txt\t${sha256Hex(enc(NOTICE))}\t0`]);
    // The same files, another id: another provenance.
    expect(provOf(clash, '春季防火')).not.toBe(provOf(first, '春季防火'));
    expect(provOf(clash, '春季防火').split('\n').slice(1)).toEqual(provOf(first, '春季防火').split('\n').slice(1));
    // Unchanged documents keep theirs; an edited file's documents do not.
    expect(provOf(copied, '政策解读')).toBe(provOf(first, '政策解读'));
    expect(provOf(edited, '政策解读')).not.toBe(provOf(first, '政策解读'));
    // Across all four: one provenance, one file; each document's is its own.
    const fileOf = new Map<string, string>();
    for (const r of built) {
      expect(r.provenance).toHaveLength(r.docs.length);
      expect(new Set(r.provenance).size).toBe(r.docs.length);
      r.docs.forEach((d, i) => {
        const json = compactJson(d);
        expect(fileOf.get(r.provenance[i]) ?? json).toBe(json);
        fileOf.set(r.provenance[i], json);
      });
    }
    expect(fileOf.size).toBeGreaterThan(6);
  });

  it('keys a document without text on its title and date: copies of it are only those with both', () => {
    const titleOnly = (name: string, title: string) => parseRawFile({ name, bytes: enc(`${title}\n\n某市人民政府\n2021年3月1日\n`) }, sha256Hex);
    const [a, b, c] = [titleOnly('a.txt', '关于做好春季防火工作的通知'), titleOnly('b.txt', '关于做好春季防火工作的通知'), titleOnly('c.txt', '关于做好秋季防火工作的通知')];
    expect(a.docs[0].doc.units).toHaveLength(0);
    expect(b.docs[0].key).toBe(a.docs[0].key);
    expect(c.docs[0].key).not.toBe(a.docs[0].key);
  });

  it('gives two documents with one title, date and 文号 but different text two ids, the second with a suffix from its text', () => {
    const a = NOTICE.replace('\n\n各区', '\n某政办发〔2021〕7号\n\n各区');
    const b = a.replace('提高认识', '压实责任');
    const ids = buildCorpus(
      [
        { name: 'a.txt', bytes: enc(a) },
        { name: 'b.txt', bytes: enc(b) },
      ],
      sha256Hex,
    ).docs.map((d) => d.id);
    expect(ids.filter((id) => /^p[0-9a-f]{11}$/.test(id))).toHaveLength(1);
    expect(ids.filter((id) => /^p[0-9a-f]{11}-[0-9a-f]{6}$/.test(id))).toHaveLength(1);
    expect(ids[0].slice(0, 12)).toBe(ids[1].slice(0, 12));
    // A 文号 two documents carry cannot be the id: title, date and 文号 are.
    expect(ids[0].slice(0, 12)).toBe(documentId('关于做好春季防火工作的通知', '2021-03-01', '某政办发〔2021〕7号', null, sha256Hex));
  });
});

describe('buildCorpus: documents without text, counts and order', () => {
  it('says which blank pages follow a title that has no text, or that there is nothing but the title', () => {
    const jinan = '济南市人民政府关于印发济南市优化营商环境规划的通知';
    const pages = buildCorpus([{ name: 'd.txt', bytes: enc(`# Page 1:\n${NOTICE}# Page 2:\n${jinan}\n# Page 3:\n\n# Page 4:\n\n`) }], sha256Hex).docs;
    expect(pages.find((d) => d.title === jinan)).toMatchObject({ unitCount: 0, bodyMissing: { reason: 'blank-pages', detail: 'd.txt：标题后的第 3–4 页没有文字（源 PDF 中可能是图片）' } });
    expect(pages.find((d) => d.title !== jinan)!.bodyMissing).toBeNull();
    // The empty line after the title is on page 2, which has text: only page 3 is blank.
    const onePage = buildCorpus([{ name: 'd.txt', bytes: enc(`# Page 1:\n${NOTICE}# Page 2:\n${jinan}\n\n# Page 3:\n\n`) }], sha256Hex).docs;
    expect(onePage.find((d) => d.title === jinan)!.bodyMissing).toEqual({ reason: 'blank-pages', detail: 'd.txt：标题后的第 3 页没有文字（源 PDF 中可能是图片）' });
    // NOTICE is 11 lines (its last one empty): the title is line 12.
    const noPages = buildCorpus([{ name: 'd.txt', bytes: enc(`${NOTICE}\n${jinan}\n`) }], sha256Hex).docs;
    expect(noPages.find((d) => d.title === jinan)!.bodyMissing).toEqual({ reason: 'no-text', detail: 'd.txt：只有标题，没有正文（第 12 行）' });
  });

  it('keeps a 文号 printed under a title whose body pages are blank with that title, not with the next document', () => {
    const jinan = '济南市人民政府关于印发济南市优化营商环境规划的通知';
    const docs = buildCorpus([{ name: 'd.txt', bytes: enc(`# Page 1:\n${jinan}\n济政发〔2023〕5号\n# Page 2:\n\n# Page 3:\n\n# Page 4:\n${NOTICE}`) }], sha256Hex).docs;
    expect(new Map(docs.map((d) => [d.title, d.docNumber]))).toEqual(
      new Map([
        [jinan, '济政发〔2023〕5号'],
        ['关于做好春季防火工作的通知', null],
      ]),
    );
  });

  it('lists documents by id, files by name, and counts the page numbers it dropped', () => {
    const names = ['d.txt', 'b.txt', 'c.txt', 'a.txt'];
    const texts = [NOTICE, BANFA, NOTICE.replace('春季防火', '夏季防汛'), NOTICE.replace('春季防火', '秋冬季防火')];
    const result = buildCorpus(names.map((name, i) => ({ name, bytes: enc(texts[i]) })), sha256Hex);
    const ids = result.docs.map((d) => d.id);
    expect(ids).toHaveLength(4);
    expect([...ids].sort()).toEqual(ids);
    expect(result.rawFiles.map((f) => f.file)).toEqual(['a.txt', 'b.txt', 'c.txt', 'd.txt']);
    expect(result.notes).toEqual([]);
    const paged = buildCorpus([{ name: 'p.txt', bytes: enc('# Page 1:\n关于做好春季防火工作的通知\n各区人民政府：\n一、提高认识\n请各单位认真落实。\n- 1 -\n# Page 2:\n二、压实责任\n各单位要明确专人负责。\n- 2 -\n') }], sha256Hex);
    expect(paged.rawFiles[0].dropped).toEqual({ 'page-number': 2 });
  });

  it('splits a line too long to be one and says so', () => {
    const long = '为了规范政务服务，'.repeat(445) + '制定本办法。'; // 4011 characters on one line
    const result = buildCorpus([{ name: 'long.txt', bytes: enc(`青岛市政务服务管理办法\n${long}\n`) }], sha256Hex);
    expect(result.warnings).toEqual([{ file: 'long.txt', message: '有 1 行超过 4000 个字符，已拆成几段读取（行号不变）' }]);
  });
});

describe('copies', () => {
  const doc = (title: string, docNumber: string | null, date: string | null, titleSource: 'title-line' | 'inferred' = 'title-line') => ({ title, docNumber, date, titleSource }) as Parameters<typeof sameDocument>[0];
  it('are one document when title, 文号 and date agree where both print them, white space and width aside', () => {
    const a = doc('关于做好春季防火工作的通知', '某政办发〔2021〕7号', '2021-03-01');
    expect(sameDocument(a, doc('关于做好春季防火工作的 通知', '某政办发〔2021〕７号', '2021-03-01'))).toBe(true);
    expect(sameDocument(a, doc('关于做好春季防火工作的通知', null, null))).toBe(true);
    expect(sameDocument(a, doc('关于做好夏季防汛工作的通知', '某政办发〔2021〕7号', '2021-03-01'))).toBe(false);
    expect(sameDocument(a, doc('关于做好春季防火工作的通知', '某政办发〔2021〕8号', '2021-03-01'))).toBe(false);
    expect(sameDocument(a, doc('关于做好春季防火工作的通知', '某政办发〔2021〕7号', '2021-03-02'))).toBe(false);
    // A title made up from the text is no printed title: it contradicts nothing.
    expect(sameDocument(a, doc('请各单位认真落实', '某政办发〔2021〕7号', '2021-03-01', 'inferred'))).toBe(true);
    expect(sameDocument(doc('请各单位认真落实', null, null, 'inferred'), a)).toBe(true);
  });

  it('are found by their text, whatever its wrapping and width', () => {
    const unit = (label: string, text: string): Unit => ({ id: 'x', path: 'a1', level: 'outline1', label, heading: null, paragraphs: [{ text, pages: [] }], pages: [], children: [] });
    const key = contentKey([unit('一、', '请各单位认真落实。')], sha256Hex);
    expect(contentKey([unit('一、', '请各单位 认真\n落实。')], sha256Hex)).toBe(key);
    expect(contentKey([unit('一、', '请各单位认真落实！')], sha256Hex)).not.toBe(key);
  });
});

describe('copies that differ outside the text', () => {
  it('take the place a copy names when the copy shown names none', () => {
    // Same title, date and text; only b.txt's signature names a place (青岛市人民政府).
    const docs = buildCorpus(
      [
        { name: 'a.txt', bytes: enc(NOTICE) },
        { name: 'b.txt', bytes: enc(NOTICE.replace('某市人民政府', '青岛市人民政府')) },
      ],
      sha256Hex,
    ).docs;
    expect(docs).toHaveLength(1);
    expect(docs[0].region).toEqual({ level: 'city', province: '山东省', city: '青岛市' });
    expect(buildCorpus([{ name: 'a.txt', bytes: enc(NOTICE) }], sha256Hex).docs[0].region.province).toBeNull();
  });
});

describe('documentId', () => {
  it('is the id every build has given such a document (stored annotations and links key on it)', () => {
    // SHA-256 (sha256sum) of 文号|国发[2023]1号 (〔〕 folded to []) and of 关于做好春季防火工作的通知|2021-03-01|, first 11 hex digits.
    expect(documentId('国务院关于印发某方案的通知', '2023-01-05', '国发〔2023〕1号', '国发〔2023〕1号', sha256Hex)).toBe('p719838f5d8b');
    expect(documentId('关于做好春季防火工作的通知', '2021-03-01', null, null, sha256Hex)).toBe('pde1878b07da');
  });

  const title = '关于做好春季防火工作的通知';
  it('is p and 11 hex digits of the title, date and 文号, white space and width aside', () => {
    const id = documentId(title, '2021-03-01', '某政办发〔2021〕7号', null, sha256Hex);
    expect(id).toMatch(/^p[0-9a-f]{11}$/);
    expect(documentId(` 关于做好春季防火工作 的通知 `, '2021-03-01', '某政办发〔2021〕７号', null, sha256Hex)).toBe(id);
    expect(documentId(title, '2022-03-01', '某政办发〔2021〕7号', null, sha256Hex)).not.toBe(id);
    expect(documentId(title, '2021-03-01', '某政办发〔2021〕8号', null, sha256Hex)).not.toBe(id);
    expect(documentId(title, '2021-03-01', null, null, sha256Hex)).not.toBe(id);
    // No date and an empty one are the same; the 文号 is not read as the date.
    expect(documentId(title, null, null, null, sha256Hex)).toBe(documentId(title, '', '', null, sha256Hex));
    expect(documentId(title, null, '某政办发〔2021〕7号', null, sha256Hex)).not.toBe(documentId(title, '某政办发〔2021〕7号', null, null, sha256Hex));
  });

  it('is the 文号 alone when no other document shares it, so a corrected title keeps the id', () => {
    const id = documentId(title, '2021-03-01', '某政办发〔2021〕7号', '某政办发〔2021〕7号', sha256Hex);
    expect(documentId('关于做好春季森林防火工作的通知', null, null, '某政办发〔2021〕7号', sha256Hex)).toBe(id);
    expect(id).not.toBe(documentId(title, '2021-03-01', '某政办发〔2021〕7号', null, sha256Hex));
  });
});

describe('the files', () => {
  it('are the library, its head, the documents and the manifest when there are no artifacts', () => {
    const result = buildCorpus([{ name: 'a.txt', bytes: enc(NOTICE) }], sha256Hex);
    expect([...corpusFileStream(result, sha256Hex).files].map(([p]) => p)).toEqual(['library.json', 'library-head.json', `docs/${result.docs[0].id}.json`, 'manifest.json']);
  });

  it('write the library entry of a document without its text', () => {
    const [doc] = buildCorpus([{ name: 'a.txt', bytes: enc(NOTICE) }], sha256Hex).docs;
    const s = summarize(doc);
    expect(Object.keys(s).sort()).toEqual(['authors', 'bodyMissing', 'charCount', 'date', 'docNumber', 'effectiveDate', 'id', 'issuer', 'issuers', 'kind', 'region', 'sources', 'title', 'titleSource', 'unitCount'].sort());
    expect(s).toMatchObject({ id: doc.id, title: '关于做好春季防火工作的通知', date: '2021-03-01', kind: '通知', unitCount: 1, charCount: 13 });
  });

  it('write JSON with a trailing newline, indented for the manifest and on one line for documents', () => {
    expect(stableJson({ v: 1, files: ['library.json'] })).toBe('{\n "v": 1,\n "files": [\n  "library.json"\n ]\n}\n');
    expect(compactJson({ v: 1, files: ['library.json'] })).toBe('{"v":1,"files":["library.json"]}\n');
  });

  it('place a folder’s artifacts under it', () => {
    expect([...inFolder('search', [{ path: 'index.json', data: '{"v":5}' }, { path: 'shards/0.json', data: '[]' }])]).toEqual([
      { path: 'search/index.json', data: '{"v":5}' },
      { path: 'search/shards/0.json', data: '[]' },
    ]);
  });

  it('hand on an array entry by entry, letting go of each once given', () => {
    const items: (string | null)[] = ['search/index.json', 'variants.json'];
    const it = handedOn(items);
    expect(it.next().value).toBe('search/index.json');
    expect(items).toEqual([null, 'variants.json']);
    expect([...it]).toEqual(['variants.json']);
    expect(items).toEqual([null, null]);
  });
});
