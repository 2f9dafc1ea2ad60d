import { describe, expect, it } from 'vitest';
import { nextSentence, sentenceSpans } from './sentences';

// 上海市建筑工程施工许可管理规定 第十一条第一款 and 第四条 (real text, resources/corpus/raw/003_…).
const K1 = '【监督检查】市、区建设行政管理部门和特定地区管委会应当加强施工许可的事中事后监管。重点监督检查的内容包括但不限于：是否取得施工许可证、是否具备施工条件。';
const slice = (body: string, spans: [number, number][]) => spans.map(([s, e]) => body.slice(s, e));

describe('sentences of a clause', () => {
  it('ends a sentence at 。 and keeps a closing bracket or quote with it', () => {
    expect(slice(K1, sentenceSpans(K1))).toEqual(['【监督检查】市、区建设行政管理部门和特定地区管委会应当加强施工许可的事中事后监管。', '重点监督检查的内容包括但不限于：是否取得施工许可证、是否具备施工条件。']);
    const quoted = '实行“一网通办。”其他事项另行规定；';
    expect(slice(quoted, sentenceSpans(quoted))).toEqual(['实行“一网通办。”', '其他事项另行规定；']);
  });

  it('ends at ； and at a paragraph break, and keeps text without a stop', () => {
    const body = '（一）依法应当办理用地批准手续的；（二）已经取得建设工程规划许可证\n既有建筑装饰装修工程按照本市办法执行';
    expect(slice(body, sentenceSpans(body))).toEqual(['（一）依法应当办理用地批准手续的；', '（二）已经取得建设工程规划许可证', '既有建筑装饰装修工程按照本市办法执行']);
    expect(sentenceSpans('')).toEqual([]);
  });

  it('steps to the next sentence after a selection, and stops after the last', () => {
    const [a, b] = sentenceSpans(K1);
    expect(nextSentence(K1, null)).toEqual(a);
    expect(nextSentence(K1, a[1])).toEqual(b);
    expect(nextSentence(K1, b[1])).toBeNull();
  });
});
