import { describe, expect, it } from 'vitest';
import { CancellationTokenSource, isCancelled } from '../util/cancellation.js';
import { alignUnits } from './align.js';
import { diffUnits, MAX_EDIT_LENGTH, reconstructA, reconstructB } from './diff.js';
import type { CompareUnit } from './units.js';

/** Units from [label, text] pairs, displayed as the reader does: label, space, text. */
const units = (doc: string, list: [string, string][]): CompareUnit[] =>
  list.map(([label, body], index) => {
    const prefix = label ? `${label} ` : '';
    return { id: `${doc}~u${index}`, label, number: label, text: prefix + body, labelLength: prefix.length, index, pseudo: false };
  });

const C = {
  purpose: '为了优化营商环境，激发市场主体活力，根据有关法律法规，结合本市实际，制定本条例。',
  scope: '本条例适用于本市行政区域内的优化营商环境工作，法律法规另有规定的从其规定。',
  duty: '市人民政府应当加强对优化营商环境工作的组织领导，建立健全统筹推进机制。',
  online: '政务服务事项应当全部纳入一体化在线政务服务平台办理，实现一网通办。',
  credit: '建立健全以信用为基础的新型监管机制，依法开展失信惩戒和信用修复。',
  extra: '鼓励金融机构加大对民营企业和小微企业的信贷支持力度，降低融资成本。',
  effect: '本条例自二〇二三年三月一日起施行。',
};

function check(al: ReturnType<typeof alignUnits>, a: CompareUnit[], b: CompareUnit[]) {
  const text = (list: CompareUnit[], ids: string[]) => ids.map((id) => list.find((u) => u.id === id)!.text).join('\n');
  for (const r of al.rows) {
    expect(reconstructA(r.ops)).toBe(text(a, r.a));
    expect(reconstructB(r.ops)).toBe(text(b, r.b));
  }
  // Every unit appears exactly once.
  expect(al.rows.flatMap((r) => r.a).sort()).toEqual(a.map((u) => u.id).sort());
  expect(al.rows.flatMap((r) => r.b).sort()).toEqual(b.map((u) => u.id).sort());
}

