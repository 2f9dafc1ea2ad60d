/**
 * The text of 中华人民共和国民法典 (1,260 articles, ~2,000 units once parsed) as a raw
 * file our parser reads: a long real law for bench:reader and the long-document e2e test.
 * Kept in the repository (test-data/long/minfadian.txt, see its README), so both run on
 * every machine; made from the LawRefBook/Laws repository (a git directory), its text only:
 *
 *   npx tsx scripts/civil-code.ts --source <git directory> > test-data/long/minfadian.txt
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CIVIL_CODE_FILE = fileURLToPath(new URL('../test-data/long/minfadian.txt', import.meta.url));

/** The raw file: the one kept in the repository, or made again from a LawRefBook/Laws git directory. */
export function civilCodeRaw(source?: string): string {
  return source ? civilCodeFromSource(source) : readFileSync(CIVIL_CODE_FILE, 'utf8');
}

const BOOKS = ['总则', '物权编', '合同编', '人格权编', '婚姻家庭编', '继承编', '侵权责任编', '附则'];
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八'];

/** The 民法典 as a raw file: title, adoption line, 第N编 headings, chapters, sections, articles, one paragraph a line. */
function civilCodeFromSource(source: string): string {
  const out = ['中华人民共和国民法典', '（2020年5月28日第十三届全国人民代表大会第三次会议通过）'];
  BOOKS.forEach((book, b) => {
    const md = execFileSync('git', ['-C', source, 'show', `HEAD:民法典/${book}.md`], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const body = md.split('<!-- INFO END -->')[1] ?? md;
    // 附则 is a chapter of the last book, not a book of its own.
    if (book !== '附则') out.push(`第${NUMERALS[b]}编　${book}`);
    for (const line of body.split('\n')) {
      const t = line.replace(/^#+\s*/, '').replace(/\s{2,}/g, '　').trim();
      if (t) out.push(t);
    }
  });
  return out.join('\n') + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf('--source');
  if (i < 0 || !process.argv[i + 1]) {
    console.error('usage: npx tsx scripts/civil-code.ts --source <LawRefBook/Laws git directory>');
    process.exit(2);
  }
  process.stdout.write(civilCodeFromSource(process.argv[i + 1]));
}

