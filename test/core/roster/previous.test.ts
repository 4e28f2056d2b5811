// Last year's roster read by 机构编码 (src/core/roster/previous.ts): a result workbook's 最终得分, 等次 and
// “A6.1 测量值”; a plain roster scored by the caller; a repeated code and a missing 机构编码 column said so.
import { describe, expect, it } from 'vitest';
import { getPolicy, getRubric, readPreviousYear, scoreRoster } from '../../../src/core';
import { rosterTable } from './rosterTable';

const rubric = getRubric('weihai-2021-hospital-l2');
const noScoring = () => {
  throw new Error('a file with 最终得分 is not scored');
};

describe('readPreviousYear', () => {
  it('takes a result workbook’s 最终得分, 等次 and measures (A6.1 测量值 is 30.1), first of a repeated code', () => {
    const table = rosterTable(
      ['机构编码', '机构名称', 'A6 检查、化验…', 'A6.1 测量值', 'A6.1 同级计算', '最终得分', '等次', '25.1'],
      [
        ['W1', '甲', 8, 0.25, 0.05, 85.5, '良', 0.9],
        ['W1', '甲（重复）', 8, 0.3, 0.1, 70, '合格', 0.8],
        [' W2 ', '乙', 10, '', '', 91, '优', 0.7],
      ],
    );
    const previous = readPreviousYear(rubric, table, noScoring);
    expect(previous.scored).toBe(false);
    expect([...previous.rows.keys()]).toEqual(['W1', 'W2']);
    const w1 = previous.rows.get('W1')!;
    expect([w1.total?.toNumber(), w1.grade, w1.measures.get('30.1')]).toEqual([85.5, '良', 0.25]);
    // of the facts, only the measures a year comparison reads (30.2 is 30.1 this year − last year) are kept
    expect([...w1.measures.keys()]).toEqual(['30.1']);
    expect(previous.rows.get('W2')!.measures.has('30.1')).toBe(false);
    expect(previous.problems.map((p) => p.message)).toEqual(['上年名单“名册.xlsx”中机构编码“W1”重复（A3）：按第一次出现的一行对照']);
  });

  it('a row compared with last year is handed on as soon as it is scored, marked; under 名单规则 once all are', () => {
    const policy = getPolicy('jilin-2025');
    const last = readPreviousYear(
      rubric,
      rosterTable(
        ['机构编码', '机构名称', '最终得分', '等次'],
        [
          ['W1', '甲', 80, '良'],
          ['W2', '乙', 95, '优'],
        ],
      ),
      noScoring,
    );
    const rows = rosterTable(
      ['机构编码', '机构名称', '30.1'],
      [
        ['W1', '甲', 0.25],
        ['W2', '乙', 0.3],
        ['W3', '丙', 0.2],
      ],
    );
    const events: string[] = [];
    const result = scoreRoster(rubric, rows, policy, {
      convert: true,
      previous: last,
      onRow: (done) => events.push(`scored ${done}`),
      onScored: (row, index) => {
        events.push(`handed on ${index}${row.previous ? ` (上年 ${row.previous.total?.toNumber()} ${row.previous.grade})` : ''}`);
      },
    });
    expect(events).toEqual(['handed on 0 (上年 80 良)', 'scored 1', 'handed on 1 (上年 95 优)', 'scored 2', 'handed on 2', 'scored 3']);
    expect(result.previousYear!.newcomers).toEqual([{ code: 'W3', name: '丙' }]);
    expect(result.institutions.map((row) => row.previous?.total?.toNumber())).toEqual([80, 95, undefined]);
  });

  it('scores a plain roster through the caller, and refuses a file without 机构编码', () => {
    const table = rosterTable(['机构编码', '机构名称', '30.1'], [['W1', '甲', 0.25]]);
    const policy = getPolicy('jilin-2025');
    const previous = readPreviousYear(rubric, table, (t) => scoreRoster(rubric, t, policy, { convert: true }).institutions);
    expect(previous.scored).toBe(true);
    expect(previous.rows.get('W1')!.grade).toBe('良');
    const none = readPreviousYear(rubric, rosterTable(['编码', '名称'], [['W1', '甲']]), noScoring);
    expect(none.rows.size).toBe(0);
    expect(none.problems[0]!.message).toBe('上年名单“名册.xlsx”没有“机构编码”列，无法与今年对照');
  });
});