describe('alignment by content', () => {
  it('renumbered articles: an inserted article shifts the numbers, the rest still align', () => {
    const a = units('A', [['第一条', C.purpose], ['第二条', C.scope], ['第三条', C.duty], ['第四条', C.effect]]);
    const b = units('B', [['第一条', C.purpose], ['第二条', C.scope], ['第三条', C.extra], ['第四条', C.duty], ['第五条', C.effect]]);
    const al = alignUnits('A', 'B', a, b);
    check(al, a, b);
    const duty = al.rows.find((r) => r.a[0] === 'A~u2')!;
    expect(duty.b).toEqual(['B~u3']);
    expect(duty.renumbered).toEqual({ a: '第三条', b: '第四条' });
    expect(duty.status).toBe('changed'); // the number itself differs…
    expect(duty.ops.filter((o) => o[0] !== '=').map((o) => o[1]).join('')).toBe('三四');
    const ignoring = alignUnits('A', 'B', a, b, { ignoreWidth: true, ignoreWhitespace: true, ignoreNumbering: true });
    check(ignoring, a, b);
    expect(ignoring.rows.find((r) => r.a[0] === 'A~u2')!.status).toBe('same'); // …and nothing else does
    expect(ignoring.summary).toMatchObject({ same: 4, changed: 0, moved: 0, onlyA: 0, onlyB: 1 });
    // The inserted article sits between its neighbours, against a gap.
    const order = al.rows.map((r) => r.status === 'only-b' ? `+${r.b[0]}` : r.a[0]);
    expect(order).toEqual(['A~u0', 'A~u1', '+B~u2', 'A~u2', 'A~u3']);
  });

  it('a moved clause is matched and marked moved, not deleted and inserted', () => {
    const a = units('A', [['一、', C.purpose], ['二、', C.online], ['三、', C.credit], ['四、', C.duty], ['五、', C.effect]]);
    const b = units('B', [['一、', C.purpose], ['二、', C.credit], ['三、', C.duty], ['四、', C.online], ['五、', C.effect]]);
    const al = alignUnits('A', 'B', a, b, { ignoreWidth: true, ignoreWhitespace: true, ignoreNumbering: true });
    check(al, a, b);
    expect(al.summary.moved).toBe(1);
    const moved = al.rows.find((r) => r.status === 'moved')!;
    expect(moved.a).toEqual(['A~u1']);
    expect(moved.b).toEqual(['B~u3']);
    expect(al.summary).toMatchObject({ onlyA: 0, onlyB: 0, same: 4 });
  });

  it('an inserted and a deleted clause are only-b and only-a, with changed text marked inside a clause', () => {
    const a = units('A', [['（一）', C.purpose], ['（二）', C.credit], ['（三）', C.effect]]);
    const b = units('B', [['（一）', C.purpose.replace('激发', '充分激发')], ['（二）', C.extra], ['（三）', C.effect]]);
    const al = alignUnits('A', 'B', a, b);
    check(al, a, b);
    expect(al.rows.map((r) => r.status)).toEqual(['changed', 'only-a', 'only-b', 'same']);
    expect(al.rows[0].ops.filter((o) => o[0] === '+')).toEqual([['+', '充分']]);
    expect(al.rows[0].ops.some((o) => o[0] === '-')).toBe(false);
  });

  it('a clause split into two is aligned with both parts', () => {
    const whole = C.online + C.credit;
    const a = units('A', [['第一条', C.purpose], ['第二条', whole], ['第三条', C.effect]]);
    const b = units('B', [['第一条', C.purpose], ['第二条', C.online], ['第三条', C.credit], ['第四条', C.effect]]);
    const al = alignUnits('A', 'B', a, b);
    check(al, a, b);
    const split = al.rows.find((r) => r.split)!;
    expect(split).toMatchObject({ a: ['A~u1'], b: ['B~u1', 'B~u2'], split: 'a-split' });
    expect(al.summary.onlyB).toBe(0);
    // and merged, the other way round
    const back = alignUnits('B', 'A', b, a);
    check(back, b, a);
    expect(back.rows.find((r) => r.split)).toMatchObject({ a: ['B~u1', 'B~u2'], b: ['A~u1'], split: 'b-split' });
  });
});

describe('rewritten clauses and bounds', () => {
  // Two districts' covering notices (嘉定, 黄浦, in resources/corpus/raw/003_…): the same sentence reordered.
  const jd = '经区政府同意，现将《嘉定区加强集成创新持续优化营商环境行动方案》予以印发，请认真按照执行。';
  const hp = '《黄浦区加强集成创新持续优化营商环境2023年工作方案》已经区政府同意，现印发给你们，请认真按照执行。特此通知。';

  it('a clause that shares little wording is 改写: both texts whole, no character marks', () => {
    const a = units('A', [['', jd]]);
    const b = units('B', [['', hp]]);
    const al = alignUnits('A', 'B', a, b);
    check(al, a, b);
    expect(al.rows).toHaveLength(1);
    expect(al.rows[0]).toMatchObject({ status: 'changed', rewritten: true, ops: [['-', jd], ['+', hp]] });
  });

  it('an edited clause keeps its character diff, and so does a short line', () => {
    const a = units('A', [['（一）', C.purpose], ['七、', '围绕全过程人民民主深化政民互动和公众参与']]);
    const b = units('B', [['（一）', C.purpose.replace('激发', '充分激发')], ['三、', '继续深化警民互动和公众参与']]);
    const al = alignUnits('A', 'B', a, b);
    check(al, a, b);
    expect(al.rows.map((r) => r.rewritten)).toEqual([undefined, undefined]);
    expect(al.rows[0].ops).toContainEqual(['+', '充分']);
    expect(al.rows[1].ops).toContainEqual(['-', '政']);
  });

  it('the character diff is bounded: past MAX_EDIT_LENGTH edits the texts are shown whole', () => {
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const chars = '市人民政府应当加强营商环境建设推进服务监管信用';
    const text = (n: number) => Array.from({ length: n }, () => chars[Math.floor(rnd() * chars.length)]).join('');
    const A = text(MAX_EDIT_LENGTH * 2);
    const B = text(MAX_EDIT_LENGTH * 2);
    const d = diffUnits({ text: A, labelLength: 0 }, { text: B, labelLength: 0 });
    expect(d.exceeded).toBe(true);
    expect(d.ops).toEqual([['-', A], ['+', B]]);
    expect(diffUnits({ text: C.purpose, labelLength: 0 }, { text: C.scope, labelLength: 0 }).exceeded).toBeUndefined();
  });

  it('reports progress up to every unit, and stops when cancelled', () => {
    const a = units('A', [['第一条', C.purpose], ['第二条', C.scope], ['第三条', C.duty], ['第四条', C.effect]]);
    const b = units('B', [['第一条', C.purpose], ['第二条', C.scope], ['第三条', C.extra], ['第四条', C.duty], ['第五条', C.effect]]);
    const seen: number[] = [];
    alignUnits('A', 'B', a, b, undefined, { onProgress: (done, total) => seen.push(done / total) });
    expect(seen.at(-1)).toBe(1);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
    const source = new CancellationTokenSource();
    let calls = 0;
    let error: unknown = null;
    try {
      alignUnits('A', 'B', a, b, undefined, {
        token: source.token,
        onProgress: () => {
          calls++;
          source.cancel();
        },
      });
    } catch (e) {
      error = e;
    }
    expect(isCancelled(error)).toBe(true);
    expect(calls).toBe(1);
  });
});

