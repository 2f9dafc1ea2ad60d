import { sha256Hex } from '../../test-support/sha256';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../corpus/build';
import type { PolicyDocument, Unit, UnitLevel } from '../corpus/types';
import { citationLine, citationText, citedTitle, findUnit, formatPages, locator, unitOwnLines, unitText } from './citation';

const load = (id: string): PolicyDocument => JSON.parse(readFileSync(new URL(`../../e2e/fixtures/corpus/docs/${id}.json`, import.meta.url), 'utf8'));
const reg = load('shili-zhengwu-banfa-2023');
const notice = load('shili-tongzhi-2024');
const find = (doc: PolicyDocument, p: string) => {
  const f = findUnit(doc.units, `${doc.id}~${p}`);
  if (!f) throw new Error(p);
  return f;
};

describe('citation (fixture)', () => {
  it('cites an article by its own number, without the chapter', () => {
    const { unit, ancestors } = find(reg, 'ch3.ar10');
    expect(locator(unit, ancestors)).toBe('第十条');
    expect(citationLine(reg, unit, ancestors)).toBe('《示例市政务服务管理办法》（示例市人民政府令第1号）第十条（第3页）');
    expect(citationText(reg, unit, ancestors)).toBe(
      '《示例市政务服务管理办法》（示例市人民政府令第1号）第十条（第3页）\n第十条　市、区（市）政务服务管理办公室具体管理、指导、协调本行政区域政务服务工作，对下级审批服务、政务服务体系建设等进行业务指导。',
    );
  });

  it('includes items under an article and cites an item within it', () => {
    const art = find(reg, 'ch2.ar5');
    expect(citationText(reg, art.unit, art.ancestors).split('\n')).toEqual([
      '《示例市政务服务管理办法》（示例市人民政府令第1号）第五条（第2页）',
      '第五条　政务服务事项按照下列方式办理：',
      '（一）网上办理；',
      '（二）就近办理；',
      '（三）一次办理。',
    ]);
    const item = find(reg, 'ch2.ar5.it2');
    expect(locator(item.unit, item.ancestors)).toBe('第五条（二）');
  });

  it('gives each outline marker as itself, separated, and omits pages when unknown', () => {
    const sub = find(notice, 'o1.o2');
    expect(citationLine(notice, sub.unit, sub.ancestors)).toBe('《关于印发示例实施方案的通知》（沪示商〔2024〕12号）一、·（二）（第2页）');
    const chapter = find(reg, 'ch1');
    expect(locator(chapter.unit, chapter.ancestors)).toBe('第一章');
    expect(citationLine({ title: 'T', docNumber: null }, { ...chapter.unit, pages: [] }, [])).toBe('《T》第一章');
    expect(citationLine({ title: 'T', docNumber: 'X〔2024〕1号' }, null)).toBe('《T》（X〔2024〕1号）');
  });

  it('joins appendix and outline markers so the numbers cannot run together', () => {
    const u = (level: UnitLevel, label: string, printedLabel?: string): Unit => ({ id: `d~${label}`, path: label, level, label, printedLabel, heading: null, paragraphs: [{ text: '正文。', pages: [] }], pages: [], children: [] });
    const chain = [u('appendix', '附件'), u('outline1', '二、'), u('outline2', '（十三）')];
    const leaf = u('outline3', '26.', '26、');
    expect(locator(leaf, chain)).toBe('附件 · 二、·（十三）· 26.');
    expect(unitText(leaf)).toBe('26、正文。');
    // An article inside an attachment keeps the attachment, drops the chapter.
    expect(locator(u('article', '第三条'), [u('appendix', '附件'), u('chapter', '第一章')])).toBe('附件 · 第三条');
    expect(locator(u('clause', '第二款'), [u('chapter', '第一章'), u('article', '第三条')])).toBe('第三条第二款');
    // A 款 label is not printed text.
    expect(unitText(u('clause', '第二款'))).toBe('正文。');
  });

  it('nests title marks inside the outer 《》 as 〈〉', () => {
    expect(citedTitle('关于印发《2023年扬州优化提升营商环境任务清单》的通知')).toBe('《关于印发〈2023年扬州优化提升营商环境任务清单〉的通知》');
    expect(citedTitle('《青岛市政务服务管理办法》政策解读')).toBe('《〈青岛市政务服务管理办法〉政策解读》');
  });

  it('formats page ranges', () => {
    expect(formatPages([])).toBe('');
    expect(formatPages([4, 2, 3])).toBe('（第2–4页）');
    expect(formatPages([7])).toBe('（第7页）');
  });
});

