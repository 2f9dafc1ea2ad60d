import { describe, expect, it } from 'vitest';
import { isAddresseeLine, isRecipientList, leadingAddressees } from './addressees.js';

// Lines of real documents (gov.cn's 批复, 复函 and 答复, a 国务院办公厅 notice, Shanghai and Shandong notices).
describe('addressees', () => {
  it('a list of bodies, of places, or of members with their title', () => {
    for (const t of [
      '湖北省人民政府',
      '武警总部',
      '国家经贸委、冶金部',
      '黑龙江省人民政府，教育部、外交部、财政部、体育总局',
      '广东省人民政府、香港特别行政区政府',
      '科技部、新疆维吾尔自治区人民政府、新疆生产建设兵团',
      '机关各处、稽查局、各直属单位',
      '济南、青岛、烟台市人民政府，省政府各部门、各直属机构，中央驻鲁单位',
      // The names of a run share its last one's ending.
      '北京市、天津市、河北省、甘肃省人民政府，沈阳、北京、兰州、济南、南京、广州军区',
      '石英代表',
      '周桂英等代表',
      '马万祺副主席',
      '邓乃扬、韩汝琦委员',
      // Two characters (a city's party committee); a body ORG_SUFFIX knows (a customs district).
      '市委',
      '上海海关',
    ])
      expect(isRecipientList(t), t).toBe(true);
  });

  it('not a sentence, a label or a heading that ends in a colon', () => {
    for (const t of ['现将有关事项通知如下', '经研究，现批复如下', '国务院决定', '问', '主要任务', '联系人', '附件', '特此通知。各单位', '根据《条例》规定', '张三、李四', '']) expect(isRecipientList(t), t).toBe(false);
    // A run with a sentence in it, a name amid bodies that is no name, a part of one character.
    for (const t of ['湖北省人民政府，现批复如下', '教育部、经研究现批复如下、财政部', '国务院决定如下、教育部', '部、教育部', '石英代表提出的建议', '市场监管']) expect(isRecipientList(t), t).toBe(false);
  });

  it('a list up to 200 characters, a body’s name up to 40', () => {
    expect(isRecipientList('北京市、'.repeat(49) + '北京市区')).toBe(true);
    expect(isRecipientList('北京市、'.repeat(49) + '北京市城区')).toBe(false);
    expect(isRecipientList('甲'.repeat(38) + '政府')).toBe(true);
    expect(isRecipientList('甲'.repeat(39) + '政府')).toBe(false);
  });

  it('a paragraph that is addressees alone, ending in its colon', () => {
    expect(isAddresseeLine('武警总部：')).toBe(true);
    expect(isAddresseeLine('邓明义代表:')).toBe(true);
    expect(isAddresseeLine('武警总部')).toBe(false);
    expect(isAddresseeLine('现批复如下：')).toBe(false);
    expect(isAddresseeLine('湖北省人民政府：你省')).toBe(false);
  });

  it('addressees run into the first sentence are split at their colon', () => {
    expect(leadingAddressees('湖北省人民政府：你省《关于恳请解决巴东县官渡口镇马鬃山村地质险情有关问题的请示》（鄂政文〔2004〕15号）收悉。')).toEqual({
      addressees: '湖北省人民政府：',
      rest: '你省《关于恳请解决巴东县官渡口镇马鬃山村地质险情有关问题的请示》（鄂政文〔2004〕15号）收悉。',
    });
    expect(leadingAddressees('邓乃扬、韩汝琦委员：你们提出的关于完善与发展政府网站推进政府公共服务水平的提案，经商信息产业部、国务院信息办，现答复如下：')?.addressees).toBe('邓乃扬、韩汝琦委员：');
    // A first sentence that opens with its own colon, a colon with nothing after it, and a line that opens with none.
    expect(leadingAddressees('经研究，现批复如下：一、同意。')).toBeNull();
    expect(leadingAddressees('武警总部：')).toBeNull();
    expect(leadingAddressees('：你省的请示收悉。')).toBeNull();
    // A signature has no colon: nothing to take.
    expect(leadingAddressees('国务院办公厅')).toBeNull();
    expect(leadingAddressees('武警总部： 关于迁址新建的请示收悉。')).toEqual({ addressees: '武警总部：', rest: '关于迁址新建的请示收悉。' });
    expect(leadingAddressees('为深入贯彻落实党中央决策部署，现就有关事项通知如下：')).toBeNull();
  });
});
