// The checks the pane shows, on sheets made in the in-memory workbook and edited as a user would:
// the 江北 hospital table with 15.1 是 (a veto), 4.2 = 7 and 17.2 = 3 (two items over their points).
import { describe, expect, it } from 'vitest';
import { getRubric } from '../../src/core';
import { auditSheet } from '../../src/sheet/audit';
import { MemoryWorkbook } from '../../src/sheet/memory/memoryWorkbook';
import { planSheet } from '../../src/sheet/planSheet';

async function sheetWith(facts: Record<string, string | number>, policyId = 'cq-jiangbei-2025') {
  const book = new MemoryWorkbook();
  const plan = planSheet(getRubric('cq-jiangbei-2025-hospital'), { policyId, deposit: 100000, institutionName: '测试医院' });
  const name = await book.createSheet(plan);
  const at = (id: string) => plan.inputs.find((i) => i.id === id)!.address;
  for (const [id, value] of Object.entries(facts)) book.setCell(name, at(id), String(value));
  return { book, plan, name, at };
}

describe('auditSheet', () => {
  it('puts the veto first, with the policy’s consequence, then the two over-cap items', async () => {
    const { book, name, at, plan } = await sheetWith({ '15.1': '是', '4.2': 7, '17.2': 3 });
    const audit = auditSheet(await book.readSheet(name));
    const [veto, ...rest] = audit.flags;
    expect(veto).toMatchObject({ kind: 'veto', itemNo: '15', address: at('15.1') });
    expect(veto!.message).toContain('否决项：第15项');
    expect(veto!.message).toContain('存在否决项得分为0分');
    const overCap = rest.filter((f) => f.kind === 'overCap');
    // item 4 (5 points): 7 × 1 = 7 → 2 not applied; item 17 (10 points): 3 × 5 = 15 → 5 not applied
    expect(overCap.map((f) => [f.itemNo, f.message])).toEqual([
      ['4', '扣分超过单项分值：第4项“医保支付资格相关人员是否管理到位”共扣 7 分，本项 5 分，2 分未计入'],
      ['17', expect.stringMatching(/^扣分超过单项分值：第17项“.+”共扣 15 分，本项 10 分，5 分未计入$/)],
    ]);
    expect(overCap[0]!.address).toBe(plan.items.find((i) => i.itemNo === '4')!.overCap);
    expect(audit.summary).toMatchObject({ total: '0', veto: true, grade: '暂评 不合格（尚有 35 项未填）' }); // 3 of 37 facts given, and 机构性质 blank
    expect(audit.summary.counts.veto).toBe(1);
    expect(audit.summary.counts.overCap).toBe(2);
  });

  it('lists invalid and missing facts by id', async () => {
    const { book, name } = await sheetWith({ '4.2': '三次', '18.1': '150%' });
    const audit = auditSheet(await book.readSheet(name));
    expect(audit.flags.filter((f) => f.kind === 'invalidInput').map((f) => f.message)).toEqual([
      expect.stringContaining('4.2（'),
      expect.stringContaining('18.1（'),
    ]);
    // every missing fact, and the blank 机构性质 (江北 19 is for 公立医疗机构 only)
    expect(audit.flags.filter((f) => f.kind === 'missingInput').length).toBe(audit.result.missing.length + 1);
    expect(audit.result.missing).not.toContain('4.2');
  });

  it('reads 机构性质 from the header: 民营 drops 江北 19’s deductions and its missing facts, blank is flagged on the header cell', async () => {
    const { book, name, plan } = await sheetWith({ '19.1': 4 });
    const blank = auditSheet(await book.readSheet(name));
    expect(blank.result.items.find((i) => i.id === '19')!.score.toNumber()).toBe(6);
    expect(blank.flags.find((f) => f.address === plan.fields.ownership)).toMatchObject({
      kind: 'missingInput',
      message: expect.stringContaining('机构性质（公立/民营）'),
    });
    book.setCell(name, plan.fields.ownership, '民营');
    const priv = auditSheet(await book.readSheet(name));
    expect(priv.result.items.find((i) => i.id === '19')!.score.toNumber()).toBe(10);
    expect(priv.flags.some((f) => f.address === plan.fields.ownership)).toBe(false);
    expect(priv.result.missing).not.toContain('19.2');
    // the sheet's own formulas agree: no formula flagged as changed
    expect(priv.flags.filter((f) => f.kind === 'formulaChanged' || f.kind === 'valueOverFormula')).toEqual([]);
  });

  it('finds a formula typed over and an edited formula, naming the item', async () => {
    const { book, name, plan } = await sheetWith({});
    const item4 = plan.items.find((i) => i.itemNo === '4')!;
    book.unprotect(name);
    book.setCell(name, item4.score, '5');
    book.setCell(name, plan.fields.total, '=100');
    const flags = auditSheet(await book.readSheet(name)).flags;
    expect(flags.find((f) => f.kind === 'valueOverFormula')).toMatchObject({ itemNo: '4', address: item4.score });
    expect(flags.find((f) => f.kind === 'formulaChanged')!.message).toContain('总分');
  });

  it('checks a sheet made with the MIB.* cells against that layout, the add-in cells included', async () => {
    const book = new MemoryWorkbook();
    const plan = planSheet(getRubric('cq-jiangbei-2025-hospital'), { policyId: 'jilin-2025', deposit: 100000, withAddinFunctions: true });
    const name = await book.createSheet(plan);
    const snapshot = await book.readSheet(name);
    expect(snapshot.withAddinFunctions).toBe(true);
    expect(auditSheet(snapshot).flags.filter((f) => f.kind === 'formulaChanged' || f.kind === 'valueOverFormula')).toEqual([]);
    book.unprotect(name);
    book.setCell(name, plan.fields.addinTotal!, '88');
    const typedOver = auditSheet(await book.readSheet(name)).flags.find((f) => f.kind === 'valueOverFormula');
    expect(typedOver).toMatchObject({ address: plan.fields.addinTotal, message: expect.stringContaining('复算总分的') });
  });

  it('flags a self-score that differs from the computed one', async () => {
    const { book, name, plan } = await sheetWith({ '4.2': 2 });
    const item4 = plan.items.find((i) => i.itemNo === '4')!;
    book.setCell(name, item4.selfScore, '5');
    const flag = auditSheet(await book.readSheet(name)).flags.find((f) => f.kind === 'selfScoreDiffers');
    expect(flag).toMatchObject({ itemNo: '4', address: item4.selfScore });
    expect(flag!.message).toContain('自评 5 分，计算得 3 分');
  });

  it('computes the refund under a policy that has one', async () => {
    const { book, name } = await sheetWith({ '4.2': 2 }, 'jilin-2025');
    const audit = auditSheet(await book.readSheet(name));
    expect(audit.summary.grade).toBeDefined();
    expect(audit.summary.refund).toMatch(/^\d+\.\d\d$/);
  });
});