/**
 * The real corpus: for units at every level, the quoted first line must be
 * what the raw source prints (markers included, whitespace and line wraps
 * aside), and the cited page must be the `# Page N:` the text sits under.
 */
describe('citation (real corpus)', () => {
  const RAW = path.resolve(__dirname, '../../resources/corpus/raw');
  let docs: PolicyDocument[];
  const rawText = new Map<string, string[]>();
  beforeAll(() => {
    const files = readdirSync(RAW).map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(RAW, name))) }));
    docs = buildCorpus(files, sha256Hex).docs;
    for (const f of files) rawText.set(f.name, new TextDecoder().decode(f.bytes).split('\n'));
  }, 120_000);

  type Found = { doc: PolicyDocument; unit: Unit; ancestors: Unit[] };
  const byLevel = (level: UnitLevel, where: (f: Found) => boolean = () => true, max = 6): Found[] => {
    const out: Found[] = [];
    for (const doc of docs) {
      const walk = (list: Unit[], ancestors: Unit[]) => {
        for (const unit of list) {
          const f = { doc, unit, ancestors };
          if (unit.level === level && where(f)) out.push(f);
          walk(unit.children, [...ancestors, unit]);
        }
      };
      walk(doc.units, []);
    }
    // Spread over the corpus rather than the first document only.
    const step = Math.max(1, Math.floor(out.length / max));
    return out.filter((_, i) => i % step === 0).slice(0, max);
  };

  const squash = (s: string) => s.replace(/\s+/g, '');
  /** The source text of a document with the page each character is on. */
  const source = (doc: PolicyDocument) => {
    const s = doc.sources[0];
    const lines = rawText.get(s.file)!.slice(s.startLine - 1, s.endLine);
    let text = '';
    const pageAt: (number | null)[] = [];
    let page: number | null = null;
    // A page marker before the document's first line sets its first page.
    for (const l of rawText.get(s.file)!.slice(0, s.startLine - 1)) {
      const m = /^# Page (\d+):/.exec(l);
      if (m) page = Number(m[1]);
    }
    for (const l of lines) {
      const m = /^# Page (\d+):/.exec(l);
      if (m) {
        page = Number(m[1]);
        continue;
      }
      const t = squash(l);
      text += t;
      for (let i = 0; i < t.length; i++) pageAt.push(page);
    }
    return { text, pageAt };
  };

  const checkAgainstSource = (f: Found) => {
    const first = unitOwnLines(f.unit)[0];
    expect(first, f.unit.id).toBeTruthy();
    const probe = squash(first).slice(0, 14);
    const src = source(f.doc);
    // The same words may also stand in a table of contents or the notice that issues the text: take the occurrences.
    const pages: (number | null)[] = [];
    for (let at = src.text.indexOf(probe); at >= 0; at = src.text.indexOf(probe, at + 1)) pages.push(src.pageAt[at]);
    expect(pages.length, `${f.unit.id}: «${probe}» not in the source`).toBeGreaterThan(0);
    const line = citationLine(f.doc, f.unit, f.ancestors);
    // A unit inside an attachment with its own title is cited by that title.
    const issued = [...f.ancestors].reverse().find((a) => a.level === 'appendix' && a.heading);
    expect(line.startsWith(citedTitle(issued?.heading ?? f.doc.title))).toBe(true);
    if (pages.every((p) => p === null)) {
      expect(line).not.toMatch(/页）$/);
      return line;
    }
    const m = /（第(\d+)(?:–(\d+))?页）$/.exec(line);
    expect(m, `${f.unit.id}: no page in ${line}`).not.toBeNull();
    const [lo, hi] = [Number(m![1]), Number(m![2] ?? m![1])];
    // The unit's first words are printed on its first cited page.
    expect(pages, `${f.unit.id} cites ${lo}–${hi}`).toContain(lo);
    expect(hi).toBeGreaterThanOrEqual(lo);
    return line;
  };

  const withText = (f: Found) => f.unit.paragraphs.length > 0 || !!f.unit.heading;

  it('chapters: 第X章', () => {
    const found = byLevel('chapter', withText);
    expect(found.length).toBeGreaterThan(2);
    for (const f of found) expect(locator(f.unit, f.ancestors)).toMatch(/(^|· )第[一二三四五六七八九十]+章$/);
    found.forEach(checkAgainstSource);
  });

  it('articles: 第X条, without the chapter', () => {
    const found = byLevel('article', (f) => withText(f) && f.ancestors.some((a) => a.level === 'chapter'));
    expect(found.length).toBeGreaterThan(2);
    for (const f of found) expect(locator(f.unit, f.ancestors)).toBe([...f.ancestors.filter((a) => a.level === 'appendix').map((a) => `${a.label} · `), f.unit.label].join(''));
    found.forEach(checkAgainstSource);
  });

  it('款: 第X条第Y款, quoted without an invented 第Y款', () => {
    const found = byLevel('clause');
    expect(found.length).toBeGreaterThan(2);
    for (const f of found) {
      const art = f.ancestors.find((a) => a.level === 'article')!;
      expect(locator(f.unit, f.ancestors)).toMatch(new RegExp(`${art.label}${f.unit.label}$`));
      expect(unitOwnLines(f.unit)[0]).not.toMatch(/^第.+款/);
    }
    found.forEach(checkAgainstSource);
  });

  it('项: 第X条（Y）', () => {
    const found = byLevel('item');
    expect(found.length).toBeGreaterThan(2);
    for (const f of found) expect(locator(f.unit, f.ancestors)).toMatch(/第.+条(第.+款)?（.+）$/);
    found.forEach(checkAgainstSource);
  });

  it('outline levels 一、（一）1.（1）: every marker as itself, joined with ·', () => {
    for (const level of ['outline1', 'outline2', 'outline3', 'outline4'] as const) {
      const found = byLevel(level, withText);
      expect(found.length, level).toBeGreaterThan(1);
      for (const f of found) {
        const loc = locator(f.unit, f.ancestors);
        expect(loc.endsWith(f.unit.label), loc).toBe(true);
        expect(loc).not.toMatch(/[一二三四五六七八九十]（|）\d/);
      }
      found.forEach(checkAgainstSource);
    }
  });

  it('an appendix path reads 附件 · 二、·（十三）· 26. and quotes the source marker 26、', () => {
    const found = byLevel('outline3', (f) => f.ancestors[0]?.level === 'appendix' && f.ancestors.length === 3 && !!f.unit.printedLabel?.endsWith('、'), 1000);
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      const [att, o1, o2] = f.ancestors;
      expect(locator(f.unit, f.ancestors)).toBe(`${att.label} · ${o1.label}·${o2.label}· ${f.unit.label}`);
      expect(unitOwnLines(f.unit)[0].startsWith(f.unit.printedLabel!)).toBe(true);
    }
    const target = found.find((f) => f.ancestors[1].label === '二、' && f.ancestors[2].label === '（十三）' && f.unit.label === '26.');
    if (target) expect(locator(target.unit, target.ancestors)).toBe('附件 · 二、·（十三）· 26.');
    found.slice(0, 8).forEach(checkAgainstSource);
  });

  it('units with page numbers cite the page the text is on', () => {
    const found = docs
      .filter((d) => d.sources[0].firstPage !== null)
      .flatMap((d) => d.units.flatMap((u) => u.children.slice(0, 2).map((c) => ({ doc: d, unit: c, ancestors: [u] }))))
      .filter(withText)
      .filter((_, i) => i % 7 === 0)
      .slice(0, 12);
    expect(found.length).toBeGreaterThan(5);
    for (const f of found) expect(checkAgainstSource(f)).toMatch(/（第\d+(–\d+)?页）$/);
  });

  it('cites an article of an issued regulation by its own title, with the notice\'s 文号 as where it was issued', () => {
    const notice = docs.find((d) => d.title === '上海市住房和城乡建设管理委员会关于印发《上海市建筑工程施工许可管理规定》的通知')!;
    expect(notice).toBeTruthy();
    const art = findUnit(notice.units, `${notice.id}~att1.ar11`)!;
    const k2 = findUnit(notice.units, `${notice.id}~att1.ar11.k2`)!;
    expect(citationLine(notice, k2.unit, k2.ancestors)).toBe('《上海市建筑工程施工许可管理规定》第十一条第二款（沪住建规范〔2023〕2号印发）（第350页）');
    expect(citationLine(notice, art.unit, art.ancestors)).toBe('《上海市建筑工程施工许可管理规定》第十一条（沪住建规范〔2023〕2号印发）（第349–350页）');
    // The attachment itself, and the notice's own preamble, which is not inside it.
    const att = findUnit(notice.units, `${notice.id}~att1`)!;
    expect(citationLine(notice, { ...att.unit, pages: [] }, att.ancestors)).toBe('《上海市建筑工程施工许可管理规定》（沪住建规范〔2023〕2号印发）');
    expect(citationLine(notice, { ...notice.units[0], pages: [] }, [])).toBe('《上海市住房和城乡建设管理委员会关于印发〈上海市建筑工程施工许可管理规定〉的通知》（沪住建规范〔2023〕2号）');
  });

  it('quotes an article split into 款 as printed: its first 款 on the line of its number, no 第一款', () => {
    const notice = docs.find((d) => d.title.includes('上海市建筑工程施工许可管理规定'))!;
    const art = findUnit(notice.units, `${notice.id}~att1.ar11`)!;
    const lines = unitText(art.unit).split('\n');
    expect(lines[0].startsWith('第十一条【监督检查】市、区建设行政管理部门和特定地区管委会应当加强施工许可的事中事后监管。')).toBe(true);
    expect(lines[1].startsWith('发现未取得施工许可证，为规避办理施工许可证将工程项目分解后擅自施工')).toBe(true);
    expect(unitText(art.unit)).not.toMatch(/第[一二三]款/);
    // The first 款 copied alone is still printed on its article's line; the second is not.
    const k1 = findUnit(notice.units, `${notice.id}~att1.ar11.k1`)!;
    const k2 = findUnit(notice.units, `${notice.id}~att1.ar11.k2`)!;
    expect(citationText(notice, k1.unit, k1.ancestors).split('\n')[1]).toMatch(/^第十一条【监督检查】市、区/);
    expect(citationText(notice, k2.unit, k2.ancestors).split('\n')[1]).toMatch(/^发现未取得施工许可证/);
    // An article with items under its first 款: the items follow on their own lines.
    const ar4 = findUnit(notice.units, `${notice.id}~att1.ar4`)!;
    expect(unitText(ar4.unit).split('\n').slice(0, 2)).toEqual([
      '第四条【申请条件】建设单位申请领取建筑工程施工许可证，应当具备下列条件，并提交相应的证明文件：',
      '（一）依法应当办理用地批准手续的，已经取得建设用地批准文件；',
    ]);
  });

  it('titles with their own 《》 nest them as 〈〉', () => {
    const nested = docs.filter((d) => d.title.includes('《'));
    expect(nested.length).toBeGreaterThan(0);
    for (const d of nested) {
      const t = citationLine(d, null);
      expect(t.startsWith('《')).toBe(true);
      expect(t.slice(1).split('》')[0]).not.toMatch(/[《》]/);
      expect((t.match(/〈/g) ?? []).length).toBe((d.title.match(/《/g) ?? []).length);
    }
  });
});

