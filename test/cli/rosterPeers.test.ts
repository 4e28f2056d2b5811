// `mib roster` on the two things only a roster can compute: 威海's peer clauses under each reading of
// "从低到高依次平均划分为三个区间" (worked by hand below from the text), and 吉林 第十一条's composite.
import { describe, expect, it } from 'vitest';
import { jiangbeiParentAndSubordinates, jiangbeiRow } from '../support/jiangbeiRows';
import { mibOnDisk } from '../support/mibOnDisk';
import { mibWith } from '../support/mibRunner';
import { rosterJsonOf, scratch, writeCsv } from '../support/rosterFiles';

const path = scratch('mib-roster-peers-');

// 威海 二级, six 同级 hospitals with raw measures: growth rates (A3 27.1/27.2, A4 28.1, A5 29.1) and
// 自费率 (A1 25.1/25.2, A2 26.1), as percent text the way Excel saves a percent cell to CSV
const measures = {
  '27.1': ['1%', '2%', '3%', '4%', '10%', '20%'],
  '27.2': ['-5%', '0%', '5%', '6%', '7%', '8%'],
  '28.1': ['0.1%', '0.2%', '0.3%', '0.4%', '0.5%', '0.6%'],
  '29.1': ['0%', '1%', '2%', '3%', '4%', '40%'],
  '25.1': ['10%', '12%', '15%', '20%', '25%', '30%'],
  '25.2': ['8%', '8%', '8%', '8%', '8%', '8%'],
  '26.1': ['5%', '6%', '7%', '8%', '9%', '10%'],
};
const weihai = writeCsv(
  path('weihai.csv'),
  measures['27.1'].map((_, i) => ({
    机构编码: `H${i + 1}`,
    机构名称: `医院${i + 1}`,
    ...Object.fromEntries(Object.entries(measures).map(([id, column]) => [id, column[i]])),
  })),
);

type Json = Awaited<ReturnType<typeof rosterJsonOf>>['json'];
const bands = (json: Json, id: string) => json.institutions.map((row) => row.peer.find((p) => p.id === id)?.value);
const itemScores = (json: Json, id: string) => json.institutions.map((row) => row.items.find((i) => i.id === id)?.score);
const cuts = (json: Json, id: string) => json.groups.find((g) => g.id === id)?.cutPoints;

