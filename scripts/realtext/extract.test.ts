/**
 * Real PDF bytes through the real tools: a real law excerpt printed by
 * Chromium, extracted by pdftotext (both modes) and pdf.js. Needs
 * /usr/bin/chromium (or CHROMIUM_PATH) and poppler-utils, as `npm test` does.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { charAccuracy, extractedText, printedText } from './accuracy.js';
import { extractRaw, EXTRACTORS } from './extract.js';
import { LAW_LAYOUTS, renderHtml } from './layouts.js';
import { compact, locateDocs } from './locate.js';
import { chromiumPath, renderPdf } from '../../test-support/render-pdf.js';

// 中华人民共和国义务教育法 (2018), its first articles: LawRefBook/Laws 行政法/义务教育法(2018-12-29).md.
const TITLE = '中华人民共和国义务教育法';
const META = ['1986年4月12日 第六届全国人民代表大会第四次会议通过', '2006年6月29日 第十届全国人民代表大会常务委员会第二十二次会议修订'];
const PARAS = [
  '第一条 为了保障适龄儿童、少年接受义务教育的权利，保证义务教育的实施，提高全民族素质，根据宪法和教育法，制定本法。',
  '第二条 国家实行九年义务教育制度。',
  '义务教育是国家统一实施的所有适龄儿童、少年必须接受的教育，是国家必须予以保障的公益性事业。',
  '实施义务教育，不收学费、杂费。',
  '国家建立义务教育经费保障机制，保证义务教育制度实施。',
  '第三条 义务教育必须贯彻国家的教育方针，实施素质教育，提高教育质量，使适龄儿童、少年在品德、智力、体质等方面全面发展，为培养有理想、有道德、有文化、有纪律的社会主义建设者和接班人奠定基础。',
  '第四条 凡具有中华人民共和国国籍的适龄儿童、少年，不分性别、民族、种族、家庭财产状况、宗教信仰等，依法享有平等接受义务教育的权利，并履行接受义务教育的义务。',
];
const HEADER = '全国人民代表大会常务委员会公报';

const missing = !existsSync(chromiumPath()) ? `Chromium not found at ${chromiumPath()}` : null;
if (missing) console.log(`skipped: real PDF extraction tests: ${missing} (set CHROMIUM_PATH)`);

describe.skipIf(Boolean(missing))('real PDF extraction', () => {
  const layout = { ...LAW_LAYOUTS.find((l) => l.id.startsWith('L08'))!, titleLines: 3 };
  // Long enough for two pages at 12pt: the header and the footer must repeat.
  const blocks = [...PARAS, ...PARAS.map((p) => p.replace(/^第(.)条/, '第$1条之一'))].map((text) => ({ kind: 'para' as const, text }));
  const html = renderHtml([{ title: TITLE, metaLines: META, blocks: [...blocks, ...blocks] }], layout);
  let dir = '';
  let pdfPath = '';
  let bytes: Uint8Array;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'realtext-test-'));
    bytes = await renderPdf(html, { ...layout.pdf, header: HEADER });
    pdfPath = path.join(dir, 'law.pdf');
    writeFileSync(pdfPath, bytes);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const how of EXTRACTORS) {
    it(`${how}: every page under its marker, the text at ≥ 99.5 % of the characters printed`, async () => {
      const { text, pages } = await extractRaw(pdfPath, bytes, how);
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(text.split('\n').filter((l) => /^# Page \d+:$/.test(l))).toEqual(Array.from({ length: pages }, (_, i) => `# Page ${i + 1}:`));
      const { accuracy } = charAccuracy(printedText(html), extractedText(text, [HEADER]));
      expect(accuracy).toBeGreaterThanOrEqual(0.995);
      const [at] = locateDocs(text, [{ first: TITLE, title: TITLE, text: PARAS.join('\n') }], [HEADER]);
      const last = compact(text.split('\n')[at.endLine - 1]);
      expect(last.length).toBeGreaterThan(0);
      expect(compact(PARAS.at(-1)!).endsWith(last)).toBe(true);
    }, 60_000);
  }

  it('pdf.js: the title over three lines, article paragraphs indented with two ideographic spaces, the header and page number as lines', async () => {
    const { text } = await extractRaw(pdfPath, bytes, 'pdfjs');
    const lines = text.split('\n');
    const first = lines.findIndex((l) => compact(l) && TITLE.startsWith(compact(l)));
    expect(lines.slice(first, first + 3).map(compact).join('')).toBe(TITLE);
    expect(lines.filter((l) => l.startsWith('\u3000\u3000第一条\u3000为了'))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('\u3000\u3000第一条之一\u3000为了'))).toHaveLength(2);
    expect(lines.filter((l) => compact(l) === HEADER).length).toBeGreaterThanOrEqual(2);
    expect(lines.filter((l) => /^—\s*\d+\s*—$/.test(l.trim())).length).toBeGreaterThanOrEqual(2);
  }, 60_000);
});