describe('which units are matched, and how rows read', () => {
  const plain = (doc: string, texts: string[]) => units(doc, texts.map((t) => ['', t] as [string, string]));
  const ids = (al: ReturnType<typeof alignUnits>) => al.rows.map((r) => `${r.status}:${r.a.join('+')}|${r.b.join('+')}`);

  it('two lines sharing two of their 3-character runs out of ten (Dice 0.4) are one clause; sharing one is not', () => {
    // 人才培养工作: 人才培 才培养 培养工 养工作; 加强人才培养力度: six runs, of which 人才培 and 才培养 are shared.
    const a = plain('A', ['人才培养工作']);
    const al = alignUnits('A', 'B', a, plain('B', ['加强人才培养力度']));
    expect(ids(al)).toEqual(['changed:A~u0|B~u0']);
    // 人才培育机制 shares only 人才培 with it: 2 · 1 / (4 + 4).
    expect(ids(alignUnits('A', 'B', a, plain('B', ['人才培育机制'])))).toEqual(['only-a:A~u0|', 'only-b:|B~u0']);
  });

  it('a line printed twice in A is matched where it stands in B, and the other is only-a', () => {
    const again = '各区人民政府要结合实际抓好贯彻落实。';
    const a = plain('A', [C.purpose, again, C.duty, again]);
    const b = plain('B', [C.purpose, C.duty, again]);
    const al = alignUnits('A', 'B', a, b);
    check(al, a, b);
    expect(ids(al)).toEqual(['same:A~u0|B~u0', 'only-a:A~u1|', 'same:A~u2|B~u1', 'same:A~u3|B~u2']);
  });

  it('a split whose shorter part comes first: the part before the matched unit joins it', () => {
    // The whole is most like its longer part (C.purpose, B's second unit); its first part (C.duty) is the neighbour before.
    const a = units('A', [['第一条', C.duty + C.purpose]]);
    const b = units('B', [['第一条', C.duty], ['第二条', C.purpose]]);
    const al = alignUnits('A', 'B', a, b);
    check(al, a, b);
    expect(ids(al)).toEqual(['changed:A~u0|B~u0+B~u1']);
    expect(al.rows[0].split).toBe('a-split');
    const back = alignUnits('B', 'A', b, a);
    check(back, b, a);
    expect(ids(back)).toEqual(['changed:B~u0+B~u1|A~u0']);
    expect(back.rows[0].split).toBe('b-split');
  });

  it('a closing line of four characters split off a clause is still part of the split', () => {
    // 特此通知 is two 3-character runs, both inside the whole.
    const a = plain('A', [C.online + '特此通知。']);
    const b = plain('B', [C.online, '特此通知。']);
    // The line break between the parts is white space: the split reads as the same text.
    expect(ids(alignUnits('A', 'B', a, b))).toEqual(['same:A~u0|B~u0+B~u1']);
    expect(ids(alignUnits('B', 'A', b, a))).toEqual(['same:B~u0+B~u1|A~u0']);
  });

  it('the first clause moved to the end is the one moved row, shown where it stood in A', () => {
    const a = plain('A', [C.online, C.purpose, C.scope, C.duty, C.effect]);
    const b = plain('B', [C.purpose, C.scope, C.duty, C.effect, C.online]);
    const al = alignUnits('A', 'B', a, b);
    check(al, a, b);
    expect(ids(al)).toEqual(['moved:A~u0|B~u4', 'same:A~u1|B~u0', 'same:A~u2|B~u1', 'same:A~u3|B~u2', 'same:A~u4|B~u3']);
    expect(al.summary).toMatchObject({ same: 4, changed: 0, moved: 1, onlyA: 0, onlyB: 0 });
  });

  it('rows carry the clause similarity: 1 for the same clause, 0 for a lone one, 12/22 for one changed character in 21', () => {
    // 21 characters, 17 runs of five; changing the 11th (优 → 净) changes five of them: 12 shared of 22.
    const a = plain('A', ['市人民政府应当加强对优化营商环境工作的组织', C.effect]);
    const b = plain('B', ['市人民政府应当加强对净化营商环境工作的组织', C.effect, C.extra]);
    const al = alignUnits('A', 'B', a, b);
    expect(al.rows.map((r) => [r.status, r.similarity])).toEqual([
      ['changed', 0.545],
      ['same', 1],
      ['only-b', 0],
    ]);
    expect(al.rows[0].ops).toEqual([['=', '市人民政府应当加强对'], ['-', '优'], ['+', '净'], ['=', '化营商环境工作的组织']]);
  });

  it('renumbering is judged on the numbers: a 款 shows its number, a unit without one is not renumbered', () => {
    const one = (doc: string, label: string, number: string, text: string): CompareUnit => ({ id: `${doc}~u0`, label, number, text, labelLength: 0, index: 0, pseudo: false });
    const moved = alignUnits('A', 'B', [one('A', '', '第二款', C.duty)], [one('B', '', '第三款', C.duty)]);
    expect(moved.rows[0].renumbered).toEqual({ a: '第二款', b: '第三款' });
    expect(moved.rows[0].status).toBe('same');
    const unnumbered = alignUnits('A', 'B', [one('A', '', '', C.duty)], [one('B', '（三）', '（三）', '（三）' + C.duty)]);
    expect(unnumbered.rows[0].renumbered).toBeUndefined();
    expect(alignUnits('A', 'B', [one('A', '（三）', '（三）', C.duty)], [one('B', '', '', C.duty)]).rows[0].renumbered).toBeUndefined();
  });

  it('the summary counts every kind of row and gives the overlap of the two texts', () => {
    const a = plain('A', [C.purpose, C.online, C.credit]);
    const b = plain('B', [C.purpose.replace('激发', '充分激发'), C.credit, C.extra]);
    const al = alignUnits('A', 'B', a, b);
    expect(al.summary).toMatchObject({ same: 1, changed: 1, moved: 0, onlyA: 1, onlyB: 1 });
    expect(alignUnits('A', 'B', plain('A', [C.purpose]), plain('B', [C.extra])).summary.overlap).toBe(0);
    expect(alignUnits('A', 'B', plain('A', [C.purpose]), plain('B', [C.purpose, C.extra])).summary.overlap).toBe(1);
  });

  it('clauses too far apart for the character diff are shown whole, as 改写', () => {
    let seed = 5;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const text = (chars: string) => Array.from({ length: MAX_EDIT_LENGTH * 2 }, () => chars[Math.floor(rnd() * chars.length)]).join('');
    // Two long texts in the same ten characters: alike in their 3-character runs (so matched), far apart in order.
    const A = text('市人民政府应当加强营');
    const B = text('市人民政府应当加强营');
    const al = alignUnits('A', 'B', plain('A', [A]), plain('B', [B]));
    expect(al.rows).toHaveLength(1);
    expect(al.rows[0]).toMatchObject({ status: 'changed', rewritten: true, ops: [['-', A], ['+', B]] });
  });
});