describe('auditSheet reads numbers as Excel shows them', () => {
  it('a self-score that a formula left one binary step from the computed score is not a difference', async () => {
    const { book, name, plan } = await sheetWith({});
    const audit0 = auditSheet(await book.readSheet(name));
    const item = audit0.result.items.find((i) => i.score.eq(10))!; // scores 10 with no finding
    const cells = plan.items.find((i) => i.itemNo === item.id)!;
    book.setCell(name, cells.selfScore, String((0.3 * 3 * 100) / 9)); // 9.999999999999998, shown as 10
    const other = plan.items.find((i) => i.itemNo !== item.id && audit0.result.items.find((r) => r.id === i.itemNo)!.score.gt(1))!;
    book.setCell(name, other.selfScore, '0.9999999999'); // a real difference
    const flags = auditSheet(await book.readSheet(name)).flags.filter((f) => f.kind === 'selfScoreDiffers');
    expect(flags.map((f) => f.itemNo)).toEqual([other.itemNo]);
  });
});

describe('auditSheet: a clause’s own cap is not an over-cap (issue 12 point 8)', () => {
  it('威海 A1 25.1 = 14% (takes 7, 最多扣5分): a clauseCap flag at the clause cell, no overCap', async () => {
    const book = new MemoryWorkbook();
    const plan = planSheet(getRubric('weihai-2021-hospital-l2'), { policyId: 'jilin-2025', convert: true });
    const name = await book.createSheet(plan);
    const at = (id: string) => plan.inputs.find((i) => i.id === id)!.address;
    book.setCell(name, at('25.1'), '0.14');
    book.setCell(name, at('25.2'), '0');
    const audit = auditSheet(await book.readSheet(name));
    expect(audit.flags.filter((f) => f.itemNo === '25').map((f) => f.kind)).toEqual(['clauseCap']);
    const flag = audit.flags.find((f) => f.kind === 'clauseCap')!;
    expect(flag.address).toBe(plan.items.find((i) => i.itemNo === '25')!.clauses[0]);
    expect(flag.message).toBe('条款扣分封顶：第25项（A1）“医保政策范围内住院医疗费用基金的支付比例”第1条“最多扣5分”：扣 7 分，按 5 分计');
    expect(audit.summary.counts.clauseCap).toBe(1);
    expect(audit.summary.counts.overCap).toBe(0);
  });

  it('江北 9 both rows 未如实填报 (不得分): no overCap flag', async () => {
    const { book, name } = await sheetWith({ '9.1': '是', '9.2': '是' });
    expect(auditSheet(await book.readSheet(name)).flags.filter((f) => f.kind === 'overCap')).toEqual([]);
  });
});
