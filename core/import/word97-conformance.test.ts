/**
 * word97.ts on documents Microsoft Word wrote (test-data/word97/README.md): the body text each gives is the one
 * another reader (word-extractor's snapshots) recorded for it, piece by piece.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Word97Error, word97Text } from './word97';

const DIR = join('test-data', 'word97');
const key = JSON.parse(readFileSync(join(DIR, 'key.json'), 'utf8')) as Record<string, string>;
/** The pieces of a text as both readers can be compared on (see the README). */
const pieces = (s: string) =>
  s
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\u2013/g, '-')
    .split(/[\n\t]/)
    .map((x) => x.trim())
    .filter(Boolean);

describe('Word 97–2003 documents written by Word', () => {
  it.each(Object.keys(key))('%s gives the body text the answer key records', (file) => {
    expect(pieces(word97Text(new Uint8Array(readFileSync(join(DIR, 'raw', file)))))).toEqual(pieces(key[file]));
  });
  it('leaves out a tracked deletion and keeps a tracked insertion (test14.doc)', () => {
    const text = word97Text(new Uint8Array(readFileSync(join(DIR, 'raw', 'test14.doc'))));
    expect(text).toContain('This text has been inserted, and should be included');
    expect(text).not.toContain('deleted');
  });
  it('reads Chinese text (test11.doc) and refuses a damaged header', () => {
    expect(word97Text(new Uint8Array(readFileSync(join(DIR, 'raw', 'test11.doc'))))).toBe('这是一个用来测试nodejs解析Word文档.doccccc\nThis is a test for parsing the Word file in node.');
    expect(() => word97Text(new Uint8Array(readFileSync(join(DIR, 'raw', 'badfile-01-bad-header.doc'))))).toThrow(Word97Error);
  });
});
