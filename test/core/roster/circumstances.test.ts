// A roster's 扣减情形 column (seam rosterCircumstances of the generated features × faces test): a row with
// 挂牌督办 has the policy's further share withheld, as `mib score --circumstance` has it; a name the policy
// does not have is that row's problem, naming the cell, never ignored.
import { describe, expect, it } from 'vitest';
import { getPolicy, getRubric, type Policy, scoreRoster } from '../../../src/core';
import { jiangbeiRow } from '../../support/jiangbeiRows';
import { rosterOf } from './rosterTable';

const jiangbei = getRubric('cq-jiangbei-2025-hospital');
/** 吉林 with a circumstance as 河北's notices print it: "被挂牌督办的，再扣除10%" */
const policy: Policy = {
  ...getPolicy('jilin-2025'),
  extraWithholding: [{ name: '挂牌督办', ratio: 0.1, text: '被挂牌督办的，再扣除10%' }],
};

describe('a roster’s 扣减情形', () => {
  it('withholds the further share from the row that names it, and only from it', () => {
    // 97 − 10 − 2 = 85: 良, 1 − 5 × 2% = 90% back; with 挂牌督办 80%
    const rows = [
      jiangbeiRow('A', '', { '1.1': '否', 质量保证金: 100000, '18.1': 0, '6.1': 2, 扣减情形: '挂牌督办' }),
      jiangbeiRow('B', '', { '1.1': '否', 质量保证金: 100000, '18.1': 0, '6.1': 2, 扣减情形: '' }),
    ];
    const { institutions, problems } = scoreRoster(jiangbei, rosterOf(rows), policy, { complete: true });
    expect(problems).toEqual([]);
    expect(institutions.map((r) => r.refund?.toFixed(2))).toEqual(['80000.00', '90000.00']);
  });

  it('a name the policy does not have is the row’s problem, naming its cell; the other rows are scored', () => {
    const rows = [
      jiangbeiRow('A', '', { '1.1': '否', 质量保证金: 100000, 扣减情形: '约谈' }),
      jiangbeiRow('B', '', { '1.1': '否', 质量保证金: 100000 }),
    ];
    const { institutions } = scoreRoster(jiangbei, rosterOf(rows), policy, { complete: true });
    expect(institutions[0]!.problems.map((p) => p.message).join('')).toMatch(/扣减情形应为政策规定的：挂牌督办.*收到的是 “约谈”/);
    expect(institutions[1]!.problems).toEqual([]);
    expect(institutions[1]!.refund?.toFixed(2)).toBe('100000.00');
  });
});