describe('威海 二级 peer clauses in mib roster --json', () => {
  it('equal-width (the default): [min, max] cut in equal thirds (quarters for A5)', async () => {
    const { code, json } = await rosterJsonOf('weihai-2021-hospital-l2', '--input', weihai);
    expect(code).toBe(0);
    expect(json.options.intervals).toBe('equal-width');
    // 27.1: 1%–20%, width 19%/3 → cuts 7.33%, 13.67%: 1–4% first, 10% second, 20% third
    expect(bands(json, '27.1')).toEqual([1, 1, 1, 1, 2, 3]);
    const [low, high] = cuts(json, '27.1')!;
    expect(low).toBeCloseTo(0.01 + 0.19 / 3, 12);
    expect(high).toBeCloseTo(0.01 + (2 * 0.19) / 3, 12);
    // 27.2: −5%–8%, width 13%/3 → cuts −0.67%, 3.67%: −5% first, 0% second, 5–8% third
    expect(bands(json, '27.2')).toEqual([1, 2, 3, 3, 3, 3]);
    // 28.1: evenly spread, two to an interval
    expect(bands(json, '28.1')).toEqual([1, 1, 2, 2, 3, 3]);
    // 29.1 (四个区间): 0%–40%, width 10% → cuts 10%, 20%, 30%: only 40% leaves the first
    expect(bands(json, '29.1')).toEqual([1, 1, 1, 1, 1, 4]);
    expect(cuts(json, '29.1')).toEqual([0.1, 0.2, 0.3]);
    // A3 "第二区间扣2分；第三区间扣4分" per clause: 10 − (27.1 + 27.2)
    expect(itemScores(json, '27')).toEqual([10, 8, 6, 6, 4, 2]);
    expect(itemScores(json, '28')).toEqual([5, 5, 3, 3, 1, 1]);
    // A5 "第二区间扣3分；第三区间扣5分，第四区间扣8分"
    expect(itemScores(json, '29')).toEqual([10, 10, 10, 10, 10, 2]);
  });

  it('equal-count: the six peers two to an interval (A5: 1, 2, 1, 2 by position)', async () => {
    const { code, json } = await rosterJsonOf('weihai-2021-hospital-l2', '--input', weihai, '--peer-intervals', 'equal-count');
    expect(code).toBe(0);
    expect(json.options.intervals).toBe('equal-count');
    expect(bands(json, '27.1')).toEqual([1, 1, 2, 2, 3, 3]);
    expect(cuts(json, '27.1')).toEqual([0.02, 0.04]);
    expect(bands(json, '27.2')).toEqual([1, 1, 2, 2, 3, 3]);
    expect(cuts(json, '27.2')).toEqual([0, 0.06]);
    expect(bands(json, '28.1')).toEqual([1, 1, 2, 2, 3, 3]);
    // four intervals of six: starts at ⌊0·6/4⌋, ⌊6/4⌋, ⌊12/4⌋, ⌊18/4⌋ = 0, 1, 3, 4
    expect(bands(json, '29.1')).toEqual([1, 2, 2, 3, 4, 4]);
    expect(cuts(json, '29.1')).toEqual([0, 0.02, 0.03]);
    expect(itemScores(json, '27')).toEqual([10, 10, 6, 6, 2, 2]);
    expect(itemScores(json, '28')).toEqual([5, 5, 3, 3, 1, 1]);
    expect(itemScores(json, '29')).toEqual([10, 7, 7, 5, 2, 2]);
  });

  it('自费率 (A1, A2): the low band is the lowest 20% of the peers, whatever the intervals', async () => {
    for (const intervals of ['equal-width', 'equal-count']) {
      const { json } = await rosterJsonOf('weihai-2021-hospital-l2', '--input', weihai, '--peer-intervals', intervals);
      // 20% of 6 = 1.2, rounded to 1: the band's upper limit is the lowest rate, 10%; each point above
      // it "扣0.5分，最多扣5分" → 0, 1, 2.5, 5, 5 (7.5 capped), 5 (10 capped)
      expect(bands(json, '25.1')).toEqual([0, 0.02, 0.05, 0.1, 0.15, 0.2]);
      expect(cuts(json, '25.1')).toEqual([0.1]);
      // 25.2: every rate 8%, all within the band
      expect(bands(json, '25.2')).toEqual([0, 0, 0, 0, 0, 0]);
      expect(itemScores(json, '25')).toEqual([10, 9, 7.5, 5, 5, 5]);
      // A2 "每高于该区间1个百分点扣1分，扣完为止" over a 5% band
      expect(itemScores(json, '26')).toEqual([5, 4, 3, 2, 1, 0]);
    }
  });

  it('every peer option is a flag, reaches the core and is said in words', async () => {
    const flags = ['--peer-trim', '20%', '--a6-low-band', 'peers', '--tier-rounding', 'ceil', '--peer-ties', 'worse'];
    const { json } = await rosterJsonOf('weihai-2021-hospital-l2', '--input', weihai, ...flags);
    expect(json.options).toEqual({
      intervals: 'equal-width',
      trim: 0.2,
      lowBandShare: 0.2,
      a6LowBand: 'peers',
      tierRounding: 'ceil',
      ties: 'worse',
      trimmedHighInterval: 'printed',
    });
    // "可剔除部分过高或过低的数据。过低的增长率参照第一区间评分，过高的增长率参照第三区间评分": ⌊20% × 6⌋ = 1 set aside at
    // each end (1% → first, 20% → third); 2%–10% divided in thirds of 8/3% → cuts 4.67%, 7.33%: 10% third
    expect(bands(json, '27.1')).toEqual([1, 1, 1, 1, 3, 3]);
    // 20% of 6 = 1.2 rounded up (ceil) to 2: the band's upper limit is the second rate, 12%
    expect(cuts(json, '25.1')).toEqual([0.12]);
    const text = await mibOnDisk('roster', 'weihai-2021-hospital-l2', '--input', weihai, ...flags);
    expect(text.out).toContain(
      '同级比较的口径：等宽区间；两端各剔除 20%；低位区间为同级最低的 20%；威海 A6 低位区间按同级机构最低的一部分；按比例算家数进一；数据相同跨越分界时并列归较差一侧；剔除的过高值参照原文所写的区间',
    );
  });

  it('--low-band-share 50%: three of six in the band (upper limit 15%)', async () => {
    const { json } = await rosterJsonOf('weihai-2021-hospital-l2', '--input', weihai, '--low-band-share', '50%');
    expect(json.options.lowBandShare).toBe(0.5);
    expect(cuts(json, '25.1')).toEqual([0.15]);
    expect(itemScores(json, '25')).toEqual([10, 10, 10, 7.5, 5, 5]);
  });
});

