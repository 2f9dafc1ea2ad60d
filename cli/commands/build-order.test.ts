/**
 * The order the build's files are made in, which bounds what it holds at once: the variants detection (about 200 MB
 * at 10,000 documents) only until its files are written, the documents (most of the heap) only until theirs are,
 * and the search index made after both are let go (the build's memory and its collections: cli/commands/build.ts).
 */
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../test-support/sha256';
import { buildCorpus } from '../../core/corpus/build.js';
import { corpusFileStream } from '../../core/corpus/file-stream.js';
import { detectionThenLetGo } from './build.js';

const enc = new TextEncoder();
const RAW = [
  { name: 'a.txt', bytes: enc.encode('青岛市优化营商环境条例\n\n第一条 为了优化营商环境，制定本条例。\n第二条 本条例自公布之日起施行。\n') },
  { name: 'b.txt', bytes: enc.encode('关于推行告知承诺制的通知\n\n一、全面推行证明事项告知承诺制。\n二、加强事中事后监管。\n') },
];
const file = (path: string) => ({ path, data: `${path}\n` });

describe('the files of a build', () => {
  it('come as the detection files, the documents, then the search files, made once the detection is let go', () => {
    const result = buildCorpus(RAW, sha256Hex);
    const made: string[] = [];
    const detection: { files: Iterable<{ path: string; data: string }> | null } = {
      files: (function* () {
        made.push('variants.json');
        yield file('variants.json');
        made.push('variants/d1.json');
        yield file('variants/d1.json');
      })(),
    };
    function* search() {
      expect(detection.files).toBeNull();
      made.push('search index');
      yield file('search/index.json');
    }
    const docPaths = result.docs.map((d) => `docs/${d.id}.json`);
    const out = [...corpusFileStream(result, sha256Hex, detectionThenLetGo(detection), undefined, search()).files].map(([p]) => p);
    expect(out).toEqual(['library.json', 'library-head.json', 'variants.json', 'variants/d1.json', ...docPaths, 'search/index.json', 'manifest.json']);
    expect(made).toEqual(['variants.json', 'variants/d1.json', 'search index']);
  });

  it('does not make the search index while the detection files or the documents are still being written', () => {
    const result = buildCorpus(RAW, sha256Hex);
    let searchMade = false;
    const detection = { files: [file('variants.json'), file('variants-lsh.json')] as Iterable<{ path: string; data: string }> | null };
    function* search() {
      searchMade = true;
      yield file('search/index.json');
    }
    const it = corpusFileStream(result, sha256Hex, detectionThenLetGo(detection), undefined, search()).files[Symbol.iterator]();
    const paths: string[] = [];
    for (let r = it.next(); !r.done && !searchMade; r = it.next()) paths.push(r.value[0]);
    expect(searchMade).toBe(true);
    expect(paths).toEqual(['library.json', 'library-head.json', 'variants.json', 'variants-lsh.json', ...result.docs.map((d) => `docs/${d.id}.json`)]);
    expect(detection.files).toBeNull();
  });
});
