import { describe, expect, it } from 'vitest';
import { findingLines, getPolicy, getRubric, rosterFindings, rosterJson, scoreRoster, unfilledCount } from '../../../src/core';
import { everyFactGiven, rosterOf } from './rosterTable';

const l2 = getRubric('weihai-2021-hospital-l2');
const l1 = getRubric('weihai-2021-hospital-l1');
const jiangbei = getRubric('cq-jiangbei-2025-hospital');
const itemScore = (row: { items: { id: string; score: { toNumber(): number } }[] }, id: string) =>
  row.items.find((i) => i.id === id)!.score.toNumber();
const fed = (row: { peer: { inputId: string; value?: string | number }[] }, id: string) => row.peer.find((p) => p.inputId === id)?.value;

// 威海 二级 A3 (item 27, seed 001): 第一区间得满分；第二区间扣2分；第三区间扣4分 (item points 10)
describe('a roster computes the peer clauses (威海 二级)', () => {
  const growth = ['0%', '1%', '2%', '3%', '10%', '11%'];
  const roster = rosterOf(growth.map((g, i) => ({ 机构编码: `W${i + 1}`, 机构名称: `医院${i + 1}`, '27.1': g })));

  it('equal width and equal count give W3 and W4 different intervals, and so different scores', () => {
    const width = scoreRoster(l2, roster);
    const count = scoreRoster(l2, roster, undefined, { peer: { intervals: 'equal-count' } });
    expect(width.institutions.map((r) => fed(r, '27.1'))).toEqual([1, 1, 1, 1, 3, 3]);
    expect(count.institutions.map((r) => fed(r, '27.1'))).toEqual([1, 1, 2, 2, 3, 3]);
    // 27.2 (住院) is blank: 不填按最后一档（第三区间）计, 4 off every row
    expect(width.institutions.map((r) => itemScore(r, '27'))).toEqual([6, 6, 6, 6, 2, 2]);
    expect(count.institutions.map((r) => itemScore(r, '27'))).toEqual([6, 6, 4, 4, 2, 2]);
    expect(count.groups).toHaveLength(1);
    expect(count.groups[0]).toMatchObject({ inputId: '27.1', itemNo: '27', code: 'A3', kind: 'intervals', count: 6, group: '' });
    expect(count.institutions[2]!.peer[0]!.line).toBe(
      '27.1 门诊次均费用增长率 2%（全部机构）：分界点 1%、3%（等人数区间，不剔除，分界点上的值归较低区间，并列归较好一侧）→ 第二区间',
    );
  });

  it('peer groups are the rows of one 级别; a group of one is a problem naming the clause and the group, its value left blank', () => {
    const levels = rosterOf([
      ...growth.slice(0, 4).map((g, i) => ({ 机构编码: `W${i + 1}`, 机构名称: `医院${i + 1}`, 级别: '二级', '27.1': g })),
      { 机构编码: 'W9', 机构名称: '医院9', 级别: '三级', '27.1': '50%' },
    ]);
    const result = scoreRoster(l2, levels);
    expect(result.institutions.slice(0, 4).map((r) => fed(r, '27.1'))).toEqual([1, 1, 2, 3]);
    expect(result.problems.map((p) => p.message)).toEqual([
      '27（A3） 27.1 门诊次均费用增长率：“三级”组只有 1 家填了数据，无法与同级机构比较，本项留空（暂评）',
    ]);
    // a blank 级别 is a group of its own, named so
    const blank = scoreRoster(
      l2,
      rosterOf([
        { 机构编码: 'W1', 机构名称: '甲', 级别: '二级', '27.1': '1%' },
        { 机构编码: 'W2', 机构名称: '乙', 级别: '', '27.1': '2%' },
      ]),
    );
    expect(blank.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('“二级”组只有 1 家'),
      expect.stringContaining('“未填级别/类型”组只有 1 家'),
    ]);
    const lone = result.institutions[4]!;
    expect(fed(lone, '27.1')).toBeUndefined();
    expect(lone.missing).toContain('27.1');
  });

  it('a bad measure is an invalid fact named by its cell: that row withheld, the others scored', () => {
    const bad = rosterOf([
      { 机构编码: 'W1', 机构名称: '甲', '27.1': '5%' },
      { 机构编码: 'W2', 机构名称: '乙', '27.1': '很高' },
      { 机构编码: 'W3', 机构名称: '丙', '27.1': '9%' },
    ]);
    const result = scoreRoster(l2, bad);
    expect(result.institutions[1]!.invalid.map((p) => p.message)).toEqual([expect.stringMatching(/^C3：27\.1（门诊次均费用增长率）应为比率/)]);
    expect(result.institutions[1]!.missing).not.toContain('27.1');
    expect(result.institutions.map((r) => fed(r, '27.1'))).toEqual([1, undefined, 3]);
    // a 自费率 above 100% typed as a number is refused as the clause's own ratio is
    const rate = scoreRoster(
      l2,
      rosterOf([
        { 机构编码: 'W1', 机构名称: '甲', '25.1': 1.5 },
        { 机构编码: 'W2', 机构名称: '乙', '25.1': 0.1 },
        { 机构编码: 'W3', 机构名称: '丙', '25.1': 0.2 },
      ]),
    );
    expect(rate.institutions[0]!.invalid.map((p) => p.message)).toEqual([
      expect.stringMatching(/^C2：25\.1（职工医保住院目录外自费率）应为 0% 到 100% 之间的比例/),
    ]);
    expect(rate.institutions[0]!.gradeText).toBe('');
  });

  it('A1: the 自费率 itself; the band is the lowest 20% of the peers and the clause gets the excess (0.5 per point, at most 5)', () => {
    const rates = ['5%', '8%', '10%', '12%', '15%', '20%', '22%', '25%', '30%', '31%'];
    const result = scoreRoster(l2, rosterOf(rates.map((r, i) => ({ 机构编码: `W${i}`, 机构名称: `院${i}`, '25.1': r }))));
    expect(result.institutions.map((r) => fed(r, '25.1'))).toEqual(['0', '0', '0.02', '0.04', '0.07', '0.12', '0.14', '0.17', '0.22', '0.23']);
    // item 25 has two clauses of 5 each; 25.2 blank deducts its 5 (不填视为未达到)
    expect(result.institutions.map((r) => itemScore(r, '25'))).toEqual([5, 5, 4, 3, 1.5, 0, 0, 0, 0, 0]);
  });

  it('A6 (method 1): fixed reads 占比 20% and below as full marks; peers reads the lowest 20% of the peers', () => {
    const shares = ['10%', '18%', '20%', '24%', '26%'];
    const roster6 = rosterOf(shares.map((s, i) => ({ 机构编码: `W${i}`, 机构名称: `院${i}`, '30.1': s })));
    const fixed = scoreRoster(l2, roster6);
    const peers = scoreRoster(l2, roster6, undefined, { peer: { a6LowBand: 'peers' } });
    // fixed: 10 − points above 20%: 24% → 6, 26% → 4; peers: the band ends at 10% (20% of 5 = 1 peer)
    expect(fixed.institutions.map((r) => itemScore(r, '30'))).toEqual([10, 10, 10, 6, 4]);
    expect(peers.institutions.map((r) => itemScore(r, '30'))).toEqual([10, 2, 0, 0, 0]);
    expect(peers.groups[0]!.cutPoints[0]!.toString()).toBe('0.1');
  });
});

