/**
 * Word 97–2003 (.doc) fixtures from real text, written by LibreOffice's "MS Word 97" export filter (Debian's
 * libreoffice-writer-nogui): the tests read the committed .doc files, so CI needs no LibreOffice.
 *   npx tsx test-data/import/make-word97.mts     (needs soffice on the PATH)
 * - face-recognition-rules.doc: the interpretation as lawDocx() writes it (typed 第一条 labels);
 * - face-recognition-rules-numbered.doc: as lawDocxNumbered() writes it (the 条 are Word's automatic numbering);
 * - face-recognition-rules-fields.doc: the title, 文号, preamble and first two articles, with what a .doc carries
 *   beside its text: a running header, a page-number field in the footer, a footnote, a hyperlink (a field) and a
 *   table of the dates.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlignmentType, Document, ExternalHyperlink, Footer, FootnoteReferenceRun, Header, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { lawAnswerKey, lawDocx, lawDocxNumbered } from '../../test-support/import-fixtures';

const here = new URL('.', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'word97-'));
const key = lawAnswerKey();
const centred = (t: string) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(t)] });
const fields = new Document({
  footnotes: { 1: { children: [new Paragraph('脚注：本规定由最高人民法院审判委员会讨论通过。')] } },
  sections: [
    {
      headers: { default: new Header({ children: [new Paragraph('最高人民法院公报')] }) },
      footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })] })] }) },
      children: [
        centred(key.title),
        centred(key.docNumber),
        new Table({ rows: key.dateLines.map((l) => new TableRow({ children: l.split(/\s+/).map((cell) => new TableCell({ children: [new Paragraph(cell)] })) })) }),
        new Paragraph({ children: [new TextRun(key.preamble), new FootnoteReferenceRun(1)] }),
        ...key.articles.slice(0, 2).flatMap((a) => [new Paragraph(`${a.label}　${a.paragraphs[0]}`), ...a.paragraphs.slice(1).map((p) => new Paragraph(p))]),
        new Paragraph({ children: [new TextRun('原文见'), new ExternalHyperlink({ link: 'https://www.court.gov.cn/', children: [new TextRun('最高人民法院网站')] }), new TextRun('。')] }),
      ],
    },
  ],
});
const sources: [string, Uint8Array][] = [
  ['face-recognition-rules', await lawDocx()],
  ['face-recognition-rules-numbered', await lawDocxNumbered()],
  ['face-recognition-rules-fields', new Uint8Array(await Packer.toBuffer(fields))],
];
for (const [name, docx] of sources) writeFileSync(join(work, `${name}.docx`), docx);
execFileSync('soffice', ['--headless', '--convert-to', 'doc', '--outdir', work, ...sources.map(([name]) => join(work, `${name}.docx`))], { stdio: 'ignore' });
for (const [name] of sources) writeFileSync(join(here, `${name}.doc`), readFileSync(join(work, `${name}.doc`)));