describe('where marks stop helping: half the wording shared, 36 shingles', () => {
  // Two halves of twenty characters, no character in both: reordered, the longest shared run is one half.
  const X = '政务事项全部纳入一体化在线平台办理实现网';
  const Y = '建立健以信用为基础的新型监管机制依法开展';
  const plain = (doc: string, text: string) => units(doc, [['', text]]);

  it('halves swapped share exactly half their wording (2 · 20 / 80): still an edit, marked', () => {
    const al = alignUnits('A', 'B', plain('A', X + Y), plain('B', Y + X));
    expect(al.rows).toHaveLength(1);
    expect(al.rows[0].status).toBe('changed');
    expect(al.rows[0].rewritten).toBeUndefined();
  });

  it('with four more characters on one side (2 · 20 / 84) it is a rewrite, though the shorter has only 36 shingles', () => {
    // 40 characters are 36 runs of five: the least a unit has to be judged on its wording at all.
    const al = alignUnits('A', 'B', plain('A', X + Y), plain('B', Y + X + '鼓励金融'));
    expect(al.rows).toHaveLength(1);
    expect(al.rows[0]).toMatchObject({ status: 'changed', rewritten: true, ops: [['-', X + Y], ['+', Y + X + '鼓励金融']] });
  });

  it('one character fewer (35 shingles) is a short unit and stays marked', () => {
    const al = alignUnits('A', 'B', plain('A', X.slice(1) + Y), plain('B', Y + X + '鼓励金融'));
    expect(al.rows).toHaveLength(1);
    expect(al.rows[0].rewritten).toBeUndefined();
  });
});

