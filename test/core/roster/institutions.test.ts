import { describe, expect, it } from 'vitest';
import { getPolicy, getRubric, readInstitutions, scoreRoster } from '../../../src/core';
import { rosterOf, rosterTable } from './rosterTable';

const jiangbei = getRubric('cq-jiangbei-2025-hospital');
const jilin = getPolicy('jilin-2025');

describe('readInstitutions', () => {
  it('reads the institution fields under each accepted name, and the facts by input id or code alias', () => {
    const table = rosterTable(
      ['机构编码', '机构名称', '医院级别', '机构性质', '质量保证金', '降档', '考核之外的情形', '自评得分', ' 6.1 '],
      [['H001', '甲医院', '二级', '民营', '10,000', 1, '', '95', 2]],
    );
    const read = readInstitutions(jiangbei, table, jilin);
    expect(read.problems).toEqual([]);
    const [inst] = read.institutions;
    expect(inst).toMatchObject({ code: 'H001', name: '甲医院', level: '二级', ownership: 'private', downgrade: 1, row: 0 });
    expect(inst!.deposit!.toString()).toBe('10000');
    expect(inst!.selfScore!.toString()).toBe('95');
    expect(inst!.facts).toEqual({ '6.1': 2 });
  });

  it('a code alias names the input (威海 A3 for 27.1)', () => {
    const read = readInstitutions(getRubric('weihai-2021-hospital-l2'), rosterTable(['机构编码', '机构名称', 'a3.1'], [['W1', '甲', '5%']]));
    expect(read.problems).toEqual([]);
    expect(read.institutions[0]!.facts).toEqual({ '27.1': '5%' });
  });

  it('an unknown column is named by its header cell and not read; a column given twice is read once', () => {
    const read = readInstitutions(jiangbei, rosterTable(['机构编码', '机构名称', '99.9', '6.1', '6.1'], [['H1', '甲', 1, 2, 3]]));
    expect(read.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^C1 的列名“99\.9”既不是机构信息.*也不是.*的输入编号/),
      expect.stringMatching(/^E1 与 D1 是同一列（6\.1）/),
    ]);
    expect(read.institutions[0]!.facts).toEqual({ '6.1': 2 });
  });

  it('a missing header and an empty table each say so', () => {
    const noName = readInstitutions(jiangbei, rosterTable(['机构编码', '6.1'], [['H1', 1]]));
    expect(noName.problems.map((p) => p.message)).toEqual([expect.stringContaining('缺少“机构名称”列')]);
    expect(noName.institutions).toEqual([]);
    const empty = readInstitutions(jiangbei, rosterTable(['机构编码', '机构名称'], []));
    expect(empty.problems.map((p) => p.message)).toEqual([expect.stringContaining('名册没有数据行')]);
  });

  it('a duplicate 机构编码 flags both rows; a blank code or name flags its cell', () => {
    const read = readInstitutions(
      jiangbei,
      rosterOf([
        { 机构编码: 'H1', 机构名称: '甲' },
        { 机构编码: '', 机构名称: '乙' },
        { 机构编码: 'H1', 机构名称: ' ' },
        { 机构编码: 'H5', 机构名称: null },
      ]),
    );
    expect(read.problems.map((p) => p.message)).toEqual(['机构编码“H1”重复出现在 A2、A4：每家机构只能占一行']);
    expect(read.rowProblems.get(0)!.map((p) => p.message)).toEqual(['机构编码“H1”重复出现在 A2、A4：每家机构只能占一行']);
    // the message says the cell is blank, and echoes nothing after it (a null cell was echoed "收到的是 null")
    expect(read.rowProblems.get(1)!.map((p) => p.message)).toEqual(['A3：机构编码不能为空']);
    expect(read.rowProblems.get(2)!.map((p) => p.message)).toEqual(['B4：机构名称不能为空', expect.stringContaining('重复')]);
    expect(read.rowProblems.get(3)!.map((p) => p.message)).toEqual(['B5：机构名称不能为空']);
  });

  it('a bad deposit, 降档, 性质 or 情形 flags that row by its cell; the other rows are scored', () => {
    const roster = rosterOf([
      { 机构编码: 'H1', 机构名称: '甲', 质量保证金: -5, 降档: 1.5, '公立/民营': '国营', 情形: '停业' },
      { 机构编码: 'H2', 机构名称: '乙', 质量保证金: 10000, 降档: 3, '6.1': 1 },
      { 机构编码: 'H3', 机构名称: '丙', 质量保证金: 10000, 降档: 2, '6.1': 1 },
    ]);
    const result = scoreRoster(jiangbei, roster, jilin);
    const [h1, h2, h3] = result.institutions;
    expect(h1!.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^E2：公立\/民营应填“公立”或“民营”，收到的是 “国营”/),
      expect.stringMatching(/^C2：质量保证金应为不小于 0 的金额（元），收到的是 -5/),
      expect.stringMatching(/^D2：降档应为 0 或正整数，收到的是 1\.5/),
      expect.stringMatching(/^F2：情形应为以下之一：/),
    ]);
    expect(h2!.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^D3：政策“吉林省医疗保障定点医药机构考核暂行办法”最多降2档/)]);
    expect(h3!.problems).toEqual([]);
    expect(h3!.refund).toBeDefined();
    // the flagged rows are still scored: their facts count
    expect(h2!.total.toNumber()).toBe(h3!.total.toNumber());
    expect(result.summary.rowsWithProblems).toBe(2);
  });
});

