import { describe, expect, it } from 'vitest';
import { compositeScore, getPolicy, gradeOf, MibError, refundOf, specialRefund } from '../../../src/core';

const jilin = getPolicy('jilin-2025');
const grade = (score: number, downgrade?: number, veto?: boolean) => gradeOf(jilin, score, { downgrade, veto }).label;
const refund = (score: number, deposit: number, options = {}) => refundOf(jilin, score, deposit, options).amount.toFixed(2);

describe('吉医保发〔2025〕9号 第十条: 等次', () => {
  it.each([
    [100, '优'],
    [90, '优'], // 90 分（含）以上
    [89.99, '良'],
    [80, '良'],
    [79.99, '合格'],
    [70, '合格'],
    [69.99, '基本合格'],
    [60, '基本合格'],
    [59.99, '不合格'],
    [0, '不合格'],
  ])('%s 分 → %s', (score, label) => {
    expect(grade(score)).toBe(label);
  });
});

describe('第十二条: 质量保证金退还', () => {
  it('“优”等次：年度清算时全额退还质量保证金', () => {
    expect(refund(95, 12345.67)).toBe('12345.67');
  });
  it('“良”等次：较 90 分每低 1 分扣除 2%：85 分退 90%', () => {
    expect(refund(85, 10000)).toBe('9000.00');
  });
  it('“合格”等次：每低 1 分扣除 2.5%：75 分退 62.5%', () => {
    expect(refund(75, 10000)).toBe('6250.00');
  });
  it('“基本合格”等次：每低 1 分扣除 3%：60 分退 10%', () => {
    expect(refund(60, 10000)).toBe('1000.00');
  });
  it('“不合格”等次：扣除全部质量保证金', () => {
    expect(refund(59.99, 10000)).toBe('0.00');
  });
  it('（保留两位小数点）默认：比例以百分数保留两位，85.333 分 → 90.67%', () => {
    const r = refundOf(jilin, 85.333, 10000);
    expect(r.ratio.toNumber()).toBe(0.9067);
    expect(r.amount.toFixed(2)).toBe('9067.00');
  });
  it('选项 ratioRounding = fraction-2：比例小数保留两位，85.333 分 → 0.91', () => {
    expect(refundOf(jilin, 85.333, 10000, { ratioRounding: 'fraction-2' }).amount.toFixed(2)).toBe('9100.00');
  });
  it('选项 ratioRounding = none：比例不舍入（90.666%），金额四舍五入到分', () => {
    expect(refundOf(jilin, 85.333, 10000, { ratioRounding: 'none' }).amount.toFixed(2)).toBe('9066.60');
  });
  it('“每低1分”默认按实际差值：84.5 分低 5.5 分 → 89%', () => {
    expect(refund(84.5, 10000)).toBe('8900.00');
  });
  it('选项 fractionalPoints = whole：只计整分，84.5 分按低 5 分 → 90%', () => {
    expect(refund(84.5, 10000, { fractionalPoints: 'whole' })).toBe('9000.00');
  });
  it('选项 fractionalPoints = started：不足 1 分按 1 分，84.5 分按低 6 分 → 88%', () => {
    expect(refund(84.5, 10000, { fractionalPoints: 'started' })).toBe('8800.00');
  });
  it('金额四舍五入到分（0.005 进位）', () => {
    // 85 分退 90%：0.05 × 0.9 = 0.045 → 0.05
    expect(refund(85, 0.05)).toBe('0.05');
  });
});

describe('第十二条: 降档与一票否决', () => {
  it('被国家医保局通报批评的，考核等级降两档：85 分 良 → 基本合格', () => {
    expect(grade(85, 2)).toBe('基本合格');
  });
  it('被省医保部门通报批评的，考核等级降一档：72 分 合格 → 基本合格', () => {
    expect(grade(72, 1)).toBe('基本合格');
  });
  it('降档不低于最低等次', () => {
    expect(grade(61, 2)).toBe('不合格');
  });
  it('最多降两档，降三档报错', () => {
    expect(() => grade(85, 3)).toThrow(MibError);
    expect(() => grade(85, 3)).toThrow(/最多降2档/);
  });
  it('默认降档改变返还档次：85 分降一档按“合格” 2.5% 计 → 87.5%', () => {
    expect(refund(85, 10000, { downgrade: 1 })).toBe('8750.00');
  });
  it('选项 downgradeRefund = score：降档只改等次，返还仍按 85 分的“良”计 → 90%', () => {
    const r = refundOf(jilin, 85, 10000, { downgrade: 1, downgradeRefund: 'score' });
    expect(r.grade.label).toBe('合格');
    expect(r.amount.toFixed(2)).toBe('9000.00');
  });
  it('降为“不合格”时不退还', () => {
    expect(refund(65, 10000, { downgrade: 1 })).toBe('0.00');
  });
  it('存在需解除服务协议情形的，考核一票否决：95 分 → 不合格，不退还', () => {
    expect(grade(95, 0, true)).toBe('不合格');
    expect(refund(95, 10000, { veto: true })).toBe('0.00');
  });
});

describe('第十一条: 70% 与 30% 综合得分', () => {
  it('自身 90 分、下属 80 与 70 分 → 90×0.7 + 75×0.3 = 85.5', () => {
    expect(compositeScore(jilin, 90, [80, 70]).score.toNumber()).toBe(85.5);
  });
  it('没有下属机构得分时报错', () => {
    expect(() => compositeScore(jilin, 90, [])).toThrow(/至少需要一个下属机构/);
  });
});

describe('第十三条至第十五条: 特殊情形', () => {
  it('申请终止且有违规违约问题：按“合格”最低比例（70 分 → 50%）返还', () => {
    expect(specialRefund(jilin, 'requestedTerminationWithViolations', 10000).amount?.toFixed(2)).toBe('5000.00');
  });
  it('申请终止且无违规违约问题：返还全部质量保证金', () => {
    expect(specialRefund(jilin, 'requestedTerminationClean', 10000).amount?.toFixed(2)).toBe('10000.00');
  });
  it('因违法违规被解除服务协议：扣除全部质量保证金', () => {
    expect(specialRefund(jilin, 'rescinded', 10000).amount?.toFixed(2)).toBe('0.00');
  });
  it('履行协议不满 6 个月：纳入下一年度考核，当年不返还', () => {
    const r = specialRefund(jilin, 'underSixMonths', 10000);
    expect(r.deferred).toBe(true);
    expect(r.amount).toBeNull();
  });
});

// A score or deposit given as a JS number is a double from a cell or a JSON file: the core reads it at
// Excel's 15 significant digits, as the functions and the sheet do.
describe('numbers are read at 15 significant digits', () => {
  it('gradeOf(69.99999999999999) is 合格, the grade of 70', () => {
    expect(gradeOf(jilin, 0.7 * 64.6 + 0.3 * 82.6).label).toBe('合格');
    expect(gradeOf(jilin, 69.9999999999).label).toBe('基本合格');
  });
  it('refundOf(89.99999999999999) is 优 and pays back everything', () => {
    const refund = refundOf(jilin, 0.3 * 3 * 100, 10000.5 * 0.9066);
    expect(refund.grade.label).toBe('优');
    expect(refund.amount.toFixed(2)).toBe('9066.45');
    expect(refund.deposit.toString()).toBe('9066.4533');
  });
  it('compositeScore reads its numbers likewise: 0.1+0.2 is 0.3', () => {
    expect(compositeScore(jilin, 0.1 + 0.2, [0.1 + 0.2]).score.toString()).toBe('0.3');
  });
});