// 威海 二级 A5 (seed 001, 二级 item 29): "从低到高依次平均划分为四个区间，第一区间得满分；第二区间扣3分；第三区间扣5分，第四区间扣8分。
// 原则上，增长率第一区间最低值不应大于保基金收入增长幅度；3..对于增长率分布离散程度较大的，划分区间时可剔除部分过高或过低的数据。
// 过低的增长率参照第一区间评分，过高的增长率参照第三区间评分。"
describe('威海 A5 as printed', () => {
  const a5 = (rates: string[], extra: (i: number) => Record<string, string> = () => ({})) =>
    writeCsv(
      path(`a5-${rates.join('_')}-${extra(0)['基金收入增长幅度'] ?? ''}${extra(5)['基金收入增长幅度'] ?? ''}.csv`),
      rates.map((rate, i) => ({ 机构编码: `H${i + 1}`, 机构名称: `医院${i + 1}`, ...extra(i), '29.1': rate })),
    );
  const spread = a5(['0%', '1%', '2%', '3%', '4%', '40%']);

  it('a trimmed high growth rate is scored in the 第三区间 (5 points), not the 第四 (2), by default', async () => {
    // ⌊20% × 6⌋ = 1 set aside at each end: 0% → 第一区间, 40% → 第三区间 as printed; 1%–4% in quarters of
    // 0.75% → cuts 1.75%, 2.5%, 3.25%
    const { json } = await rosterJsonOf('weihai-2021-hospital-l2', '--input', spread, '--peer-trim', '20%');
    expect(json.options.trimmedHighInterval).toBe('printed');
    expect(bands(json, '29.1')).toEqual([1, 1, 2, 3, 4, 3]);
    expect(itemScores(json, '29')).toEqual([10, 10, 7, 5, 2, 5]);
    const group = json.groups.find((g) => g.id === '29.1')!;
    expect(group.reading).toContain('过高的按原文参照第三区间（另一读法：归第四区间，须在名册的同级比较口径中写明）');
    expect(json.institutions[5]!.peer.find((p) => p.id === '29.1')!.line).toContain('→ 第三区间（剔除的过高值）');
  });

  it('the other reading is an option: --trimmed-high last puts it in the 第四区间 (2 points), and says so', async () => {
    const { json } = await rosterJsonOf('weihai-2021-hospital-l2', '--input', spread, '--peer-trim', '20%', '--trimmed-high', 'last');
    expect(json.options.trimmedHighInterval).toBe('last');
    expect(bands(json, '29.1')).toEqual([1, 1, 2, 3, 4, 4]);
    expect(itemScores(json, '29')).toEqual([10, 10, 7, 5, 2, 2]);
    expect(json.groups.find((g) => g.id === '29.1')!.reading).toContain('过高的归最后的第四区间（经办机构的读法；原文写参照第三区间）');
    const text = await mibOnDisk('roster', 'weihai-2021-hospital-l2', '--input', spread, '--peer-trim', '20%', '--trimmed-high', 'last');
    expect(text.out).toContain('剔除的过高值归最后一个区间');
    const bad = await mibOnDisk('roster', 'weihai-2021-hospital-l2', '--input', spread, '--trimmed-high', 'third');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--trimmed-high');
  });

  // all six grew faster than the fund (5%): 6%–14%
  const fast = ['6%', '7%', '8%', '9%', '10%', '14%'];

  it('without the fund’s growth the bound is not applied and the reading says so', async () => {
    // [6%, 14%] in quarters of 2% → cuts 8%, 10%, 12%
    const { json } = await rosterJsonOf('weihai-2021-hospital-l2', '--input', a5(fast));
    expect(bands(json, '29.1')).toEqual([1, 1, 1, 2, 2, 4]);
    const group = json.groups.find((g) => g.id === '29.1')!;
    expect(group.reading).toContain('原文“原则上，增长率第一区间最低值不应大于当年医保基金收入增长幅度”未用：未给当年医保基金收入增长幅度');
    expect(group.lines[0]).toContain('（名册的“基金收入增长幅度”列）');
    expect(group.lines[0]).not.toContain('--fund-growth');
    const text = await mibOnDisk('roster', 'weihai-2021-hospital-l2', '--input', a5(fast));
    expect(text.out).toContain('第一区间最低值不应大于当年医保基金收入增长幅度”未用');
  });

  it('--fund-growth 5%: the first interval starts at 5%, [5%, 14%] in quarters of 2.25%', async () => {
    const { code, json } = await rosterJsonOf('weihai-2021-hospital-l2', '--input', a5(fast), '--fund-growth', '5%');
    expect(code).toBe(0);
    expect(json.options.fundGrowth).toBe(0.05);
    // cuts 7.25%, 9.5%, 11.75%: 6%, 7% first; 8%, 9% second; 10% third; 14% fourth
    expect(cuts(json, '29.1')).toEqual([0.0725, 0.095, 0.1175]);
    expect(bands(json, '29.1')).toEqual([1, 1, 2, 2, 3, 4]);
    expect(itemScores(json, '29')).toEqual([10, 10, 7, 7, 5, 2]);
    const group = json.groups.find((g) => g.id === '29.1')!;
    expect(group.firstIntervalFrom).toBe(0.05);
    expect(group.reading).toContain('最低值 6% 大于基金收入增长幅度 5%，区间自 5% 起等宽划分');
    // a growth at or above the lowest rate changes nothing
    const above = await rosterJsonOf('weihai-2021-hospital-l2', '--input', a5(fast), '--fund-growth', '0.06');
    expect(bands(above.json, '29.1')).toEqual([1, 1, 1, 2, 2, 4]);
    expect(above.json.groups.find((g) => g.id === '29.1')!.reading).toContain('最低值 6% 不大于基金收入增长幅度 6%，区间不变');
  });

  it('or a 基金收入增长幅度 column; rows that disagree are a problem and the bound is not applied', async () => {
    const column = await rosterJsonOf(
      'weihai-2021-hospital-l2',
      '--input',
      a5(fast, () => ({ 基金收入增长幅度: '5%' })),
    );
    expect(column.code).toBe(0);
    expect(bands(column.json, '29.1')).toEqual([1, 1, 2, 2, 3, 4]);
    const differ = await rosterJsonOf(
      'weihai-2021-hospital-l2',
      '--input',
      a5(fast, (i) => ({ 基金收入增长幅度: i === 5 ? '4%' : '5%' })),
    );
    expect(differ.code).toBe(1);
    expect(bands(differ.json, '29.1')).toEqual([1, 1, 1, 2, 2, 4]);
    expect(differ.json.problems.join()).toContain('“基金收入增长幅度”不一致（5%、4%）');
    // the flag governs a column
    const flag = await rosterJsonOf(
      'weihai-2021-hospital-l2',
      '--input',
      a5(fast, (i) => ({ 基金收入增长幅度: i === 5 ? '4%' : '5%' })),
      '--fund-growth',
      '5%',
    );
    expect(flag.code).toBe(0);
    expect(bands(flag.json, '29.1')).toEqual([1, 1, 2, 2, 3, 4]);
    const bad = await mibOnDisk('roster', 'weihai-2021-hospital-l2', '--input', a5(fast), '--fund-growth', '快');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--fund-growth 应为比率');
  });
});