// 威海 一级 B3 (item 22, seed 001): 优秀 20% 得分100；良好 60% 得分80；一般 20% 得分60；不合格 0 → ×30
describe('a roster tiers the 基层服务 scores (威海 一级 B3)', () => {
  it('scores high to low into 优秀 / 良好 / 一般; 不合格 is taken as a word', () => {
    const scores = [95, 90, 85, 80, 75, 70, 65, '不合格'];
    const roster = rosterOf(scores.map((s, i) => ({ 机构编码: `J${i}`, 机构名称: `站${i}`, '22.1': s })));
    const result = scoreRoster(l1, roster);
    expect(result.institutions.map((r) => fed(r, '22.1'))).toEqual([1, 2, 2, 2, 2, 2, 3, 4]);
    expect(result.institutions.map((r) => itemScore(r, '22'))).toEqual([30, 24, 24, 24, 24, 24, 18, 0]);
    const ceil = scoreRoster(l1, roster, undefined, { peer: { tierRounding: 'ceil' } });
    expect(ceil.institutions.map((r) => fed(r, '22.1'))).toEqual([1, 1, 2, 2, 2, 2, 3, 4]);
  });
});

// 江北 23.1 (seeds 000/002): 医保业务办理量排名前3加3分
describe('a roster ranks the 办理量 (江北 23.1)', () => {
  const volumes = [500, 800, 800, 700, 700, 300];
  const roster = rosterOf(volumes.map((v, i) => ({ 机构编码: `C${i}`, 机构名称: `院${i}`, '23.1': v })));

  it('ties better: 800, 800, 700, 700 are ranks 1, 1, 3, 3, all in the top 3', () => {
    const result = scoreRoster(jiangbei, roster);
    expect(result.institutions.map((r) => fed(r, '23.1'))).toEqual([5, 1, 1, 3, 3, 6]);
    expect(result.institutions.map((r) => itemScore(r, '23'))).toEqual([0, 3, 3, 3, 3, 0]);
  });

  it('ties worse: the 700s are rank 4 and earn nothing', () => {
    const result = scoreRoster(jiangbei, roster, undefined, { peer: { ties: 'worse' } });
    expect(result.institutions.map((r) => fed(r, '23.1'))).toEqual([5, 2, 2, 4, 4, 6]);
    expect(result.institutions.map((r) => itemScore(r, '23'))).toEqual([0, 3, 3, 0, 0, 0]);
  });

  it('the JSON gives each institution its rank and the group its reading', () => {
    const json = rosterJson(scoreRoster(jiangbei, roster, getPolicy('cq-jiangbei-2025')));
    expect(json.institutions[1]).toMatchObject({ code: 'C1', name: '院1', peer: [{ id: '23.1', value: 1, measure: 800 }] });
    expect(json.groups[0]).toMatchObject({ id: '23.1', kind: 'ranking', count: 6, reading: '由高到低排名，并列归较好一侧' });
    expect(json.summary.institutions).toBe(6);
  });
});