// a long code of digits that Excel took for a number: from a CSV as shown in a General column, or a number cell
describe('a roster flags a 机构编码 that Excel turned into a number and cut', () => {
  it('"3.71002E+14" and a number of 16 or more digits are flagged, naming the cell; a code of 15 digits or with a letter is not', () => {
    const codes = ['3.71002E+14', 371002000012345000, 371002000012345, '371002000012345678', 'H37100200001', '1E3'];
    const read = readInstitutions(jiangbei, rosterOf(codes.map((code, i) => ({ 机构编码: code, 机构名称: `院${i}` }))), jilin);
    expect(read.rowProblems.get(0)!.map((p) => p.message)).toEqual([
      'A2：机构编码“3.71002E+14”是科学计数法，原编码的后几位已丢失（长数字编码在 Excel 的“常规”格式下这样显示，另存为 CSV 时照样写出）；请把该列设为“文本”格式后重新填写编码',
    ]);
    expect(read.rowProblems.get(1)!.map((p) => p.message)).toEqual([
      'A3：机构编码 371002000012345000 是超过 15 位的数字：Excel 只保留 15 位有效数字，后几位已变成 0；请把该列设为“文本”格式后重新填写编码',
    ]);
    // 15 digits are kept whole by Excel; 18 digits as text are what was typed; a letter, or "1E3", are codes
    for (const row of [2, 3, 4, 5]) expect(read.rowProblems.get(row)).toBeUndefined();
    // the flagged rows are still read (and scored), under the code as it stands
    expect(read.institutions.map((inst) => inst.code).slice(0, 2)).toEqual(['3.71002E+14', '371002000012345000']);
  });
});

// a deposit as Excel saves a currency cell into a CSV (as shown) or as a clerk writes money
describe('a roster reads a deposit written as money', () => {
  it('"¥50,000.00", "￥ 50000", "50,000.00元" are 50000; a minus sign, a lone ¥ or 元 twice are refused', () => {
    const deposits = ['¥50,000.00', '￥ 50000', '50,000.00元', ' ¥12,345.67 ', '-¥5', '¥', '5元元', '$50'];
    const read = readInstitutions(jiangbei, rosterOf(deposits.map((d, i) => ({ 机构编码: `H${i}`, 机构名称: `院${i}`, 质量保证金: d }))), jilin);
    expect(read.institutions.map((inst) => inst.deposit?.toFixed(2))).toEqual([
      '50000.00',
      '50000.00',
      '50000.00',
      '12345.67',
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect([4, 5, 6, 7].map((row) => read.rowProblems.get(row)?.[0]?.message)).toEqual([
      'C6：质量保证金应为不小于 0 的金额（元），收到的是 “-¥5”',
      'C7：质量保证金应为不小于 0 的金额（元），收到的是 “¥”',
      'C8：质量保证金应为不小于 0 的金额（元），收到的是 “5元元”',
      'C9：质量保证金应为不小于 0 的金额（元），收到的是 “$50”',
    ]);
  });
});

// issue 19: numbers outside what can be held exactly are refused in a roster, each naming its cell
describe('a roster refuses numbers it cannot hold exactly', () => {
  it('a deposit of 10¹³ yuan or 40 digits flags its row, naming the cell; a count above 2^53 − 1 is an invalid fact', () => {
    const table = rosterOf([
      { 机构编码: 'H1', 机构名称: '甲', 质量保证金: '1234567890123456789012345678901234567890.12', '6.1': 1 },
      { 机构编码: 'H2', 机构名称: '乙', 质量保证金: 1e13, '6.1': 1 },
      { 机构编码: 'H3', 机构名称: '丙', 质量保证金: '9999999999999.99', '4.2': 2 ** 53 },
    ]);
    const read = readInstitutions(jiangbei, table, jilin);
    expect(read.rowProblems.get(0)!.map((p) => p.message)).toEqual([expect.stringMatching(/^C2：质量保证金须小于 10000000000000 元（10¹³ 元）/)]);
    expect(read.rowProblems.get(1)!.map((p) => p.message)).toEqual([expect.stringMatching(/^C3：质量保证金须小于 10000000000000 元/)]);
    expect(read.institutions[0]!.deposit).toBeUndefined();
    expect(read.institutions[2]!.deposit!.toFixed(2)).toBe('9999999999999.99');
    const scored = scoreRoster(jiangbei, table, jilin);
    expect(scored.institutions[2]!.invalid.map((p) => p.message)).toEqual([
      expect.stringContaining('不能大于 9007199254740991，收到的是 9007199254740992'),
    ]);
  });
});
