// Issue 12 point 5: every reading visible (readingsOf), ownership 公立/民营 as a fact of the institution,
// and the readings the tables took silently now recorded, each from the official text (seeds 000–004).
import { describe, expect, it } from 'vitest';
import { evaluate, flagsOf, getPolicy, getRubric, gradeOf, readingsOf, refundOf, resultToJson, type Rubric, RubricSchema } from '../../src/core';

const jiangbei = getRubric('cq-jiangbei-2025-hospital');
const weihai2 = getRubric('weihai-2021-hospital-l2');
const weihai1 = getRubric('weihai-2021-hospital-l1');
const item = (r: ReturnType<typeof evaluate>, no: string) => r.items.find((i) => i.id === no)!;

describe('readingsOf: the table’s, each clause’s and the policy’s readings, in one list', () => {
  it('carries the rubric’s notes, its named options, each clause note once per item, then the policy’s notes', () => {
    const policy = getPolicy('jilin-2025');
    const readings = readingsOf(weihai2, { policy });
    const rubricTexts = readings.filter((r) => r.source === 'rubric').map((r) => r.text);
    for (const note of weihai2.notes ?? []) expect(rubricTexts).toContain(note);
    expect(readings.find((r) => r.id === 'partialSteps')?.text).toContain('不足一步的部分按比例计。');
    // C21's four clauses share one note: one reading naming all four ids
    const c21 = readings.filter((r) => r.source === 'clause' && r.itemNo === '31');
    expect(c21).toHaveLength(1);
    expect(c21[0]!.id).toBe('31.2、31.3、31.4、31.5');
    for (const note of policy.notes ?? []) expect(readings.filter((r) => r.source === 'policy').map((r) => r.text)).toContain(note);
    expect(readings.find((r) => r.source === 'policy' && r.id === 'refund')?.text).toBe(policy.refund?.text);
    // order: rubric, then clauses in table order, then policy
    const sources = readings.map((r) => r.source);
    expect(sources.indexOf('clause')).toBeGreaterThan(sources.lastIndexOf('rubric'));
    expect(sources.indexOf('policy')).toBeGreaterThan(sources.lastIndexOf('clause'));
  });

  it('a public-only clause carries its scope, with the words of the table', () => {
    const r19 = readingsOf(jiangbei).filter((r) => r.itemNo === '19');
    expect(r19.map((r) => r.text).join('')).toContain('药品耗材集采落实情况（公立医疗机构）');
    const ownership = readingsOf(jiangbei, { ownership: 'private' }).find((r) => r.id === 'ownership');
    expect(ownership?.text).toContain('19.1、19.2');
    expect(ownership?.text).toContain('本机构为民营');
    expect(readingsOf(jiangbei).find((r) => r.id === 'ownership')?.text).toContain('未填写');
    // a table without public-only clauses has no ownership reading
    expect(readingsOf(getRubric('cq-jiangbei-2025-pharmacy')).find((r) => r.id === 'ownership')).toBeUndefined();
  });
});

