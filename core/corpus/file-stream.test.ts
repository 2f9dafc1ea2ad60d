/**
 * The corpus files of a build as a stream (corpusFileStream): made one at a time when the writer asks,
 * the manifest last, over the hashes of what came before it.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../test-support/sha256';
import { buildCorpus, compactJson } from './build.js';
import { corpusFileStream, type FileContent } from './file-stream.js';
import type { Manifest } from './types.js';

const enc = new TextEncoder();
const RAW = [
  { name: 'a.txt', bytes: enc.encode('青岛市优化营商环境条例\n\n第一条 为了优化营商环境，制定本条例。\n第二条 本条例自公布之日起施行。\n') },
  { name: 'b.txt', bytes: enc.encode('关于推行告知承诺制的通知\n\n一、全面推行证明事项告知承诺制。\n二、加强事中事后监管。\n') },
];
/** Path → content, as the writer gets them (each with its hash besides). */
const contents = (files: Iterable<readonly [string, FileContent, string?]>) => new Map(Array.from(files, ([p, c]) => [p, String(typeof c === 'function' ? c() : c)]));
const ARTIFACTS = [
  { path: 'search/index.json', data: '{"v":5}' },
  { path: 'variants.json', data: '[]' },
];

describe('corpusFileStream', () => {
  it('makes each file only when the writer asks for it, and the manifest only after the last', () => {
    const result = buildCorpus(RAW, sha256Hex);
    let hashed = 0;
    const stream = corpusFileStream(result, (s) => (hashed++, sha256Hex(s)), ARTIFACTS);
    expect(hashed).toBe(0);
    const it = stream.files[Symbol.iterator]();
    expect(it.next().value![0]).toBe('library.json');
    expect(hashed).toBe(1);
    expect(() => stream.manifest()).toThrow(/after the last/);
    const rest: (readonly [string, FileContent, string?])[] = [];
    for (let r = it.next(); !r.done; r = it.next()) rest.push(r.value);
    expect(rest.map(([p]) => p)).toEqual(['library-head.json', 'search/index.json', 'variants.json', ...result.docs.map((d) => `docs/${d.id}.json`), 'manifest.json']);
    expect(result.docs.length).toBe(2);
  });

  it('reads a generator of artifacts only as the writer reaches them, and hands an array on entry by entry', () => {
    const result = buildCorpus(RAW, sha256Hex);
    const made: string[] = [];
    function* shards() {
      for (const id of ['a', 'b']) {
        made.push(id);
        yield { path: `variants/${id}.json`, data: `{"doc":"${id}"}` };
      }
    }
    const it = corpusFileStream(result, sha256Hex, shards()).files[Symbol.iterator]();
    for (let i = 0; i < 2; i++) it.next(); // the library and its head
    expect(made).toEqual([]);
    expect(it.next().value).toEqual(['variants/a.json', '{"doc":"a"}', sha256Hex('{"doc":"a"}')]);
    expect(made).toEqual(['a']);
    expect([...{ [Symbol.iterator]: () => it }].map(([p]) => p)).toEqual(['variants/b.json', ...result.docs.map((d) => `docs/${d.id}.json`), 'manifest.json']);

    const given = [...ARTIFACTS];
    const files = contents(corpusFileStream(result, sha256Hex, given).files);
    expect(files.get('search/index.json')).toBe('{"v":5}');
    expect(given).toEqual(ARTIFACTS); // the stream let go of its own copy, not of the caller's array
  });

  it('lists every file but itself in the manifest, hashed over sorted path and content hash lines', () => {
    const result = buildCorpus(RAW, sha256Hex);
    const stream = corpusFileStream(result, sha256Hex, ARTIFACTS);
    const files = contents(stream.files);
    const manifest = JSON.parse(files.get('manifest.json')!) as Manifest;
    files.delete('manifest.json');
    const paths = [...files.keys()].sort();
    expect(manifest.files).toEqual(paths);
    // The check a later build makes of a folder's manifest (cli/corpus-files legacyBuildFiles), done by hand here.
    expect(manifest.contentHash).toBe(sha256Hex(paths.map((p) => `${p}\n${sha256Hex(files.get(p)!)}`).join('\n')));
    expect(stream.manifest()).toEqual(manifest);
    expect(files.get('variants.json')).toBe('[]');
  });

  it('hands the writer each file with the SHA-256 of its content, which lets it link an unchanged one, and the manifest without', () => {
    const result = buildCorpus(RAW, sha256Hex);
    const stream = corpusFileStream(result, (s) => sha256Hex(s), ARTIFACTS);
    const out = [...stream.files];
    // What was handed on can be asked for by path (the build records its variants shards' hashes so: cli/variant-shards.ts).
    expect(stream.sha256Of('variants.json')).toBe(createHash('sha256').update('[]').digest('hex'));
    expect(stream.sha256Of('variants/none.json')).toBeUndefined();
    const manifest = out.pop()!;
    expect(manifest[0]).toBe('manifest.json');
    expect(manifest[2]).toBeUndefined();
    expect(out.length).toBe(2 + ARTIFACTS.length + result.docs.length);
    // The digest of the bytes written, UTF-8 (node:crypto's, not the stream's own).
    for (const [p, content, sha] of out) expect([p, typeof content, sha]).toEqual([p, 'string', createHash('sha256').update(Buffer.from(content as string, 'utf8')).digest('hex')]);
  });

  it('hands a document on as the hash it was given and a function that makes its JSON, and the manifest is the same', () => {
    const result = buildCorpus(RAW, sha256Hex);
    const plain = contents(corpusFileStream(result, sha256Hex, ARTIFACTS).files);
    const given: string[] = [];
    const out = [...corpusFileStream(result, sha256Hex, ARTIFACTS, (d) => (given.push(d.id), sha256Hex(compactJson(d)))).files];
    expect(given).toEqual(result.docs.map((d) => d.id));
    for (const [p, content, sha] of out) {
      if (!p.startsWith('docs/')) continue;
      expect(typeof content).toBe('function');
      const text = (content as () => string)();
      expect(text).toBe(plain.get(p));
      expect(sha).toBe(createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex'));
    }
    expect(out.at(-1)![1]).toBe(plain.get('manifest.json'));
  });

  it('reads the files after the documents only once every document is handed on; the documents may be let go by then', () => {
    const result = buildCorpus(RAW, sha256Hex);
    const plain = contents(corpusFileStream(result, sha256Hex, ARTIFACTS).files);
    const docPaths = result.docs.map((d) => `docs/${d.id}.json`);
    const seen: string[] = [];
    function* late() {
      // Every document's file is out: the caller lets the documents go, as the build does before its search index.
      expect(seen).toEqual(expect.arrayContaining(docPaths));
      result.docs = [];
      yield { path: 'search/index.json', data: '{"v":5}' };
    }
    const stream = corpusFileStream(result, sha256Hex, [ARTIFACTS[1]], undefined, late());
    const files = new Map<string, FileContent>();
    for (const [p, c] of stream.files) {
      seen.push(p);
      files.set(p, c);
    }
    expect(seen).toEqual(['library.json', 'library-head.json', 'variants.json', ...docPaths, 'search/index.json', 'manifest.json']);
    // The same corpus as with every artifact before the documents: the manifest counts the documents let go.
    expect(contents(files)).toEqual(plain);
    expect(stream.manifest().counts.documents).toBe(2);
    expect(stream.manifest().counts.units).toBeGreaterThanOrEqual(4);

    // An array after the documents is handed on entry by entry from the stream's own copy, not the caller's.
    const given = [ARTIFACTS[0]];
    const fresh = buildCorpus(RAW, sha256Hex);
    expect(contents(corpusFileStream(fresh, sha256Hex, [ARTIFACTS[1]], undefined, given).files)).toEqual(plain);
    expect(given).toEqual([ARTIFACTS[0]]);
  });

  it('refuses two files at one path, or an artifact named manifest.json', () => {
    const result = buildCorpus(RAW, sha256Hex);
    expect(() => [...corpusFileStream(result, sha256Hex, [...ARTIFACTS, { path: 'variants.json', data: '{}' }]).files]).toThrow(/two corpus files at variants\.json/);
    expect(() => [...corpusFileStream(result, sha256Hex, [{ path: 'manifest.json', data: '{}' }]).files]).toThrow(/two corpus files at manifest\.json/);
    // A document handed on by its hash clashes as one handed on made.
    const clash = `docs/${result.docs[0].id}.json`;
    expect(() => [...corpusFileStream(result, sha256Hex, [{ path: clash, data: '{}' }], (d) => sha256Hex(compactJson(d))).files]).toThrow(`two corpus files at ${clash}`);
  });
});
