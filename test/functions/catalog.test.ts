// MIB.RUBRICS, MIB.POLICIES and MIB.INPUTS: what a sheet needs to know to call the other functions.
// Written against rubricIds/policyIds, so rubrics added to the registry are covered as they arrive.
import { describe, expect, it } from 'vitest';
import { evaluate, getRubric, inputIndex, policyIds, rubricIds } from '../../src/core';
import { expectedValue, inputTable, policyTable, rubricTable } from '../../src/functions/catalog';
import { FunctionFailure } from '../../src/functions/failure';
import type { Table } from '../../src/functions/flags';
import { scoreTotal } from '../../src/functions/score';
import { JIANGBEI } from './excelArgs';

const table = (outcome: unknown): Table => {
  expect(outcome).not.toBeInstanceOf(FunctionFailure);
  return outcome as Table;
};

describe('MIB.RUBRICS and MIB.POLICIES', () => {
  it('one row per bundled rubric, under a heading', () => {
    const rows = table(rubricTable());
    expect(rows[0]).toEqual(['编号', '考核表', '地区', '年度', '机构类型', '满分', '文号']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(rubricIds);
    expect(rows.find((r) => r[0] === JIANGBEI)).toEqual([
      JIANGBEI,
      '2025年定点医疗机构协议签订考核表',
      '重庆市江北区',
      2025,
      '定点医疗机构',
      100,
      '江医保中心发〔2024〕16号',
    ]);
  });

  it('one row per bundled policy, saying whether it refunds and how it composes', () => {
    const rows = table(policyTable());
    expect(rows.slice(1).map((r) => r[0])).toEqual(policyIds);
    const jilin = rows.find((r) => r[0] === 'jilin-2025');
    expect(jilin?.slice(4, 7)).toEqual(['优/良/合格/基本合格/不合格', '有', '本机构 70% + 下属平均 30%']);
    expect(rows.find((r) => r[0] === 'cq-jiangbei-2025')?.[5]).toBe('无');
  });
});

describe('MIB.INPUTS', () => {
  it('every input of the 江北 table in order, with what it expects', () => {
    const rows = table(inputTable(JIANGBEI));
    expect(rows[0]).toEqual(['编号', '代码编号', '项目', '考核指标', '事实', '取值', '不填时']);
    expect(rows.slice(1).map((r) => r[0])).toEqual([...inputIndex(getRubric(JIANGBEI)).byId.keys()]);
    expect(rows.find((r) => r[0] === '18.1')?.slice(2)).toEqual([
      '18',
      '医保码就医购药应用',
      '医保码结算笔数占总结算笔数的比例',
      '比例：0% 到 100%（45% 填 45% 或 0.45）',
      '不填视为未达到，扣10分',
    ]);
    expect(rows.find((r) => r[0] === '1.1')?.slice(5)).toEqual(['是/否（TRUE/FALSE、1/0 亦可）', '不填视为未发现，不否决']);
    expect(rows.find((r) => r[0] === '23.1')?.[6]).toBe('不填视为未达到，不得3分');
  });

  it('every input type has a Chinese description of its value', () => {
    for (const id of rubricIds) {
      for (const { spec } of inputIndex(getRubric(id)).byId.values()) expect(expectedValue(spec)).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it.each(rubricIds)('%s: the ids MIB.INPUTS spills, left blank, score as the core scores no facts', (id) => {
    const rows = table(inputTable(id));
    const ids = rows.slice(1).map((r) => [r[0] as string]);
    expect(
      scoreTotal(
        id,
        ids,
        ids.map(() => [null]),
      ),
    ).toBe(evaluate(getRubric(id), {}).total.toNumber());
  });

  it('an unknown rubric', () => {
    expect((inputTable('x') as FunctionFailure).message).toContain('未知的考核表编号');
  });
});