describe('matching details', () => {
  const plain = (doc: string, texts: string[]) => units(doc, texts.map((t) => ['', t] as [string, string]));
  const ids = (al: ReturnType<typeof alignUnits>) => al.rows.map((r) => `${r.status}:${r.a.join('+')}|${r.b.join('+')}`);
  const again = '各区人民政府要结合实际抓好贯彻落实。';

  it('two short articles with one number and different words are not matched by their number', () => {
    const a = units('A', [['第一百二十条', '加强监管']]);
    const b = units('B', [['第一百二十条', '推进改革']]);
    expect(ids(alignUnits('A', 'B', a, b))).toEqual(['only-a:A~u0|', 'only-b:|B~u0']);
  });

  it('an article whose words are all in its 款 (第三条 and nothing of its own) is paired through the unit after it', () => {
    // As the parser gives such an article: a unit holding its label only, its 款 after it.
    const law = (doc: string, list: [string, string][]) => units(doc, list).map((u) => (u.text === `${u.label} ` ? { ...u, text: u.label, labelLength: u.label.length } : u));
    const a = law('A', [['第二条', C.scope], ['第三条', ''], ['', C.duty], ['', C.online], ['第四条', C.effect]]);
    const same = alignUnits('A', 'B', a, law('B', [['第二条', C.scope], ['第三条', ''], ['', C.duty], ['', C.online], ['第四条', C.effect]]));
    expect(ids(same)).toEqual(['same:A~u0|B~u0', 'same:A~u1|B~u1', 'same:A~u2|B~u2', 'same:A~u3|B~u3', 'same:A~u4|B~u4']);
    expect(same.rows[1].similarity).toBe(1); // the same wording: none
    expect(same.summary).toMatchObject({ same: 5, changed: 0, onlyA: 0, onlyB: 0 });

    // An article inserted before it: renumbered, still the same article.
    const b = law('B', [['第二条', C.scope], ['第三条', C.extra], ['第四条', ''], ['', C.duty], ['', C.online], ['第五条', C.effect]]);
    const shifted = alignUnits('A', 'B', a, b);
    check(shifted, a, b);
    const article = shifted.rows.find((r) => r.a[0] === 'A~u1')!;
    expect(article).toMatchObject({ status: 'changed', b: ['B~u2'], renumbered: { a: '第三条', b: '第四条' } });
    expect(alignUnits('A', 'B', a, b, { ignoreWidth: true, ignoreWhitespace: true, ignoreNumbering: true }).rows.find((r) => r.a[0] === 'A~u1')!.status).toBe('same');

    // Its 款 are other words: nothing says it is the same article, so the two stand alone.
    const other = alignUnits('A', 'B', law('A', [['第三条', ''], ['', C.duty]]), law('B', [['第三条', ''], ['', C.extra]]));
    expect(ids(other)).toEqual(['only-a:A~u0|', 'only-a:A~u1|', 'only-b:|B~u0', 'only-b:|B~u1']);

    // First in the document, on both sides.
    expect(ids(alignUnits('A', 'B', law('A', [['第一条', ''], ['', C.duty]]), law('B', [['第一条', ''], ['', C.duty]])))).toEqual(['same:A~u0|B~u0', 'same:A~u1|B~u1']);
    // Only a unit with no words is paired so: one with words of its own before the pair is judged by them.
    const worded = (doc: string, words: string) => law(doc, [['第一条', words], ['', C.duty]]);
    expect(ids(alignUnits('A', 'B', worded('A', ''), worded('B', C.extra)))).toEqual(['only-a:A~u0|', 'only-b:|B~u0', 'same:A~u1|B~u1']);
    expect(ids(alignUnits('A', 'B', worded('A', C.extra), worded('B', '')))).toEqual(['only-a:A~u0|', 'only-b:|B~u0', 'same:A~u1|B~u1']);
    expect(ids(alignUnits('A', 'B', worded('A', C.online), worded('B', C.extra)))).toEqual(['only-a:A~u0|', 'only-b:|B~u0', 'same:A~u1|B~u1']);
  });

  it('of two equal lines at the same distance from a line\'s place, the first is taken', () => {
    // A's lines at 0 and 2/3 of A, B's at 1/3 of B: equally far. (Adjacent, the second would join the first as a merge.)
    const a = plain('A', [again, C.extra, again]);
    const b = plain('B', [C.purpose, again, C.duty]);
    expect(ids(alignUnits('A', 'B', a, b))).toEqual(['only-b:|B~u0', 'same:A~u0|B~u1', 'only-a:A~u1|', 'only-a:A~u2|', 'only-b:|B~u2']);
    expect(ids(alignUnits('B', 'A', b, a))).toEqual(['only-a:B~u0|', 'same:B~u1|A~u0', 'only-a:B~u2|', 'only-b:|A~u1', 'only-b:|A~u2']);
  });

  it('a clause split in three keeps the part after the match; the part before stands alone', () => {
    // C.purpose is the largest part, so the whole is matched with it; C.effect follows it and joins it.
    const a = plain('A', [C.duty + C.purpose + C.effect]);
    const b = plain('B', [C.duty, C.purpose, C.effect]);
    const al = alignUnits('A', 'B', a, b);
    check(al, a, b);
    expect(ids(al)).toEqual(['only-b:|B~u0', 'changed:A~u0|B~u1+B~u2']);
  });

  it('two clauses merged and moved are one moved row, where they stood in A', () => {
    const a = plain('A', [C.duty, C.purpose, C.effect, C.credit, C.online]);
    const b = plain('B', [C.effect, C.credit, C.online, C.duty + C.purpose]);
    const al = alignUnits('A', 'B', a, b);
    check(al, a, b);
    expect(ids(al)).toEqual(['moved:A~u0+A~u1|B~u3', 'same:A~u2|B~u0', 'same:A~u3|B~u1', 'same:A~u4|B~u2']);
    expect(al.rows[0].split).toBe('b-split');
  });
});

