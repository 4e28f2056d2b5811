// Issue 19 point 4: every reading reaches the user on every face of the command line. `mib score` carries
// 威海 A6's method notes; `mib grade` and `mib refund` print the readings that decided the value on stderr
// (stdout keeps the one value) and in --json.
import { describe, expect, it } from 'vitest';
import { mibWith } from '../support/mibRunner';

const mib = mibWith({ 'a6.json': JSON.stringify({ '30.2': '-1%' }) });
const NINGDE_VETO = '否决（六（一）“对于拒绝配合考核或提供虚假资料的医药机构，将直接认定为考核不合格';
const JILIN_FREE = '本次降档不减少返还';

describe('mib score: 威海 A6’s notes, inside its 按高分计算 clause', () => {
  it('prints both method notes under 口径说明 and carries them in --json', () => {
    const text = mib('score', 'weihai-2021-hospital-l2', '--input', 'a6.json');
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/A6 检查、化验收入占医疗收入比例：5 \/ 10/);
    const [, readings = ''] = text.out.split('口径说明：');
    expect(readings).toContain('【第30项 30.1】“低位区间占比20%”读作占比20%及以下得满分。');
    expect(readings).toContain('【第30项 30.2】“下降≥2%”“增幅≤2%”按占比的百分点变化计');
    const json = JSON.parse(mib('score', 'weihai-2021-hospital-l2', '--input', 'a6.json', '--json').out);
    expect(json.readings).toContainEqual({ source: 'clause', id: '30.1', itemNo: '30', text: '“低位区间占比20%”读作占比20%及以下得满分。' });
    expect(json.readings.find((r: { id?: string }) => r.id === '30.2')?.text).toContain('下降不足2%的按“增幅≤2%”得5分');
  });
});

describe('mib grade / mib refund: the readings that decided the value, on stderr and in --json', () => {
  it('宁德 hospital veto: 不合格 and 0.00 on stdout alone; the policy’s note and the veto reading on stderr', () => {
    const grade = mib('grade', '85', '--policy', 'ningde-2025-hospital', '--veto');
    expect(grade.out).toBe('不合格');
    expect(grade.err).toContain('口径说明：');
    expect(grade.err).toContain(`【政策】${NINGDE_VETO}`);
    expect(grade.err).toContain('【政策 veto】否决（原文“对于拒绝配合考核或提供虚假资料的医药机构');
    expect(grade.err).toContain('得分不变，等次定为“不合格”');
    const refund = mib('refund', '85', '--policy', 'ningde-2025-hospital', '--veto', '--deposit', '10000');
    expect(refund.code).toBe(0);
    expect(refund.out).toBe('0.00');
    expect(refund.err).toContain('保证金按“不合格”等次的规则（五（一）1“绩效考核70分以下的，保证金全部不予支付”）全部不予支付，返还为 0');
    expect(refund.err).toContain('质量保证金按所定等次的返还规则计');
    const json = JSON.parse(mib('refund', '85', '--policy', 'ningde-2025-hospital', '--veto', '--deposit', '10000', '--json').out);
    expect(json.amount).toBe(0);
    expect(json.readings.find((r: { id?: string }) => r.id === 'veto')).toMatchObject({ source: 'policy' });
    expect(json.readings.some((r: { text: string }) => r.text.startsWith(NINGDE_VETO))).toBe(true);
    // without a veto, no veto reading
    const plain = JSON.parse(mib('grade', '85', '--policy', 'ningde-2025-hospital', '--json').out);
    expect(plain.readings.some((r: { id?: string }) => r.id === 'veto')).toBe(false);
  });

  it('吉林 降档 from 优: 10000.00 on stdout; stderr says the 降档 follows 良’s rule and cost nothing', () => {
    const refund = mib('refund', '92', '--policy', 'jilin-2025', '--downgrade', '1', '--deposit', '10000');
    expect(refund.out).toBe('10000.00');
    expect(refund.err).toContain('【政策 downgradeRefund】降档同时改变返还档次（downgradeRefund = grade）：按降档后等次“良”的返还规则');
    expect(refund.err).toContain(JILIN_FREE);
    const json = JSON.parse(mib('refund', '92', '--policy', 'jilin-2025', '--downgrade', '1', '--deposit', '10000', '--json').out);
    expect(json).toMatchObject({ amount: 10000, grade: '良' });
    expect(json.readings.filter((r: { id?: string }) => r.id === 'downgradeRefund')).toHaveLength(2);
    // --downgrade-refund score: the other reading, and no “cost nothing” line
    const score = mib('refund', '92', '--policy', 'jilin-2025', '--downgrade', '1', '--deposit', '10000', '--downgrade-refund', 'score');
    expect(score.err).toContain('降档不改变返还档次（downgradeRefund = score）：按得分所在等次“优”的返还规则计算');
    expect(score.err).not.toContain(JILIN_FREE);
    // without a 降档, no 降档 reading
    expect(mib('refund', '92', '--policy', 'jilin-2025', '--deposit', '10000').err).not.toContain('downgradeRefund');
    const grade = mib('grade', '92', '--policy', 'jilin-2025', '--downgrade', '1');
    expect(grade.out).toBe('良');
    expect(grade.err).toContain('降档默认同时改变返还档次');
  });

  it('a converted score says how it was converted, and a further withholding says how it is taken', () => {
    const converted = JSON.parse(mib('grade', '700', '--policy', 'jilin-2025', '--scale', 'weihai-2021-hospital-l2', '--json').out);
    expect(converted.readings.find((r: { id?: string }) => r.id === 'scale')?.text).toBe(converted.trace[0]);
  });
});
