/**
 * Promulgation orders (令): their headings, and what is read from one. The lines are the orders' as printed (the
 * State Council's of test-data/database-exports/raw/gov-33 and gov-58, in their three forms); the other headings are
 * the forms the genre takes (a ministry's, a province's, the President's, a joint order).
 */
import { describe, expect, it } from 'vitest';
import { isOrderHeading, isOrderNumber, promulgates, readOrder } from './orders.js';
import type { RawParagraph } from './paragraphs.js';

const para = (text: string, no = 1): RawParagraph => ({ text, pages: [1], firstLine: no, lastLine: no, boxStart: false });
const paras = (...texts: string[]) => texts.map((t, i) => para(t, i + 2));

describe('isOrderHeading', () => {
  it('is a body’s order, its number on its line or not', () => {
    for (const t of [
      '中华人民共和国国务院令',
      '中华人民共和国国务院令第707号',
      '中华人民共和国国务院令（第292号）',
      '中华人民共和国商务部令',
      '中华人民共和国商务部令 2019年第1号',
      '北京市人民政府令',
      '中国人民银行令〔2022〕第1号',
      '国家税务总局令',
      '中华人民共和国主席令',
      '中华人民共和国国务院、中华人民共和国中央军事委员会令',
    ])
      expect([t, isOrderHeading(t)]).toEqual([t, true]);
  });

  it('is no title that ends in 令, and no sentence', () => {
    for (const t of ['国务院关于发布《中华人民共和国国库券条例》的命令', '中央军委命令', '限塑令', '总理 李克强', '第707号', '中华人民共和国国务院令第707号公布', '现公布修订后的《中华人民共和国个人所得税法实施条例》']) expect([t, isOrderHeading(t)]).toEqual([t, false]);
  });
});

describe('isOrderNumber', () => {
  it('is a number alone on its line, as an order prints it under its heading', () => {
    for (const t of ['第707号', ' 第 7 号 ', '2019年第1号', '（第292号）', '〔2022〕第1号', '第八十四号']) expect([t, isOrderNumber(t)]).toEqual([t, true]);
    for (const t of ['第707号《专利代理条例》', '国令第707号', '第七条', '第3号修改单', '第707']) expect([t, isOrderNumber(t)]).toEqual([t, false]);
  });
});

describe('promulgates', () => {
  it('names a text in 《》 and what is done to it, in a few paragraphs', () => {
    expect(promulgates(paras('第707号', '现公布修订后的《中华人民共和国个人所得税法实施条例》，自2019年1月1日起施行。', '总理 李克强', '2018年12月18日'))).toBe(true);
    // The copy that ran the number, the sentence and the signer into one paragraph.
    expect(promulgates(paras('第706号《专利代理条例》已经2018年9月6日国务院第23次常务会议修订通过，现将修订后的《专利代理条例》公布，自2019年3月1日起施行。总理 李克强', '2018年11月6日'))).toBe(true);
  });

  it('is not a text that names none, nor a long one', () => {
    expect(promulgates(paras('第707号', '总理 李克强', '2018年12月18日'))).toBe(false);
    // The copy that set the number, the sentence and the signer on one line.
    expect(promulgates(paras('第707号现公布修订后的《中华人民共和国个人所得税法实施条例》，自2019年1月1日起施行。总理 李克强'))).toBe(true);
    expect(promulgates(paras('各省、自治区、直辖市人民政府：', '《条例》的有关问题答复如下。'))).toBe(false);
    expect(promulgates([])).toBe(false);
    const long = paras('第1号', '《某办法》已经通过，现予公布，自公布之日起施行。', '一、', '二、', '三、', '四、', '五、');
    expect(promulgates(long)).toBe(false);
    expect(promulgates(long.slice(0, 6))).toBe(true);
  });
});

describe('readOrder', () => {
  it('numbers the text by the heading and the number under it, dates it by its signature, and keeps its words', () => {
    const o = readOrder('中华人民共和国国务院令', paras('第707号', '现公布修订后的《中华人民共和国个人所得税法实施条例》，自2019年1月1日起施行。', '总理 李克强', '2018年12月18日'));
    expect(o.docNumber).toBe('中华人民共和国国务院令第707号');
    expect(o.date).toBe('2018-12-18');
    expect(o.issuers).toEqual(['国务院']);
    expect(o.paras.map((p) => p.text)).toEqual(['现公布修订后的《中华人民共和国个人所得税法实施条例》，自2019年1月1日起施行。', '总理 李克强', '2018年12月18日']);
  });

  it('takes the number off the sentence pdftotext ran on after it, and off the heading’s line', () => {
    const joined = readOrder('中华人民共和国国务院令', paras('第706号《专利代理条例》已经2018年9月6日国务院第23次常务会议修订通过，现将修订后的《专利代理条例》公布，自2019年3月1日起施行。', '总理 李克强', '2018年11月6日'));
    expect(joined.docNumber).toBe('中华人民共和国国务院令第706号');
    expect(joined.paras[0].text.startsWith('《专利代理条例》已经')).toBe(true);
    const onHeading = readOrder('中华人民共和国国务院令第706号', paras('《专利代理条例》已经修订通过，现予公布。', '总理 李克强', '2018年11月6日'));
    expect([onHeading.docNumber, onHeading.paras.length]).toEqual(['中华人民共和国国务院令第706号', 3]);
    expect(readOrder('中华人民共和国国务院令（第292号）', paras('《互联网信息服务管理办法》现予发布。')).docNumber).toBe('中华人民共和国国务院令第292号');
    expect(readOrder('中华人民共和国商务部令', paras('2019年第 1 号', '《某办法》已经通过，现予公布。')).docNumber).toBe('中华人民共和国商务部令2019年第1号');
  });

  it('names the bodies that made it: one, several, none for the President’s (the congress adopted the law)', () => {
    expect(readOrder('北京市人民政府令', paras('第12号', '《某规定》已经通过，现予公布。')).issuers).toEqual(['北京市人民政府']);
    expect(readOrder('中华人民共和国国务院、中华人民共和国中央军事委员会令', paras('第418号', '《某条例》现予公布。')).issuers).toEqual(['国务院', '中央军事委员会']);
    expect(readOrder('中华人民共和国主席令', paras('第八十四号', '《中华人民共和国律师法》已由全国人民代表大会常务委员会通过，现予公布。')).issuers).toEqual([]);
  });

  it('has no number or date it does not print', () => {
    const o = readOrder('中华人民共和国国务院令', paras('《某条例》现予公布。', '总理 某某'));
    expect([o.docNumber, o.date, o.paras.length]).toEqual([null, null, 2]);
    expect(readOrder('中华人民共和国国务院令', [])).toEqual({ docNumber: null, date: null, issuers: ['国务院'], paras: [] });
  });

  it('dates it by its date line, whatever follows it', () => {
    expect(readOrder('北京市人民政府令', paras('第12号', '《某规定》已经通过，现予公布。', '市长 某某', '2019年1月2日', '（此件公开发布）')).date).toBe('2019-01-02');
  });

  it('reads one number where the heading and the line under it both print it', () => {
    const o = readOrder('中华人民共和国国务院令第707号', paras('第707号', '现公布《某条例》。'));
    expect([o.docNumber, o.paras.map((p) => p.text)]).toEqual(['中华人民共和国国务院令第707号', ['现公布《某条例》。']]);
  });

  it('reads nothing of a heading it does not know but its text and date', () => {
    const o = readOrder('某某通知', paras('第3号', '2019年1月2日'));
    expect(o).toEqual({ docNumber: null, date: '2019-01-02', issuers: [], paras: paras('第3号', '2019年1月2日') });
  });
});
