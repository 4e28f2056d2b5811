// MIB.GRADE and MIB.REFUND: the grade and the deposit refund of a score under a policy, as a cell
// formula passes them (numbers or numeric text; the optional 降档 arrives as null).
import { describe, expect, it } from 'vitest';
import { policyIds } from '../../src/core';
import { FunctionFailure } from '../../src/functions/failure';
import { gradeLabel, refundAmount } from '../../src/functions/grade';

function message(outcome: unknown): string {
  expect(outcome).toBeInstanceOf(FunctionFailure);
  return (outcome as FunctionFailure).message;
}

describe('MIB.GRADE', () => {
  it('吉林: 优/良/合格/基本合格/不合格 at 90/80/70/60', () => {
    expect([95, 90, 89.99, 80, 79.5, 70, 60, 59.99, 0].map((s) => gradeLabel(s, 'jilin-2025'))).toEqual([
      '优',
      '优',
      '良',
      '良',
      '合格',
      '合格',
      '基本合格',
      '不合格',
      '不合格',
    ]);
  });

  it('江北: 60 and above 合格, below 不合格 (a vetoed total of 0 is 不合格)', () => {
    expect(gradeLabel(60, 'cq-jiangbei-2025')).toBe('合格');
    expect(gradeLabel(59.5, 'cq-jiangbei-2025')).toBe('不合格');
    expect(gradeLabel(0, 'cq-jiangbei-2025')).toBe('不合格');
  });

  it('宁德: 优秀/良好/合格/不合格 at 95/85/70', () => {
    expect([95, 85, 70, 69].map((s) => gradeLabel(s, 'ningde-2025-hospital'))).toEqual(['优秀', '良好', '合格', '不合格']);
  });

  it('吉林 降档: 1 grade for a provincial notice, 2 for a national one; blank or 0 keeps the grade', () => {
    expect(gradeLabel(85, 'jilin-2025', { downgrade: 1 })).toBe('合格');
    expect(gradeLabel(85, 'jilin-2025', { downgrade: 2 })).toBe('基本合格');
    expect(gradeLabel(85, 'jilin-2025', { downgrade: '' })).toBe('良');
    expect(gradeLabel(85, 'jilin-2025', { downgrade: 0 })).toBe('良');
  });

  it('a score as numeric text', () => {
    expect(gradeLabel('85', 'jilin-2025')).toBe('良');
  });

  it('bad arguments: Chinese messages', () => {
    expect(message(gradeLabel('八十五', 'jilin-2025'))).toBe('得分应为数，收到的是 “八十五”');
    expect(message(gradeLabel(true, 'jilin-2025'))).toBe('得分应为数，收到的是 TRUE');
    expect(message(gradeLabel(-1, 'jilin-2025'))).toContain('得分不能小于 0');
    expect(message(gradeLabel(null, 'jilin-2025'))).toContain('缺少得分');
    expect(message(gradeLabel(85, 'jilin-2025', { downgrade: 1.5 }))).toContain('降档数应为不小于 0 的整数');
    expect(message(gradeLabel(85, 'jilin-2025', { downgrade: 3 }))).toContain('最多降2档');
    expect(message(gradeLabel(85, 'cq-jiangbei-2025', { downgrade: 1 }))).toContain('没有降档规定');
  });

  it('an unknown policy names the valid ones', () => {
    const text = message(gradeLabel(85, 'jilin'));
    expect(text).toContain('未知的政策编号“jilin”');
    for (const id of policyIds) expect(text).toContain(id);
  });
});