// 江北 第19项 is for public institutions only: a roster without 公立/民营 counts each row public and lists the
// ownership as a fact to fill (the single sheet's reading), so a row whose facts are all given is 暂评 with
// one fact left, and every count of what is left to fill says so alike
describe('a blank 公立/民营 is a fact left to fill on every count of a roster', () => {
  // every input of the table given a valid value (no deduction), so that only the ownership is blank
  const filled = everyFactGiven(jiangbei);
  // (two rows: 23.1 ranks the 医保业务办理量 among the peers, which one row alone cannot)
  const rows = [
    { 机构编码: 'J1', 机构名称: '甲医院', ...filled, '23.1': 200 },
    { 机构编码: 'J2', 机构名称: '乙医院', ...filled, '23.1': 100 },
  ];
  const result = scoreRoster(jiangbei, rosterOf(rows), getPolicy('jilin-2025'));
  const [row] = result.institutions;

  it('the row says one fact is left, and the count is one', () => {
    expect(row!.missing).toEqual([]);
    expect(row!.ownershipMissing).toBe(true);
    expect(row!.gradeText).toMatch(/^暂评 .+（尚有 1 项未填）$/);
    expect(unfilledCount(row!)).toBe(1);
  });

  it('the findings and the JSON count it (they said nothing was left)', () => {
    const findings = rosterFindings(result, jiangbei);
    expect(findings.missing).toEqual([
      { code: 'J1', name: '甲医院', count: 1 },
      { code: 'J2', name: '乙医院', count: 1 },
    ]);
    expect(findingLines(findings)).toContain('尚有未填：2 家、2 项（甲医院、乙医院）');
    expect(rosterJson(result).institutions[0]).toMatchObject({ missing: [], ownershipMissing: true });
  });
});
