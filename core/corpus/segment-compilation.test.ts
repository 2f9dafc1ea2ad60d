/**
 * Splitting a compilation (numbered titles under region headings, a front matter before them) into documents, on
 * text in the shape segmentFile takes it, one paragraph per line. Expected documents are read off the text.
 */
import { describe, expect, it } from 'vitest';
import { isCompilationTitle } from './segment.js';
import type { Removed } from './furniture.js';
import { segment } from '../../test-support/segment-lines.js';

describe('isCompilationTitle', () => {
  it('takes a numbered title ending with its date in parentheses, not a numbered sentence or a bare name', () => {
    expect(isCompilationTitle('1. 上海海关等11部门关于印发《上海口岸2023年深化跨境贸易营商环境改革若干措施》的通知（2023年6月13日）')).toBe(true);
    expect(isCompilationTitle('12．青岛市人民政府关于印发青岛市优化营商环境若干措施的通知(2023 年 5 月 6 日)')).toBe(true);
    expect(isCompilationTitle('3. 各区完成清理工作。全面落实（2023年12月31日）')).toBe(false);
    expect(isCompilationTitle('3. 各区完成清理；落实到位的通知（2023年12月31日）')).toBe(false);
    expect(isCompilationTitle('3. 工作要点（2023年12月31日）')).toBe(false);
    expect(isCompilationTitle('3. 青岛市工作要点（2023年12月31日）')).toBe(true);
    expect(isCompilationTitle('3. 青岛工作要点（2023年12月31日）')).toBe(true);
    expect(isCompilationTitle('青岛市人民政府关于印发青岛市优化营商环境若干措施的通知（2023年5月6日）')).toBe(false);
  });
});

describe('a compilation', () => {
  const lines = [
    '（一）山东省',
    '1. 山东省人民政府办公厅关于印发山东省优化营商环境行动方案的通知（2023年3月1日）',
    '各市人民政府：',
    '现将方案印发给你们，请认真贯彻执行。',
    '2. 青岛市人民政府关于进一步优化政务服务的意见（2023年4月2日）',
    '为进一步优化政务服务，提出如下意见。',
    '6. 各区完成政务服务事项清理工作（2023年12月31日）',
    '（二）安徽省',
    '2. 安徽省人民政府关于印发安徽省优化营商环境实施方案的通知（2023年5月6日）',
    '各市人民政府：',
    '5. 合肥市人民政府关于支持民营经济发展的若干措施（2023年6月8日）',
    '为支持民营经济发展，制定本措施。',
    '1. 芜湖市人民政府关于印发芜湖市优化营商环境工作要点的通知（2023年7月9日）',
    '各县区人民政府：',
  ];

  it('starts a document at each title that continues the numbering (or a gap of two, or 1 again), under its region heading', () => {
    const { docs, notes } = segment(lines);
    expect(notes).toEqual([]);
    expect(docs.map((d) => [d.title!.text.replace(/（.*$/, ''), d.headingProvince, d.paras.map((p) => p.text)])).toEqual([
      ['1. 山东省人民政府办公厅关于印发山东省优化营商环境行动方案的通知', '山东省', ['各市人民政府：', '现将方案印发给你们，请认真贯彻执行。']],
      // 6. jumps past 2 + 3: a numbered line of the body, not a title.
      ['2. 青岛市人民政府关于进一步优化政务服务的意见', '山东省', ['为进一步优化政务服务，提出如下意见。', '6. 各区完成政务服务事项清理工作（2023年12月31日）']],
      // A region heading starts the numbering again (this section's 1. was lost).
      ['2. 安徽省人民政府关于印发安徽省优化营商环境实施方案的通知', '安徽省', ['各市人民政府：']],
      // 5. after 2.: two titles lost by extraction.
      ['5. 合肥市人民政府关于支持民营经济发展的若干措施', '安徽省', ['为支持民营经济发展，制定本措施。']],
      // 1. again without a heading: a new section of the compilation.
      ['1. 芜湖市人民政府关于印发芜湖市优化营商环境工作要点的通知', '安徽省', ['各县区人民政府：']],
    ]);
  });

  it('drops the province at a big-region heading (三、华东): what follows it lies in no province until one is named', () => {
    const { docs } = segment([
      '一、华北',
      '（一）北京市',
      '1. 北京市人民政府关于印发北京市优化营商环境条例实施方案的通知（2023年3月1日）',
      '各区人民政府：',
      '二、全国',
      '1. 国务院办公厅关于进一步优化营商环境降低市场主体制度性交易成本的意见（2023年4月2日）',
      '各省、自治区、直辖市人民政府：',
      '三、华东',
      '（一）上海市',
      '1. 上海市人民政府关于印发上海市优化营商环境若干措施的通知（2023年5月6日）',
      '各区人民政府：',
    ]);
    expect(docs.map((d) => [d.title!.text.replace(/（\d.*$/, ''), d.headingProvince])).toEqual([
      ['1. 北京市人民政府关于印发北京市优化营商环境条例实施方案的通知', '北京市'],
      ['1. 国务院办公厅关于进一步优化营商环境降低市场主体制度性交易成本的意见', null],
      ['1. 上海市人民政府关于印发上海市优化营商环境若干措施的通知', '上海市'],
    ]);
  });

  it('keeps a titled entry whose pages were images, and gives each document the furniture within its lines', () => {
    const removed: Removed[] = [
      { kind: 'running-header', lines: [{ no: 2, text: '营商环境政策汇编', page: null }], text: '营商环境政策汇编' },
      { kind: 'running-header', lines: [{ no: 7, text: '营商环境政策汇编', page: null }], text: '营商环境政策汇编' },
      { kind: 'page-number', lines: [{ no: 8, text: '- 3 -', page: null }], text: '- 3 -' },
    ];
    const { docs } = segment(['1. 山东省人民政府关于印发山东省优化营商环境行动方案的通知（2023年3月1日）', '', '2. 济南市人民政府关于印发济南市优化营商环境规划的通知（2023年4月2日）', '各区县人民政府：', '', '', '', '', '3. 青岛市人民政府关于进一步优化政务服务的意见（2023年5月3日）', '为进一步优化政务服务，提出如下意见。'], removed);
    // A document's furniture is what lies from its first line to three lines past its last.
    expect(docs.map((d) => [d.paras.length, d.furniture.map((r) => r.lines[0].no)])).toEqual([
      [0, [2]],
      [1, [7]],
      [1, []],
    ]);
  });
});

describe('segmentFile: a compilation’s front and body items (survivors of the first mutation run)', () => {
  it('leaves out the preface before the first title, and keeps a numbered body item with a full stop in the body', () => {
    const { docs } = segment([
      '本汇编收录2023年各地优化营商环境政策文件。',
      '1. 山东省人民政府办公厅关于印发山东省优化营商环境行动方案的通知（2023年3月1日）',
      '各市人民政府：',
      '2. 青岛市人民政府关于进一步优化政务服务的意见（2023年4月2日）',
      '3. 各区完成政务服务事项清理工作。全面落实（2023年12月31日）',
      '4. 济南市人民政府关于印发济南市优化营商环境工作要点的通知（2023年5月3日）',
    ]);
    expect(docs.map((d) => [d.title!.text.slice(0, 2), d.paras.map((p) => p.text)])).toEqual([
      ['1.', ['各市人民政府：']],
      ['2.', ['3. 各区完成政务服务事项清理工作。全面落实（2023年12月31日）']],
      ['4.', []],
    ]);
  });
});