describe('the edges of a split', () => {
  const plain = (doc: string, texts: string[]) => units(doc, texts.map((t) => ['', t] as [string, string]));
  const ids = (al: ReturnType<typeof alignUnits>) => al.rows.map((r) => `${r.status}:${r.a.join('+')}|${r.b.join('+')}`);

  it('a neighbour joins from 70 % of its 3-character runs found in the matched unit, not from a few', () => {
    // 纳入一体化在线政务云平台: ten runs, the seven up to 线政务 are in C.online, 政务云 务云平 云平台 are not.
    const part = '纳入一体化在线政务云平台';
    expect(ids(alignUnits('A', 'B', plain('A', [C.online]), plain('B', [C.online, part])))).toEqual(['changed:A~u0|B~u0+B~u1']);
    expect(ids(alignUnits('A', 'B', plain('A', [C.online, part]), plain('B', [C.online])))).toEqual(['changed:A~u0+A~u1|B~u0']);
    // 政务服务云平台建设: two of seven (政务服, 务服务) — a line of its own.
    expect(ids(alignUnits('A', 'B', plain('A', [C.online]), plain('B', [C.online, '政务服务云平台建设'])))).toEqual(['same:A~u0|B~u0', 'only-b:|B~u1']);
    expect(ids(alignUnits('A', 'B', plain('A', [C.online, '政务服务云平台建设']), plain('B', [C.online])))).toEqual(['same:A~u0|B~u0', 'only-a:A~u1|']);
  });

  it('a line printed alone and again at the head of the next clause keeps its own match', () => {
    // A prints C.effect as an item and again inside the next one; B has the item and the rest of that clause.
    const a = plain('A', [C.effect, C.effect + C.credit]);
    const b = plain('B', [C.effect, C.credit]);
    const al = alignUnits('A', 'B', a, b);
    check(al, a, b);
    expect(ids(al)).toEqual(['same:A~u0|B~u0', 'changed:A~u1|B~u1']);
    const back = alignUnits('B', 'A', b, a);
    check(back, b, a);
    expect(ids(back)).toEqual(['same:B~u0|A~u0', 'changed:B~u1|A~u1']);
  });

  it('names the two documents and the options it was made with', () => {
    const options = { ignoreWidth: false, ignoreWhitespace: true, ignoreNumbering: true };
    expect(alignUnits('A', 'B', plain('A', [C.effect]), plain('B', [C.effect]), options)).toMatchObject({ a: 'A', b: 'B', options });
  });
});

