/**
 * Laws kept as Markdown under a plain-text name (test-data/markdown, see its README): each file is read for its
 * words — one document, titled by its `# ` heading, with as many 条 as the file has lines beginning 第…条. The key
 * comes from the files (scripts/realtext/markdown-set.ts), never from this parser. Eight files are not one document
 * titled so, and are named below with the reason.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../test-support/sha256';
import { buildCorpus } from './build.js';
import { allUnits } from './units.js';

const SET = path.resolve(__dirname, '../../test-data/markdown');
const key = JSON.parse(readFileSync(path.join(SET, 'key.json'), 'utf8')) as { files: { file: string; title: string; articles: number }[] };

/** Read otherwise, on purpose or not yet: the rest of the set must be exactly as keyed. */
const READ_OTHERWISE: Record<string, string> = {
  'md17.txt': '国旗法 with 国旗制法说明 after it, which has a title and date line of its own: read as a second document',
  'md19.txt': 'a 指导案例 whose heading is its holding, a sentence: titled 裁判要点',
  'nat11.txt': 'a 规定 followed by the forms it prescribes (决定书, 通知书 with ×××× for the blanks): each form read as a document',
  'nat12.txt': 'a decision amending a 规定, then the amended 规定 under its title over three lines: two documents, the second untitled',
  'nat23.txt': 'a 规定 with a 制作规范 attached under a title of its own: read as three documents',
  'nat29.txt': '国旗法 with 国旗制法说明 after it (as md17.txt)',
  'nat31.txt': 'a case whose heading is a question of 36 characters: the title is cut short',
  'nat34.txt': 'one 编 of the 民法典 in a file of its own, under the code\'s name: titled 婚姻家庭编',
};

describe('laws kept as Markdown (answer key from the files)', () => {
  for (const entry of key.files) {
    if (READ_OTHERWISE[entry.file]) continue;
    it(`${entry.file}: one document, its heading the title, ${entry.articles} 条`, () => {
      const { docs } = buildCorpus([{ name: entry.file, bytes: new Uint8Array(readFileSync(path.join(SET, 'raw', entry.file))) }], sha256Hex);
      expect(docs.map((d) => d.title)).toEqual([entry.title]);
      expect(allUnits(docs[0].units).filter((u) => u.level === 'article').length).toBe(entry.articles);
      // No mark of Markdown is left in the text.
      expect(allUnits(docs[0].units).filter((u) => /^#|<!--|\*\*/.test(u.heading ?? '') || u.paragraphs.some((p) => /^#{1,6} |<!--|\*\*/.test(p.text)))).toEqual([]);
    });
  }

  it('the files read otherwise are still read: 国旗法 whole, the 指导案例 as one document', () => {
    const read = (file: string) => buildCorpus([{ name: file, bytes: new Uint8Array(readFileSync(path.join(SET, 'raw', file))) }], sha256Hex).docs;
    const flag = read('md17.txt');
    expect(flag.map((d) => d.title)).toEqual(['中华人民共和国国旗法', '国旗制法说明']);
    expect(allUnits(flag[0].units).filter((u) => u.level === 'article').length).toBe(key.files.find((f) => f.file === 'md17.txt')!.articles);
    expect(read('md19.txt')).toHaveLength(1);
  });
});
