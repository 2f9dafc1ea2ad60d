/**
 * Markdown → plain lines for the corpus pipeline. Laws are collected and shared as Markdown (LawRefBook/Laws:
 * `# 中华人民共和国消防法`, `## 第一章 总则`, `<!-- INFO END -->`); read as plain text, the marks made the title
 * "#中华人民共和国消防法", hid every 章 and split files into several documents. Markdown keeps its words and loses
 * its markup (`#` headings, emphasis, list bullets, links, comments), one output line per input line, so line
 * numbers still point into the file.
 */

/** A heading: one to six `#`, white space, then a Chinese character (a Markdown file of Chinese text, not `# Page 3:`). */
const HAN_HEADING = /^ {0,3}#{1,6}[ \t]+\p{Script=Han}/mu;

/**
 * Whether a text file is Markdown: it has a heading line. Plain policy text never starts a line with `# ` and a
 * Chinese character; the page markers of PDF text (`# Page 3:`) are Latin.
 */
export function looksLikeMarkdown(text: string): boolean {
  return HAN_HEADING.test(text);
}

export function markdownToText(md: string): string {
  return (
    md
      // A comment may span lines: its line breaks stay, so later lines keep their numbers.
      .replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ''))
      .split('\n')
      .map((l) =>
        l
          .replace(/^\s{0,3}#{1,6}\s+/, '')
          .replace(/^\s*(?:[-*+]|>)\s+/, '')
          .replace(/\*\*|__|`/g, '')
          .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
          .replace(/\s+$/, ''),
      )
      .join('\n')
  );
}