describe('matching details, continued', () => {
  const plain = (doc: string, texts: string[]) => units(doc, texts.map((t) => ['', t] as [string, string]));
  const ids = (al: ReturnType<typeof alignUnits>) => al.rows.map((r) => `${r.status}:${r.a.join('+')}|${r.b.join('+')}`);
  const again = '各区人民政府要结合实际抓好贯彻落实。';

  it('a line printed twice is matched at the nearer place (2/5 of A against 2/4 of B, not 4/5)', () => {
    const a = plain('A', [C.purpose, C.scope, again, C.duty, again]);
    const b = plain('B', [C.purpose, C.scope, again, C.extra]);
    expect(ids(alignUnits('A', 'B', a, b))).toEqual(['same:A~u0|B~u0', 'same:A~u1|B~u1', 'same:A~u2|B~u2', 'only-a:A~u3|', 'only-a:A~u4|', 'only-b:|B~u3']);
  });

  it('a line of three characters is too short to be part of a split, even when the clause holds it', () => {
    // 一网通: a single run of three, found in C.online (一网通办).
    expect(ids(alignUnits('A', 'B', plain('A', [C.online]), plain('B', [C.online, '一网通'])))).toEqual(['same:A~u0|B~u0', 'only-b:|B~u1']);
    expect(ids(alignUnits('A', 'B', plain('A', [C.online, '一网通']), plain('B', [C.online])))).toEqual(['same:A~u0|B~u0', 'only-a:A~u1|']);
  });

  it('a unit split on one side is not also merged on the other', () => {
    // A: X+Y, Z; B: X+Z, Y. Y (B's second unit) joins A's first; Z, though found in B's first, stays alone.
    const a = plain('A', [C.purpose + '特此通知。', '请认真贯彻执行。']);
    const b = plain('B', [C.purpose + '请认真贯彻执行。', '特此通知。']);
    const al = alignUnits('A', 'B', a, b);
    check(al, a, b);
    expect(ids(al)).toEqual(['changed:A~u0|B~u0+B~u1', 'only-a:A~u1|']);
  });

  it('a moved clause does not pull the inserted clauses before its new place ahead of the rows before it', () => {
    const a = plain('A', [C.online, C.purpose, C.duty]);
    const b = plain('B', [C.purpose, C.extra, C.duty, C.online]);
    expect(ids(alignUnits('A', 'B', a, b))).toEqual(['moved:A~u0|B~u3', 'same:A~u1|B~u0', 'only-b:|B~u1', 'same:A~u2|B~u2']);
  });
});