describe('ownership 公立/民营: public-only clauses (江北 19 “（公立医疗机构）”, 威海 C13 / 一级 C6 “公立医疗机构…不得超过…1%”)', () => {
  it('江北 19 does not apply to a private institution: no deduction, no missing fact, a trace line saying why', () => {
    const facts = { '19.1': 4 };
    const pub = evaluate(jiangbei, facts, { ownership: 'public' });
    expect(item(pub, '19').score.toNumber()).toBe(6);
    const priv = evaluate(jiangbei, facts, { ownership: 'private' });
    expect(item(priv, '19').score.toNumber()).toBe(10);
    expect(item(priv, '19').deducted.toNumber()).toBe(0);
    expect(item(priv, '19').trace.join('\n')).toMatch(
      /19\.1：本条只适用于公立医疗机构（原文：“药品耗材集采落实情况（公立医疗机构）”）；本机构为民营，本条不适用/,
    );
    expect(priv.missing).not.toContain('19.2');
    expect(priv.ownershipMissing).toBe(false);
    expect(pub.missing).toContain('19.2');
  });

  it('unknown ownership keeps today’s scoring and lists the ownership as a missing fact', () => {
    const unknown = evaluate(jiangbei, { '19.1': 4 });
    expect(item(unknown, '19').score.toNumber()).toBe(6);
    expect(unknown.ownershipMissing).toBe(true);
    expect(resultToJson(unknown)).toMatchObject({ ownership: null, ownershipMissing: true });
    expect(
      flagsOf(jiangbei, unknown)
        .map((f) => f.message)
        .join('\n'),
    ).toContain('机构性质（公立/民营）');
    // known ownership, or a table without public-only clauses: nothing missing
    expect(evaluate(jiangbei, {}, { ownership: 'public' }).ownershipMissing).toBe(false);
    expect(evaluate(getRubric('cq-jiangbei-2025-pharmacy'), {}).ownershipMissing).toBe(false);
  });

  it.each([
    [weihai2, '14', '14.4', 10],
    [weihai1, '7', '7.4', 15],
  ])('威海 %#: 网下应急采购超过1%的扣5分 applies to public institutions only', (rubric, no, id, points) => {
    const over = { [id]: 0.02 };
    expect(item(evaluate(rubric, over, { ownership: 'public' }), no).score.toNumber()).toBe(points - 5);
    expect(item(evaluate(rubric, over), no).score.toNumber()).toBe(points - 5);
    const priv = evaluate(rubric, over, { ownership: 'private' });
    expect(item(priv, no).score.toNumber()).toBe(points);
    expect(priv.missing).not.toContain(id);
    // a blank rate costs a private institution nothing (it used to cost 5 as "not achieved")
    expect(item(evaluate(rubric, {}, { ownership: 'private' }), no).score.toNumber()).toBe(points);
    // the other clauses of the item still apply
    expect(item(evaluate(rubric, { [`${no}.1`]: true, [id]: 0.02 }, { ownership: 'private' }), no).score.toNumber()).toBe(points - 5);
  });

  it('an earning clause that does not apply gives its full points (decided: a private institution is not marked down for a clause it cannot meet); a veto does not fire', () => {
    const base = getRubric('cq-jiangbei-2025-hospital');
    const scope = { ownership: 'public' as const, text: '（公立医疗机构）' };
    const rubric: Rubric = RubricSchema.parse({
      ...base,
      items: base.items.map((i) => (i.no === '24' || i.no === '1' ? { ...i, rules: i.rules.map((r) => ({ ...r, appliesTo: scope })) } : i)),
    });
    const priv = evaluate(rubric, { '1.1': true }, { ownership: 'private' });
    expect(priv.veto).toBe(false);
    expect(item(priv, '24').score.toNumber()).toBe(5);
    expect(item(priv, '24').trace.join('')).toContain('得分条款按满分 5 分计');
    const pub = evaluate(rubric, { '1.1': true }, { ownership: 'public' });
    expect(pub.veto).toBe(true);
    expect(item(pub, '24').score.toNumber()).toBe(0);
  });
});

describe('readings the tables took silently, now recorded', () => {
  const clauseNote = (rubric: Rubric, id: string) =>
    readingsOf(rubric).find((r) => r.source === 'clause' && r.id?.split('、').includes(id))?.text ?? '';
  it('江北 20: “是否高于90%” against “未达到90%的不得分” — exactly 90% keeps the points, as the 计分方法 reads', () => {
    expect(clauseNote(jiangbei, '20.1')).toContain('是否高于90%');
    expect(jiangbei.boundaryReading).toBe('method');
    expect(item(evaluate(jiangbei, { '20.1': 0.9 }), '20').score.toNumber()).toBe(10);
    expect(readingsOf(jiangbei).find((r) => r.id === 'boundaryReading')?.text).toContain('按计分方法计（默认读法）');
    // the other answer, by the 指标释义 “是否高于90%”: exactly 90% is not 高于, so the item scores 0
    const byDefinition = RubricSchema.parse({ ...jiangbei, boundaryReading: 'definition' });
    expect(item(evaluate(byDefinition, { '20.1': 0.9 }), '20').score.toNumber()).toBe(0);
    expect(item(evaluate(byDefinition, { '20.1': 0.9001 }), '20').score.toNumber()).toBe(10);
    expect(readingsOf(byDefinition).find((r) => r.id === 'boundaryReading')?.text).toContain('按指标释义计');
  });
  it('江北 14: two separate vetoes — either upload missing is a veto', () => {
    expect(clauseNote(jiangbei, '14.1')).toContain('两个独立的否决条件');
    expect(evaluate(jiangbei, { '14.2': true }).vetoItems).toEqual(['14']);
  });
  it('威海 A4 “实际值中优”, 二级 B3’s two denominators, 一级 B3’s example 得分85 → 25.5', () => {
    expect(clauseNote(weihai2, '28.1')).toContain('实际值中优');
    expect(clauseNote(weihai1, '27.1')).toContain('实际值中优');
    expect(clauseNote(weihai2, '21.2')).toContain('住院参保患者总数');
    expect(clauseNote(weihai2, '21.2')).toContain('参保患者总数的10%-15%');
    expect(clauseNote(weihai1, '22.1')).toContain('25.5');
  });
});

