import { describe, expect, it } from 'vitest';
import { getPolicy, getRubric } from '../../src/core/files/registry';
import { planRosterWorkbook, rowStatus } from '../../src/sheet/roster';
import type { GridPlan, PlanCell } from '../../src/sheet/types';
import { generatedWeihaiRoster, jilinCompositeRoster, weihaiSmallRoster } from '../support/rosterResults';
import { scoreRoster } from '../../src/core';
import { everyFactGiven, rosterOf } from '../core/roster/rosterTable';

const weihai = getRubric('weihai-2021-hospital-l2');
const jilin = getPolicy('jilin-2025');

const headers = (plan: GridPlan) => (plan.grid[0] as { value: string }[]).map((cell) => cell.value);
const column = (plan: GridPlan, header: string) => {
  const index = headers(plan).indexOf(header);
  expect(index, header).toBeGreaterThanOrEqual(0);
  return plan.body!.rows.map((row) => row[index]);
};
const cellText = (cell: PlanCell | null | undefined) => (cell && 'value' in cell ? cell.value : cell && 'formula' in cell ? cell.formula : null);

describe('the roster workbook plan', () => {
  it('plans 汇总名单, 汇总统计 and 同级分组 from a scored 威海 二级 roster', () => {
    const { sheets } = planRosterWorkbook(weihaiSmallRoster(), weihai, jilin);
    expect(sheets.map((sheet) => sheet.name)).toEqual(['汇总名单', '汇总统计', '同级分组', '口径说明', '公示名单']);
  });

  it('gives each institution one row: who it is, each item, each peer measure beside its computed value, the results', () => {
    const { sheets } = planRosterWorkbook(weihaiSmallRoster(), weihai, jilin);
    const roster = sheets[0]!;
    const names = headers(roster);
    // the key results right after the name: the first printed page says who got what
    expect(names.slice(0, 9)).toEqual([
      '机构编码',
      '机构名称',
      '最终得分',
      '等次',
      '返还金额',
      '级别/类型',
      '公立/民营',
      '质量保证金',
      '上级机构编码',
    ]);
    // 46 items, headed by code and the indicator cut to fit
    expect(names[9]).toBe('B1 规章制度');
    expect(names).toContain('C13 落实国家、省组织药品…');
    const measures = names.filter((name) => /测量值|同级计算/.test(name));
    expect(measures).toEqual(['A2.1 测量值', 'A2.1 同级计算', 'A3.1 测量值', 'A3.1 同级计算']);
    expect(names.indexOf('A2.1 测量值')).toBe(9 + 46);
    expect(names.slice(-13)).toEqual([
      'A3.1 同级计算',
      '考核表得分（795分制）',
      '评定状态',
      '评定结果',
      '扣除金额',
      '保证金去向',
      '否决项',
      '超出单项分值扣分',
      '超出分值的项目',
      '无效项数',
      '未填项数',
      '自评差异',
      '问题',
    ]);
    expect(names).not.toContain('本机构得分');

    expect(column(roster, '机构编码')).toEqual(['0371001', '0371002', '0371003', '0371004', '0371005', '0371006']);
    expect(column(roster, '机构名称')[2]).toBe('=HYPERLINK("x")');
    expect(column(roster, '公立/民营')).toEqual(['公立', '民营', '公立', '公立', '民营', '公立']);
    expect(column(roster, 'A3.1 测量值')).toEqual([0.05, 0.1, 0.2, null, 0.02, 0.11]);
    expect(column(roster, 'A3.1 同级计算')).toEqual([1, 1, 3, null, 1, 3]);
    expect(column(roster, '最终得分')).toEqual([92.5, 85, 0, 71.3, 78, 95.2]);
    expect(column(roster, '等次')).toEqual(['优', '良', '不合格', null, '合格', '优']);
    expect(column(roster, '评定状态')).toEqual(['最终', '暂评', '最终', '暂不评定', '最终', '最终']);
    expect(column(roster, '评定结果')[1]).toBe('暂评 良（尚有 2 项未填）');
    expect(column(roster, '返还金额')).toEqual([100000, 45000, 0, null, 25600, null]);
    expect(column(roster, '扣除金额')).toEqual([0, 5000, 80000, null, 14400, null]);
    // where each deposit is counted in 汇总统计: the 暂评 row's refund is not settled yet
    expect(column(roster, '保证金去向')).toEqual(['已定', '暂评未确认', '已定', '暂不评定', '已定', null]);
    // the table's own total (795 points) beside the converted final score: what 自评差异 is met with
    expect(column(roster, '考核表得分（795分制）')).toEqual([735.375, 675.75, 0, 566.835, 620.1, 756.84]);
    expect(column(roster, '否决项')).toEqual([null, null, 'C21', null, null, null]);
    expect(column(roster, '未填项数')).toEqual([0, 2, 0, 0, 0, 0]);
    expect(column(roster, '自评差异')).toEqual([null, null, null, null, 2, null]);
    expect(column(roster, '问题')).toEqual([null, null, null, '27.1（A3）填的“高”不是数字', null, '第7行：质量保证金未填，不计返还']);
    // the item scores as the rows give them
    expect(column(roster, 'B1 规章制度')[0]).toBe(40);
  });

  it('styles the roster by column: codes and names as text, money to the fen; header frozen, filters on', () => {
    const { sheets } = planRosterWorkbook(weihaiSmallRoster(), weihai, jilin);
    const roster = sheets[0]!;
    const styleOf = (header: string) => roster.styles[roster.body!.columnStyles[headers(roster).indexOf(header)]!]!;
    expect(styleOf('机构编码').numberFormat).toBe('@');
    expect(styleOf('机构名称').numberFormat).toBe('@');
    // yuan with thousands separators, scores to two decimals, ratios as percents (stored unrounded)
    expect(styleOf('质量保证金').numberFormat).toBe('#,##0.00');
    expect(styleOf('返还金额').numberFormat).toBe('#,##0.00');
    expect(styleOf('最终得分').numberFormat).toBe('0.00');
    expect(styleOf('A2.1 测量值').numberFormat).toBe('0.0%');
    expect(styleOf('A3.1 同级计算').numberFormat).toBe('General');
    expect(roster.freezeRows).toBe(1);
    expect(roster.body!.top).toBe(1);
    expect(roster.autoFilter).toMatch(/^A1:[A-Z]+7$/);
    expect(roster.conditionalFormats.map((format) => format.meaning)).toEqual(['veto', 'invalidInput']);
  });

  it('shows 本机构得分 and the subordinates of 吉林 第十一条 without a grade', () => {
    const { sheets, summary } = planRosterWorkbook(jilinCompositeRoster(), getRubric('cq-jiangbei-2025-hospital'), jilin);
    const roster = sheets[0]!;
    expect(column(roster, '本机构得分')).toEqual([80, null, null]);
    expect(column(roster, '最终得分')).toEqual([80, 70, 90]);
    expect(column(roster, '上级机构编码')).toEqual([null, 'P001', 'P001']);
    expect(column(roster, '等次')).toEqual(['良', null, null]);
    expect(column(roster, '评定状态')).toEqual(['最终', '下属机构', '下属机构']);
    expect(column(roster, '评定结果')[1]).toBe('下属机构，不单独评定');
    expect(column(roster, '保证金去向')).toEqual(['已定', '随上级', '随上级']);
    // 本机构得分 is the table's own total already (江北 and 吉林 both 100 points): no second column for it
    expect(headers(roster).filter((name) => name.startsWith('考核表得分'))).toEqual([]);
    // no peer clause: no 同级分组 sheet; 江北 has no codes, so items are headed by 序号
    expect(sheets.map((sheet) => sheet.name)).toEqual(['汇总名单', '汇总统计', '口径说明', '公示名单']);
    expect(headers(roster)[9]).toMatch(/^1 /);
    expect(summary.subordinates).toMatch(/^B\d+$/);
  });

  it('says every summary figure as a formula over 汇总名单, with a chart of the grades and of the histogram', () => {
    const { sheets, summary, roster } = planRosterWorkbook(weihaiSmallRoster(), weihai, jilin);
    const plan = sheets[1]!;
    const at = (address: string) => {
      const match = /^([A-Z])(\d+)$/.exec(address)!;
      return cellText(plan.grid[Number(match[2]) - 1]![match[1]!.charCodeAt(0) - 65]);
    };
    const grade = roster.range('grade');
    expect(grade).toMatch(/^'汇总名单'!\$[A-Z]+\$2:\$[A-Z]+\$7$/);
    expect(summary.perGrade.map((g) => g.label)).toEqual(['优', '良', '合格', '基本合格', '不合格']);
    expect(at(summary.perGrade[0]!.cell)).toBe(`COUNTIF(${grade},A5)`);
    expect(at(summary.provisional)).toBe(`COUNTIF(${roster.range('status')},"暂评")`);
    expect(at(summary.depositTotal)).toBe(`SUM(${roster.range('deposit')})`);
    expect(at(summary.refundPaid)).toBe(`SUMIFS(${roster.range('refund')},${roster.range('depositState')},"已定")`);
    expect(at(summary.deferred.withheld)).toBe(`SUMIFS(${roster.range('deposit')},${roster.range('depositState')},"暂不评定")`);
    expect(at(summary.moneyCheck)).toBe(`ROUND(${summary.depositTotal}-SUM(${summary.refundPaid}:${summary.subordinateDeposits}),2)`);
    expect(at(summary.vetoes)).toBe(`SUMPRODUCT(--(LEN(${roster.range('veto')})>0))`);
    expect(summary.histogram.map((bin) => bin.lower)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(at(summary.histogram[7]!.cell)).toMatch(/^COUNTIFS\('汇总名单'!.*">="&C\d+,.*"<"&D\d+\)$/);
    const firstBin = Number(summary.histogram[0]!.cell.slice(1));
    expect(plan.charts!.map((chart) => [chart.title, chart.data, chart.kind])).toEqual([
      ['等次分布', 'A4:B9', 'columnClustered'],
      ['最终得分分布（每 10 分一段）', `A${firstBin - 1}:B${firstBin + 9}`, 'columnClustered'],
    ]);
    expect(plan.charts!.map((chart) => [chart.categoryAxisTitle, chart.valueAxisTitle])).toEqual([
      ['等次', '机构数'],
      ['最终得分', '机构数'],
    ]);
  });

  it('gives each peer group its cut points: formulas for equal-width intervals, values otherwise, and says which', () => {
    const { sheets, roster } = planRosterWorkbook(weihaiSmallRoster(), weihai, jilin);
    const plan = sheets[2]!;
    const header = (plan.grid[3] as { value: string }[]).map((cell) => cell.value);
    expect(header.slice(0, 11)).toEqual([
      '条款',
      '序号',
      '考核指标',
      '同级分组',
      '计算',
      '口径',
      '机构数',
      '剔除（低端）',
      '剔除（高端）',
      '分界点1',
      '分界点2',
    ]);
    const rows = plan.grid.slice(4).map((row) => row.map(cellText));
    expect(rows.map((row) => [row[0], row[3], row[4], row[6]])).toEqual([
      ['A2.1', '二级', '低位区间', 3],
      ['A2.1', '三级', '低位区间', 3],
      ['A3.1', '二级', '区间', 3],
      ['A3.1', '三级', '区间', 2],
    ]);
    expect(rows[0]![9]).toBe(0.12);
    expect(rows[0]![11]).toMatch(/^数值/);
    const measures = roster.range('measure:27.1');
    const levels = roster.range('level');
    expect(rows[2]![9]).toBe(
      `_xlfn.MINIFS(${measures},${levels},$D7)+(_xlfn.MAXIFS(${measures},${levels},$D7)-_xlfn.MINIFS(${measures},${levels},$D7))*1/3`,
    );
    expect(rows[2]![11]).toMatch(/^公式/);
    expect(cellText(plan.grid[1]![0])).toMatch(/^口径：等宽区间；两端各剔除 0%/);
  });

  it('counts a row by the status the core gives it, by its grade text where none is given', () => {
    const [first, second, , fourth] = weihaiSmallRoster().institutions;
    expect(rowStatus({ ...first!, status: 'provisional' })).toBe('暂评');
    expect(rowStatus({ ...second!, status: 'final' })).toBe('最终');
    expect(rowStatus({ ...fourth!, status: undefined })).toBe('暂不评定');
    const { status: _status, ...withoutStatus } = second!;
    expect(rowStatus(withoutStatus)).toBe('暂评');
    expect(rowStatus(jilinCompositeRoster().institutions[1]!)).toBe('下属机构');
  });

  it('plans 10,000 institutions as plain rows: one array a row, no cell object a value', () => {
    const { sheets } = planRosterWorkbook(generatedWeihaiRoster(10_000), weihai, jilin);
    const roster = sheets[0]!;
    expect(roster.grid).toHaveLength(1);
    expect(roster.body!.rows).toHaveLength(10_000);
    expect(roster.body!.rows.every((row) => row.every((value) => value === null || typeof value !== 'object'))).toBe(true);
    expect(roster.autoFilter).toMatch(/10001$/);
    // every text a sheet holds fits an Excel cell (32,767 characters): 汇总统计's findings name ten and count the rest
    const longest = Math.max(
      ...sheets.flatMap((sheet) =>
        sheet.grid.flat().map((cell) => (cell && 'value' in cell && typeof cell.value === 'string' ? cell.value.length : 0)),
      ),
    );
    expect(longest).toBeLessThan(32_767);
    const summary = sheets[1]!.grid.flat().map((cell) => (cell && 'value' in cell ? String(cell.value) : ''));
    // 104 vetoes: ten named, the rest counted
    expect(summary.find((text) => text.startsWith('否决项：104 家（'))).toMatch(/（威海市第1医院 C21；(.+；){9}……另 94 家）$/);
  });
});

// 江北 第19项 is for public institutions only: with every fact given and 公立/民营 left out, a row is 暂评 with one
// fact to fill, and 汇总名单's 未填项数 (which 汇总统计's 尚未填写的项数 sums) says 1 beside it, not 0
describe('汇总名单 counts a blank 公立/民营 among the facts to fill', () => {
  it('未填项数 is 1 where 评定结果 says 尚有 1 项未填', () => {
    const jiangbei = getRubric('cq-jiangbei-2025-hospital');
    const filled = everyFactGiven(jiangbei);
    const rows = [
      { 机构编码: 'J1', 机构名称: '甲医院', ...filled, '23.1': 200 },
      { 机构编码: 'J2', 机构名称: '乙医院', ...filled, '23.1': 100 },
    ];
    const roster = planRosterWorkbook(scoreRoster(jiangbei, rosterOf(rows), jilin), jiangbei, jilin).sheets[0]!;
    expect(column(roster, '评定结果').map((text) => String(text).replace(/^暂评 [^（]+/, '暂评'))).toEqual([
      '暂评（尚有 1 项未填）',
      '暂评（尚有 1 项未填）',
    ]);
    expect(column(roster, '未填项数')).toEqual([1, 1]);
  });
});