describe('citation: how an official cites a unit', () => {
  const u = (level: UnitLevel, label: string, heading: string | null = null): Unit => ({ id: `d~${label}`, path: label, level, label, heading, paragraphs: [{ text: '正文。', pages: [2] }], pages: [2], children: [] });
  it('runs the statute levels together: 第一编第一分编第二章第三节', () => {
    expect(locator(u('section', '第三节'), [u('part', '第一编'), u('subpart', '第一分编'), u('chapter', '第二章')])).toBe('第一编第一分编第二章第三节');
  });
  it('leaves out units that print no marker (a preamble, an unnumbered paragraph)', () => {
    expect(locator(u('para', ''), [u('outline1', '一、')])).toBe('一、');
    expect(locator(u('outline2', '（二）'), [u('preamble', ' '), u('outline1', '一、')])).toBe('一、·（二）');
  });
  it('cites a title and markers without the stray spaces around them', () => {
    expect(citedTitle(' 关于印发《办法》的通知 ')).toBe('《关于印发〈办法〉的通知》');
    expect(locator(u('article', ' 第三条 '), [])).toBe('第三条');
  });
  it('cites a unit of an attachment without a title of its own by the covering document', () => {
    const doc = { title: '关于印发实施方案的通知', docNumber: '沪示〔2024〕1号' };
    expect(citationLine(doc, u('outline1', '一、'), [u('appendix', '附件', '  ')])).toBe('《关于印发实施方案的通知》（沪示〔2024〕1号）附件 · 一、（第2页）');
    expect(citationLine(doc, u('article', '第三条'), [u('appendix', '附件', '示例管理规定')])).toBe('《示例管理规定》第三条（沪示〔2024〕1号印发）（第2页）');
  });
  it('cites a unit given without its ancestors as the document and the unit', () => {
    expect(citationLine({ title: 'T', docNumber: null }, u('chapter', '第一章'))).toBe('《T》第一章（第2页）');
  });
});