// A score cell holds a double. Excel shows =0.7*64.6+0.3*82.6 as 70 and compares it at 15 significant
// digits; the functions read it the same way. Each boundary is reached by real arithmetic that lands one
// binary step under it.
describe('MIB.GRADE reads a number cell at 15 significant digits', () => {
  it('=0.7*64.6+0.3*82.6 (the double 69.99999999999999) is 合格 under 吉林, as Excel shows 70', () => {
    const score = 0.7 * 64.6 + 0.3 * 82.6;
    expect(score).toBeLessThan(70);
    expect(gradeLabel(score, 'jilin-2025')).toBe('合格');
  });

  it('its neighbours: 69.9999999999 is below 70, 70 and 70.0000000001 are not', () => {
    expect(gradeLabel(69.9999999999, 'jilin-2025')).toBe('基本合格');
    expect(gradeLabel(70, 'jilin-2025')).toBe('合格');
    expect(gradeLabel(70.0000000001, 'jilin-2025')).toBe('合格');
  });

  it('text typed by hand is decimal and is not rounded', () => {
    expect(gradeLabel('69.99999999999999', 'jilin-2025')).toBe('基本合格');
  });

  // [policy, boundary, a double just under it by binary noise, the grade at the boundary]
  const boundaries: [string, number, number, string][] = [
    ['jilin-2025', 90, 0.3 * 3 * 100, '优'], // 89.99999999999999
    ['jilin-2025', 80, 0.7 * 64.6 + 0.3 * 82.6 + 10, '良'], // 79.99999999999999
    ['jilin-2025', 70, 0.7 * 64.6 + 0.3 * 82.6, '合格'],
    ['jilin-2025', 60, 0.7 * 64.6 + 0.3 * 82.6 - 10, '基本合格'], // 59.99999999999999
    ['ningde-2025-hospital', 95, (0.95 * 3 * 100) / 3, '优秀'],
    ['ningde-2025-hospital', 85, (0.85 * 3 * 100) / 3, '良好'],
    ['ningde-2025-hospital', 70, 0.7 * 64.6 + 0.3 * 82.6, '合格'],
    ['ningde-2025-pharmacy', 70, 0.7 * 64.6 + 0.3 * 82.6, '合格'],
    ['cq-jiangbei-2025', 60, 0.7 * 64.6 + 0.3 * 82.6 - 10, '合格'],
  ];
  it.each(boundaries)('%s %d: %d is graded as the boundary', (policy, boundary, score, label) => {
    expect(score).toBeLessThan(boundary);
    expect(Number(score.toPrecision(15))).toBe(boundary);
    expect(gradeLabel(score, policy)).toBe(label);
  });
});

