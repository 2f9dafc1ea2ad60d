/**
 * The text of 中华人民共和国民法典 (1,260 articles, ~2,000 units once parsed) as a raw
 * file our parser reads, from the LawRefBook/Laws repository (a git directory:
 * fetched to /work/.mirror/LawRefBook+Laws/repo). The text only is used, not code.
 * A long real law for bench:reader and the long-document e2e test.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CIVIL_CODE_SOURCE = process.env.CIVIL_CODE_SOURCE ?? '/work/.mirror/LawRefBook+Laws/repo';

export function civilCodeAvailable(source = CIVIL_CODE_SOURCE): boolean {
  return existsSync(source);
}

const BOOKS = ['总则', '物权编', '合同编', '人格权编', '婚姻家庭编', '继承编', '侵权责任编', '附则'];
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八'];

/** The 民法典 as a raw file: title, adoption line, 第N编 headings, chapters, sections, articles, one paragraph a line. */
export function civilCodeRaw(source = CIVIL_CODE_SOURCE): string {
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

