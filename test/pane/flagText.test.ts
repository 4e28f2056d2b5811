// 检查 says a flag's kind once: the badge names it, the text goes on without the opening that restates it.
import { describe, expect, it } from 'vitest';
import { flagBody } from '../../src/taskpane/flagText';

describe('flagBody', () => {
  it('drops the opening that only restates the kind, in Chinese and English', () => {
    expect(flagBody('veto', '否决项：第15项“定点医药机构接入智能监管系统”——未接入智能监管系统（15.1）。存在否决项得分为0分')).toBe(
      '第15项“定点医药机构接入智能监管系统”——未接入智能监管系统（15.1）。存在否决项得分为0分',
    );
    expect(flagBody('veto', 'Veto: item 15 (15.1).')).toBe('item 15 (15.1).');
    expect(flagBody('missingInput', '未填写：20.1 药品网采率（第20项）')).toBe('20.1 药品网采率（第20项）');
    expect(flagBody('valueOverFormula', '公式被数值覆盖：总分的 K40 应为公式 =SUM(K12:K35)，现为“90”')).toBe(
      '总分的 K40 应为公式 =SUM(K12:K35)，现为“90”',
    );
    expect(flagBody('formulaChanged', 'Formula no longer matches the rubric: K40 (total) should be =SUM(K12:K35), is =90')).toBe(
      'K40 (total) should be =SUM(K12:K35), is =90',
    );
  });

  it('keeps an opening that says more than the kind, and another kind’s opening', () => {
    expect(flagBody('selfScoreDiffers', '自评得分不是数：第4项填写的是“五”')).toBe('自评得分不是数：第4项填写的是“五”');
    expect(flagBody('overCap', '否决项：第15项')).toBe('否决项：第15项');
  });
});