describe('MIB.REFUND', () => {
  it('a score one binary step under a boundary is refunded as the boundary: 吉林 89.99999999999999 → 优, all', () => {
    expect(refundAmount(0.3 * 3 * 100, 10000, 'jilin-2025')).toBe(10000);
    // 69.99999999999999 → 合格 at 70: 1 − 20×2.5% = 50%, not 基本合格's 1 − 20×3% = 40%
    expect(refundAmount(0.7 * 64.6 + 0.3 * 82.6, 10000, 'jilin-2025')).toBe(5000);
  });

  it('deposits up to 10¹² are exact to the fen, half a fen rounding up', () => {
    // 85.34 → 1 − 4.66×2% = 90.68%; 999999999999.99 × 90.68% = 906799999999.990932 → .99
    expect(refundAmount(85.34, 999999999999.99, 'jilin-2025')).toBe(906799999999.99);
    // 85.33 → 90.66%; 10000.50 × 90.66% = 9066.4533 → 9066.45
    expect(refundAmount(85.33, 10000.5, 'jilin-2025')).toBe(9066.45);
    // 85 − 1.25 = 83.75 → 1 − 1.25×4% = 95%; 10.1 × 95% = 9.595 → 9.60 (a double 9.594999… would give 9.59)
    expect(refundAmount(83.75, 10.1, 'ningde-2025-hospital')).toBe(9.6);
    expect(10.1 * 0.95).toBeLessThan(9.595);
  });

  it('a deposit of 10¹³ yuan or more, or of more than 15 digits, is refused, as number or text; below, exact', () => {
    // Excel stores 90071992547409.93 typed in a number cell as 90071992547409.9
    // eslint-disable-next-line no-loss-of-precision -- on purpose: the amount as a number cell holds it
    expect(message(refundAmount(80, 90071992547409.93, 'jilin-2025'))).toContain('质量保证金金额须小于 10000000000000 元');
    expect(message(refundAmount(80, '90071992547409.93', 'jilin-2025'))).toContain('质量保证金金额须小于 10000000000000 元');
    expect(message(refundAmount(80, '1234567890123456789012345678901234567890.12', 'jilin-2025'))).toContain('须小于');
    expect(message(refundAmount(80, '12345.678901234567', 'jilin-2025'))).toContain('有效数字不能超过 15 位');
    expect(refundAmount(80, '9007199254740.93', 'jilin-2025')).toBe(7205759403792.74);
  });

  it('吉林 第十二条: 85 → 良, 1 − 5×2% = 90% of 10000', () => {
    expect(refundAmount(85, 10000, 'jilin-2025')).toBe(9000);
  });

  it('吉林: 优 returns all, 不合格 none, fractional points count (84.5 → 89%)', () => {
    expect(refundAmount(92, 10000, 'jilin-2025')).toBe(10000);
    expect(refundAmount(55, 10000, 'jilin-2025')).toBe(0);
    expect(refundAmount(84.5, 10000, 'jilin-2025')).toBe(8900);
  });

  it('吉林 降档 moves the refund tier too: 85 down one grade is 合格, 1 − 5×2.5% = 87.5%', () => {
    expect(refundAmount(85, 10000, 'jilin-2025', { downgrade: 1 })).toBe(8750);
  });

  it('宁德: base 85, 4% per point below, nothing under 70', () => {
    expect(refundAmount(80, 10000, 'ningde-2025-hospital')).toBe(8000);
    expect(refundAmount(90, 10000, 'ningde-2025-hospital')).toBe(10000);
    expect(refundAmount(69, 10000, 'ningde-2025-hospital')).toBe(0);
  });

  it('rounds half-up to the fen', () => {
    // 10000.25 × 90% = 9000.225 → 9000.23 (half-even would give 9000.22)
    expect(refundAmount(85, 10000.25, 'jilin-2025')).toBe(9000.23);
    // 81.3 → 良: 1 − 8.7×2% = 82.6%; 12345.67 × 82.6% = 10197.523… → 10197.52
    expect(refundAmount(81.3, 12345.67, 'jilin-2025')).toBe(10197.52);
  });

  it('a policy without a refund rule says so', () => {
    expect(message(refundAmount(85, 10000, 'cq-jiangbei-2025'))).toContain('未规定质量保证金返还');
  });

  it('bad deposits', () => {
    expect(message(refundAmount(85, -1, 'jilin-2025'))).toContain('质量保证金金额不能小于 0');
    expect(message(refundAmount(85, '一万', 'jilin-2025'))).toBe('质量保证金金额应为数，收到的是 “一万”');
    expect(refundAmount(85, '10,000', 'jilin-2025')).toBe(9000);
  });
});