describe('威海 一级 B3: the printed example “得分85，最终分数为：85%×30=25.5” can be entered (22.2)', () => {
  const b3 = (facts: Record<string, unknown>) => item(evaluate(weihai1, facts as never), '22');
  it('a score of 85 gives 25.5; the grade alone still gives 30/24/18/0; a score entered wins over a grade', () => {
    expect(b3({ '22.2': 85 }).score.toNumber()).toBe(25.5);
    expect(b3({ '22.1': 2 }).score.toNumber()).toBe(24);
    expect(b3({ '22.1': 1, '22.2': 85 }).score.toNumber()).toBe(25.5);
    expect(b3({ '22.1': 1, '22.2': 85 }).trace.join('')).toContain('已填得分，按得分计');
    expect(evaluate(weihai1, { '22.2': 101 }).invalid.map((p) => p.field)).toEqual(['22.2']);
  });
  it('either fact fills the item; neither leaves the grade missing', () => {
    expect(evaluate(weihai1, { '22.2': 85 }).missing).not.toContain('22.1');
    expect(evaluate(weihai1, { '22.1': 2 }).missing).not.toContain('22.2');
    expect(evaluate(weihai1, {}).missing.filter((id) => id.startsWith('22.'))).toEqual(['22.1']);
  });
});

describe('吉林 降档 from 优 that costs nothing, and 宁德’s pharmacy veto as the notice ties it', () => {
  it('吉林: a 95-point 优 downgraded one grade is 良 and still gets 100% back — the trace says why', () => {
    const r = refundOf(getPolicy('jilin-2025'), 95, 10000, { downgrade: 1 });
    expect(r.grade.label).toBe('良');
    expect(r.amount.toFixed(2)).toBe('10000.00');
    expect(r.trace.join('\n')).toMatch(/以 90 分为基准，得分 95 分不低于 90 分，比例封顶 100%：本次降档不减少返还/);
    // a downgrade that does cost something says nothing of the kind
    const costly = refundOf(getPolicy('jilin-2025'), 85, 10000, { downgrade: 1 });
    expect(costly.trace.join('\n')).not.toContain('不减少返还');
  });

  it('宁德 pharmacy: a vetoed pharmacy scoring 80 is 不合格 but its agreement does not end by the veto (only under 70, 五（二）)', () => {
    const pharmacy = getPolicy('ningde-2025-pharmacy');
    expect(pharmacy.veto.text).toContain('并按照医保服务协议相关规定进行严肃处理');
    const vetoed = gradeOf(pharmacy, 80, { veto: true });
    expect(vetoed.label).toBe('不合格');
    expect(vetoed.agreementEnds).toBe(false);
    expect(vetoed.consequences.join('')).not.toMatch(/^保证金全部不予支付并终止定点服务协议$/);
    expect(vetoed.consequences.join('')).toContain('按照医保服务协议相关规定进行严肃处理');
    // under 70 the notice's own consequence stands
    const low = gradeOf(pharmacy, 65);
    expect(low.agreementEnds).toBe(true);
    expect(low.consequences.join('')).toContain('终止定点服务协议');
    expect(pharmacy.notes?.join('')).toContain('只对应绩效考核70分以下');
  });
});