// 吉林 第十一条 (seed 003): "按照该定点医疗机构自身考核得分的 70%与其下属机构（人员）考核得分平均数的 30%之和，作为该定点
// 医疗机构的最终考核得分并确定考核等次"
describe('吉林 第十一条 through a 上级机构编码 column', () => {
  const jilin = writeCsv(path('jilin.csv'), [
    ...jiangbeiParentAndSubordinates(), // 92, 77, 75
    jiangbeiRow('X', 'NOPE', {}), // 97, its parent not in the roster
  ]);

  it('the parent: 92 × 70% + mean(77, 75) × 30% = 64.4 + 22.8 = 87.2 → 良; subordinates without a grade; the missing parent named', async () => {
    const { code, json } = await rosterJsonOf('cq-jiangbei-2025-hospital', '--input', jilin, '--policy', 'jilin-2025', '--complete');
    expect(code).toBe(1);
    const [parent, s1, s2, orphan] = json.institutions;
    expect(parent!.ownTotal).toBe(92);
    expect(parent!.total).toBe(87.2);
    expect(parent!.grade).toBe('良');
    const refund = mibWith({})('refund', '87.2', '--deposit', '10000', '--policy', 'jilin-2025');
    expect(parent!.refundText).toBe(refund.out);
    for (const sub of [s1!, s2!]) {
      expect(sub).not.toHaveProperty('grade');
      expect(sub.refund).toBeNull();
      expect(sub.gradeText).toBe('下属机构，不单独评定');
    }
    expect([s1!.total, s2!.total]).toEqual([77, 75]);
    // graded on its own, flagged naming the cell and both codes
    expect(orphan!.total).toBe(97);
    expect(orphan!.grade).toBe('优');
    expect(orphan!.problems).toEqual(['第5行第3列（C5）：机构“X”的上级机构编码“NOPE”不在名册中：本机构单独评定']);
    expect(json.summary.subordinates).toBe(2);
    expect(json.summary.perGrade).toEqual([
      { label: '优', count: 1 },
      { label: '良', count: 1 },
      { label: '合格', count: 0 },
      { label: '基本合格', count: 0 },
      { label: '不合格', count: 0 },
    ]);
  });
});