describe('MIB.GRADE and MIB.REFUND take what `mib` takes (issue: the functions say what the command line says)', () => {
  it('一票否决: 吉林 "考核一票否决" fails a score of 95; 江北 "存在否决项得分为0" grades 0', () => {
    expect(gradeLabel(95, 'jilin-2025', { veto: true })).toBe('不合格');
    expect(gradeLabel(95, 'jilin-2025', { veto: '是' })).toBe('不合格');
    expect(gradeLabel(95, 'jilin-2025', { veto: false })).toBe('优');
    expect(refundAmount(95, 10000, 'jilin-2025', { veto: true })).toBe(0); // 不合格: 扣除全部质量保证金
    expect(message(gradeLabel(95, 'jilin-2025', { veto: 'maybe' }))).toContain('一票否决参数应为 TRUE/FALSE');
  });

  it('吉林 第十三–十五条 and 宁德 准入不满一年 as special cases', () => {
    // 第十五条: 申请终止有违规 → "合格"最低比例 1 − 20×2.5% = 50%
    expect(refundAmount(95, 10000, 'jilin-2025', { specialCase: '申请终止有违规' })).toBe(5000);
    expect(refundAmount(95, 10000, 'jilin-2025', { specialCase: 'requestedTerminationClean' })).toBe(10000);
    expect(refundAmount(95, 10000, 'jilin-2025', { specialCase: '解除协议' })).toBe(0); // 第十四条
    expect(refundAmount(95, 10000, 'jilin-2025', { specialCase: '履约不满6个月' })).toBe('本年度不返还，纳入下一年度考核后一并返还');
    expect(gradeLabel(95, 'jilin-2025', { specialCase: '履约不满6个月' })).toBe('履约不满6个月，纳入下一年度考核');
    expect(gradeLabel(95, 'ningde-2025-hospital', { specialCase: '准入不满一年' })).toBe('定点不满一年，不纳入当年度考核');
    expect(message(gradeLabel(95, 'jilin-2025', { specialCase: '准入不满一年' }))).toContain('没有规定这种情形');
    expect(message(gradeLabel(95, 'jilin-2025', { specialCase: '其他' }))).toContain('特殊情形应为以下之一');
  });

  it('refund options: 84.5 under 吉林 counts 5.5 points below 90 by default, 5 (whole) or 6 (started)', () => {
    expect(refundAmount(84.5, 10000, 'jilin-2025')).toBe(8900); // 1 − 5.5×2% = 89%
    expect(refundAmount(84.5, 10000, 'jilin-2025', { fractionalPoints: 'whole' })).toBe(9000);
    expect(refundAmount(84.5, 10000, 'jilin-2025', { fractionalPoints: 'started' })).toBe(8800);
    expect(message(refundAmount(84.5, 10000, 'jilin-2025', { fractionalPoints: 'half' }))).toContain('proportional、whole、started');
    // 降档 from 良 to 合格: by default the refund follows the grade (2.5% a point), with score it stays at 2%
    expect(refundAmount(85, 10000, 'jilin-2025', { downgrade: 1 })).toBe(8750);
    expect(refundAmount(85, 10000, 'jilin-2025', { downgrade: 1, downgradeRefund: 'score' })).toBe(9000);
  });

  it('scale: a 威海 score of 650 is refused by a 百分制 policy unless its table is named, then converted', () => {
    expect(message(gradeLabel(650, 'jilin-2025'))).toContain('不在政策“吉林省医疗保障定点医药机构考核暂行办法”的分制内');
    // 650 × 100 / 795 = 81.76 → 良 (not 优, as 650 against 90 would read)
    expect(gradeLabel(650, 'jilin-2025', { scale: 'weihai-2021-hospital-l2' })).toBe('良');
    expect(gradeLabel(650, 'jilin-2025', { scale: 795 })).toBe('良');
    expect(refundAmount(650, 100000, 'jilin-2025', { scale: 795 })).toBe(83520);
    expect(gradeLabel(85, 'jilin-2025', { scale: 'cq-jiangbei-2025-hospital' })).toBe('良'); // same scale: no conversion
    expect(message(gradeLabel(650, 'jilin-2025', { scale: 'abc' }))).toContain('分制参数应为考核表编号');
  });

  it('暂不评定 while facts are invalid, 暂评 while facts are missing', () => {
    expect(gradeLabel(85, 'jilin-2025', { invalid: 2, missing: 3 })).toBe('暂不评定（2 项无效）');
    expect(refundAmount(85, 10000, 'jilin-2025', { invalid: 2 })).toBe('暂不评定（2 项无效）');
    expect(gradeLabel(85, 'jilin-2025', { missing: 3 })).toBe('暂评 良（尚有 3 项未填）');
    expect(gradeLabel(85, 'jilin-2025', { missing: 0 })).toBe('良');
    expect(refundAmount(85, 10000, 'jilin-2025', { missing: 3 })).toBe(9000);
    expect(message(gradeLabel(85, 'jilin-2025', { missing: -1 }))).toContain('未填项数');
  });
});
