// What a SheetPlan looks like: the official columns in the printed order, one input row per fact with
// its validation, locked formulas and unlocked inputs, names, merges, and text kept as text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blankMeaningOf, getRubric, inputIndex, policyIds, registerPolicy, RubricSchema, rubricIds, unregister } from '../../src/core';
import { planSheet } from '../../src/sheet/planSheet';
import type { PlanCell, SheetPlan } from '../../src/sheet/types';
import hospital from '../../rubrics/cq-jiangbei-2025-hospital.json';
import { capVeto, hubeiVeto, vetoPolicy, withholdPolicy } from '../support/kindPolicies';

const cellAt = (plan: SheetPlan, address: string): PlanCell | null => {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return plan.grid[Number(m[2]) - 1]?.[col] ?? null;
};
const formulaAt = (plan: SheetPlan, address: string) => {
  const cell = cellAt(plan, address);
  return cell && 'formula' in cell ? cell.formula : undefined;
};
const locked = (plan: SheetPlan, address: string) => {
  const cell = cellAt(plan, address);
  const style = cell?.style ? plan.styles[cell.style] : undefined;
  return style?.locked !== false;
};

describe('江北 hospital sheet', () => {
  const rubric = getRubric('cq-jiangbei-2025-hospital');
  const plan = planSheet(rubric, { policyId: 'cq-jiangbei-2025', deposit: 50000, institutionCode: 'H001', institutionName: '江北区某医院' });

  it('keeps the official columns in the printed order, then the sheet’s own', () => {
    expect(plan.columns.slice(0, 9).map((c) => c.header)).toEqual([
      '序号',
      '类别',
      '考核指标',
      '指标释义',
      '机构述职',
      '计分方法',
      '计分类别',
      '总分',
      '机构自评得分',
    ]);
    expect(plan.columns.slice(9).map((c) => c.header)).toEqual([
      '得分',
      '输入编号',
      '填报事项',
      '填报值',
      '条款得扣分',
      '扣分合计',
      '超出分值的扣分',
      '自评差异',
      '否决',
      '填报状态',
      '口径说明',
    ]);
  });

  it('has one input row per fact, each id once, in the table’s order', () => {
    expect(plan.inputs.map((i) => i.id)).toEqual([...inputIndex(rubric).byId.keys()]);
    for (const input of plan.inputs) {
      const idCell = cellAt(plan, input.address.replace(/^M/, 'K'));
      expect(idCell && 'value' in idCell && idCell.value).toBe(input.id);
      expect(locked(plan, input.address)).toBe(false);
    }
  });

  it('validates each input by its type', () => {
    const rule = (id: string) => plan.validations.find((v) => v.range === plan.inputs.find((i) => i.id === id)!.address)!.rule;
    expect(rule('1.1')).toEqual({ kind: 'list', options: ['是', '否'] }); // 未缴纳罚金
    expect(rule('4.2')).toEqual({ kind: 'wholeNumber', min: 0 }); // 发现一次扣1分
    expect(rule('18.1')).toEqual({ kind: 'decimal', min: 0, max: 1 }); // 网采率
    expect(rule('23.1')).toEqual({ kind: 'wholeNumber', min: 1 }); // 排名
  });

  it('each input’s prompt says what a blank counts as, by its clause’s kind', () => {
    const of = (id: string) => plan.validations.find((v) => v.range === plan.inputs.find((i) => i.id === id)!.address)!;
    expect(of('1.1')).toMatchObject({ title: '输入编号 1.1', prompt: '未缴纳罚金：填“是”或“否”；不填视为未发现，不否决' });
    expect(of('4.2').prompt).toBe('未能完整、准确、及时备案人员变更的次数：填不小于0的整数；不填视为未发现，不扣分');
    expect(of('20.1').prompt).toBe('药品网采率：填 0%–100% 的比例；不填视为未达到，不得分');
    expect(of('21.1').prompt).toMatch(/；不填视为未达到，不得5分$/);
    expect(of('23.1').prompt).toMatch(/；不填视为未达到，不得3分$/);
  });

  it('gives item 4 the readable formulas of “发现一次扣1分，扣完为止”', () => {
    const item = plan.items.find((i) => i.itemNo === '4')!;
    const [veto, count] = plan.inputs.filter((i) => i.itemNo === '4').map((i) => i.address.replace(/^M/, 'N'));
    expect(formulaAt(plan, veto!)).toBe(`=IF(M${item.firstRow}="是","否决","")`);
    expect(formulaAt(plan, count!)).toBe(`=1*M${item.firstRow + 1}`);
    expect(formulaAt(plan, item.score)).toBe(`=MAX(0,5-${count})`);
    expect(formulaAt(plan, item.overCap)).toBe(`=ROUND(${item.deducted}-(5-${item.score}),9)`);
    expect(locked(plan, item.score)).toBe(true);
    expect(locked(plan, item.selfScore)).toBe(false);
  });

  it('超出分值的扣分 leaves out a “不得分” clause (江北 7.1) and counts a capped clause at its cap (威海 A1)', () => {
    const seven = plan.items.find((i) => i.itemNo === '7')!;
    expect(formulaAt(plan, seven.overCap)).toBe(`=ROUND(MAX(0,${seven.clauses[1]}-4),9)`);
    const nine = plan.items.find((i) => i.itemNo === '9')!;
    expect(formulaAt(plan, nine.overCap)).toBe('=0');
    const weihai = planSheet(getRubric('weihai-2021-hospital-l2'));
    const a1 = weihai.items.find((i) => i.itemNo === '25')!;
    expect(formulaAt(weihai, a1.overCap)).toBe(`=ROUND((MIN(5,${a1.clauses[0]})+MIN(5,${a1.clauses[1]}))-(10-${a1.score}),9)`);
  });

  it('totals with the veto rule and grades by the policy', () => {
    expect(formulaAt(plan, plan.fields.total)).toMatch(/^=IF\(C6>0,0,ROUND\(SUM\(J12:J\d+\),9\)\)$/);
    expect(formulaAt(plan, plan.fields.scoreGrade!)).toBe('=IF(C6>0,"不合格",IF(ROUND(C5,9)>=60,"合格","不合格"))');
    // the grade shown: withheld while a fact is 无效, 待填报 while facts are 未填 and 填报完成 is not 是
    expect(formulaAt(plan, plan.fields.grade!)).toBe(
      '=IF(C8>0,"暂不评定（"&C8&" 项无效）",IF(IF(H8="是",0,E8)>0,"待填报（尚有 "&IF(H8="是",0,E8)&" 项未填）",E9))',
    );
    expect(plan.fields.refund).toBeUndefined(); // 江北 sets no deposit refund
  });

  it('names the cells other tools look for', () => {
    const names = Object.fromEntries(plan.names.map((n) => [n.name, n.ref]));
    expect(names).toMatchObject({ MIB_TOTAL: plan.fields.total, MIB_GRADE: plan.fields.grade, MIB_RUBRIC: 'M3', MIB_DEPOSIT: plan.fields.deposit });
    expect(names.MIB_IDS).toBe(`K${plan.items[0]!.firstRow}:K${plan.items.at(-1)!.lastRow}`);
    expect(names.MIB_INPUTS).toBe(`M${plan.items[0]!.firstRow}:M${plan.items.at(-1)!.lastRow}`);
    // the ids stand beside the header in the working columns, outside the printed range (A:J); the printed
    // header names the policy
    expect(cellAt(plan, 'M3')).toMatchObject({ value: 'cq-jiangbei-2025-hospital' });
    expect(names.MIB_POLICY).toBe('M4');
    expect(plan.print.areas).toEqual([expect.stringMatching(/^A1:J\d+$/)]);
    expect(cellAt(plan, 'C4')).toMatchObject({ value: '重庆市江北区2025年定点医药机构协议签订考核' });
  });

  it('merges 类别 over its items and an item’s cells over its fact rows', () => {
    const first = plan.items[0]!;
    const section = rubric.items.filter((i) => i.section === '协议履行情况').map((i) => plan.items.find((c) => c.itemNo === i.no)!);
    // 类别 is merged page by page: up to the section's end or the row before the next page starts
    const end = Math.min(section.at(-1)!.lastRow, ...plan.print.pageBreaks.filter((p) => p > first.firstRow).map((p) => p - 1));
    expect(plan.merges).toContain(`B${first.firstRow}:B${end}`);
    const two = plan.items.find((i) => i.itemNo === '2')!;
    expect(plan.merges).toContain(`C${two.firstRow}:C${two.lastRow}`);
    expect(plan.merges).toContain(`J${two.firstRow}:J${two.lastRow}`);
  });

  it('highlights vetoes, over-cap deductions and self-scores that differ', () => {
    expect(plan.conditionalFormats.map((f) => f.meaning).sort()).toEqual(['overCap', 'selfScoreDiffers', 'veto', 'veto']);
  });

  it('prints on A4 landscape with the header row repeated, and protects the sheet', () => {
    // the form's own page count: the working columns print apart
    expect(plan.print).toMatchObject({ orientation: 'landscape', paper: 'A4', footer: `第 &P 页 共 ${plan.print.pageBreaks.length + 1} 页` });
    // the official columns with 得分 (A–J) only
    expect(plan.print.areas).toEqual([expect.stringMatching(/^A1:J\d+$/)]);
    // 11 pt text at 8 pt or more; pages break between items, never inside one
    expect(plan.print.scale).toBeGreaterThanOrEqual(73);
    for (const start of plan.print.pageBreaks) expect(plan.items.some((it) => start > it.firstRow && start <= it.lastRow)).toBe(false);
    expect(plan.printTitleRows).toBe('$11:$11');
    expect(plan.protect).toBe(true);
  });

  it('prints the working columns on a 填报明细 sheet of its own: one row per fact, read from the form, numbered apart', () => {
    const view = plan.workingPrint!;
    expect(view.name).toBe('江北区某医院-2025 填报明细');
    expect(view.print.footer).toBe(`填报明细 第 &P 页 共 ${view.print.pageBreaks.length + 1} 页`);
    // a header, then one row per fact (an item without facts: one row)
    const rows = plan.items.reduce((sum, it) => sum + Math.max(1, plan.inputs.filter((i) => i.itemNo === it.itemNo).length), 0);
    expect(view.print.area).toBe(`A1:L${2 + rows}`);
    const first = plan.inputs[0]!;
    const header = view.grid[1]!.map((c) => (c && 'value' in c ? c.value : ''));
    expect(header.slice(0, 4)).toEqual(['序号', '输入编号', '填报事项', '填报值']);
    expect(view.grid[2]![1]).toMatchObject({ value: first.id });
    expect(view.grid[2]![3]).toMatchObject({ formula: `=IF('江北区某医院-2025'!${first.address}="","",'江北区某医院-2025'!${first.address})` });
    expect(view.grid[2]![5]).toMatchObject({
      formula: `=IF('江北区某医院-2025'!${plan.items[0]!.score}="","",'江北区某医院-2025'!${plan.items[0]!.score})`,
    });
    // the rows at the height their own text needs: never the form's tall item rows
    const tallest = Math.max(
      ...Object.entries(view.rowHeights)
        .filter(([r]) => Number(r) > 2)
        .map(([, h]) => h),
    );
    expect(tallest).toBeLessThan(Math.max(...Object.values(plan.rowHeights)));
  });

  it('pre-fills facts as a sheet shows them', () => {
    const filled = planSheet(rubric, { inputs: { '1.1': true, '4.2': 3, '18.1': '45%' } });
    const value = (id: string) => cellAt(filled, filled.inputs.find((i) => i.id === id)!.address);
    expect(value('1.1')).toMatchObject({ value: '是' });
    expect(value('4.2')).toMatchObject({ value: 3 });
    expect(value('18.1')).toMatchObject({ value: 0.45 });
  });

  it('reads the deposit as a number ("1,000" is 1000) and keeps one that is not a number as the text given', () => {
    const deposit = (value: string) => cellAt(planSheet(rubric, { policyId: 'jilin-2025', deposit: value }), plan.fields.deposit);
    expect(deposit('1,000')).toMatchObject({ value: 1000 });
    expect(deposit('五万元')).toMatchObject({ value: '五万元' });
    expect(deposit('=1+1')).toMatchObject({ value: '=1+1', text: true });
  });

  it('writes rubric text that begins with = as text, never as a formula', () => {
    const tricky = RubricSchema.parse({
      ...hospital,
      items: hospital.items.map((i, k) => (k === 0 ? { ...i, indicator: '=HYPERLINK("http://x")' } : i)),
    });
    const p = planSheet(tricky);
    expect(cellAt(p, `C${p.items[0]!.firstRow}`)).toEqual({ value: '=HYPERLINK("http://x")', text: true, style: 'text' });
  });

  it('carries each clause’s reading in the 口径说明 column, on the clause’s own row', () => {
    const reading = plan.columns.findIndex((c) => c.header === '口径说明');
    expect(reading).toBe(plan.columnCount - 1);
    const letter = String.fromCharCode(65 + reading);
    const rowOf = (id: string) => plan.inputs.find((i) => i.id === id)!.address.replace(/^[A-Z]+/, '');
    expect(cellAt(plan, `${letter}${rowOf('20.1')}`)).toMatchObject({ value: expect.stringContaining('是否高于90%') });
    expect(cellAt(plan, `${letter}${rowOf('19.1')}`)).toMatchObject({ value: expect.stringContaining('只适用于公立医疗机构') });
    expect(cellAt(plan, `${letter}${rowOf('19.2')}`)).toMatchObject({ value: expect.stringContaining('（原文未写分值，本表只记录、不扣分）') });
    // 14.1 and 14.2 share one note: written once, then 同上
    expect(cellAt(plan, `${letter}${rowOf('14.1')}`)).toMatchObject({ value: expect.stringContaining('两个独立的否决条件') });
    expect(cellAt(plan, `${letter}${rowOf('14.2')}`)).toMatchObject({ value: '同上' });
  });

  it('prints the official 备注, the readings and the signature block below the table, each a merged, wrapped row across the printed columns', () => {
    const last = plan.items.at(-1)!.lastRow;
    // the 备注 as the table's last row, as the official form prints it
    expect(cellAt(plan, `A${last + 1}`)).toMatchObject({ value: rubric.footer!.text });
    expect(plan.merges).toContain(`A${last + 1}:J${last + 1}`);
    expect(cellAt(plan, `A${last + 3}`)).toMatchObject({ value: expect.stringContaining('口径说明') });
    const rows = plan.grid
      .slice(last + 3)
      .map((r) => r[0])
      .map((c) => (c && 'value' in c ? String(c.value) : ''));
    for (const note of rubric.notes ?? []) expect(rows.some((r) => r.includes(note))).toBe(true);
    expect(rows.some((r) => r.startsWith('【政策】') && r.includes('左闭右开'))).toBe(true);
    expect(plan.merges).toContain(`A${last + 4}:J${last + 4}`);
    expect(plan.styles[(cellAt(plan, `A${last + 4}`) as { style: string }).style]).toMatchObject({ wrap: true });
    // the signatures last, on the first print range's last row
    const signatures = rows.at(-1)!;
    for (const signer of ['考核人：', '复核人：', '机构负责人（签字/盖章）：', '日期：']) expect(signatures).toContain(signer);
    expect(plan.print.areas[0]).toBe(`A1:J${plan.grid.length}`);
  });

  it('asks for 机构性质 公立/民营 in the header, validated, unlocked, named, and read by the public-only clauses', () => {
    expect(plan.fields.ownership).toBe('H9');
    expect(cellAt(plan, 'G9')).toMatchObject({ value: '机构性质' });
    expect(locked(plan, 'H9')).toBe(false);
    expect(plan.validations.find((v) => v.range === 'H9')?.rule).toEqual({ kind: 'list', options: ['公立', '民营'] });
    expect(plan.names).toContainEqual({ name: 'MIB_OWNERSHIP', ref: 'H9' });
    const r191 = plan.inputs.find((i) => i.id === '19.1')!.address.replace(/^[A-Z]+/, '');
    expect(formulaAt(plan, `N${r191}`)).toBe(`=IF(TRIM(H9)="民营",0,1*M${r191})`);
    // 19.2 prints no points: recorded only
    const r192 = plan.inputs.find((i) => i.id === '19.2')!.address.replace(/^[A-Z]+/, '');
    expect(formulaAt(plan, `N${r192}`)).toBe('=0');
    expect(cellAt(planSheet(rubric, { ownership: 'private' }), 'H9')).toMatchObject({ value: '民营' });
  });

  it('is laid out the same whatever the institution and facts', () => {
    const other = planSheet(rubric, { policyId: 'cq-jiangbei-2025', inputs: { '4.2': 1 } });
    expect(other.names).toEqual(plan.names);
    expect(other.items).toEqual(plan.items);
  });
});

describe('威海 sheets', () => {
  it.each(['weihai-2021-hospital-l2', 'weihai-2021-hospital-l1'])('%s adds 类别代码, 考核方法, 考核科室, 备注 and caps the bonus', (id) => {
    const plan = planSheet(getRubric(id), { policyId: 'jilin-2025', convert: true });
    expect(plan.columns.map((c) => c.header).slice(0, 13)).toEqual([
      '序号',
      '类别',
      '考核指标',
      '类别代码',
      '指标释义',
      '机构述职',
      '计分方法',
      '计分类别',
      '总分',
      '考核方法',
      '考核科室',
      '备注',
      '机构自评得分',
    ]);
    expect(formulaAt(plan, plan.fields.total)).toMatch(/\+MIN\(60,SUM\(/);
  });

  it('A1 reads “每高于该区间1个百分点扣0.5分，最多扣5分”', () => {
    const plan = planSheet(getRubric('weihai-2021-hospital-l2'));
    const item = plan.items.find((i) => i.itemNo === '25')!;
    const r = item.firstRow;
    // columns: N 得分 (beside the official ones), Q 填报值, R 条款得扣分
    expect(formulaAt(plan, `R${r}`)).toBe(`=IF(Q${r}="",5,0.5*ROUND(MAX(0,Q${r})/0.01,9))`);
    expect(item.score).toBe(`N${r}`);
    expect(formulaAt(plan, item.score)).toBe(`=MAX(0,10-(MIN(5,R${r})+MIN(5,R${r + 1})))`);
  });
});

// Every formula the sheet holds, under every policy, uses only functions Excel 2016+, WPS and
// LibreOffice 7.4 all compute (see formulaParts.ts); the exact refund adds MOD and ^ to that set, and a
// policy's 扣减情形 cell FIND and SUBSTITUTE (checked by LibreOffice in refundLibreOffice.test.ts).
describe('the formulas stay within the shared function set', () => {
  const ALLOWED = new Set([
    'IF',
    'AND',
    'OR',
    'MAX',
    'MIN',
    'SUM',
    'COUNTIF',
    'ROUND',
    'ROUNDUP',
    'INT',
    'MOD',
    'N',
    'ISNUMBER',
    'TRIM',
    'FIND',
    'SUBSTITUTE',
  ]);
  const kinds = [withholdPolicy(), { ...vetoPolicy(hubeiVeto), id: 'test-hubei' }, { ...vetoPolicy(capVeto), id: 'test-cap' }];
  beforeAll(() => kinds.forEach(registerPolicy));
  afterAll(() => kinds.forEach((p) => unregister('policy', p.id)));
  it.each([...policyIds, ...kinds.map((p) => p.id)])('%s', (policyId) => {
    const used = new Set<string>();
    for (const rubricId of rubricIds) {
      const plan = planSheet(getRubric(rubricId), { policyId, deposit: 1, convert: true });
      for (const row of plan.grid)
        for (const cell of row) if (cell && 'formula' in cell) for (const m of cell.formula.matchAll(/([A-Z][A-Z0-9.]*)\(/g)) used.add(m[1]!);
    }
    expect([...used].filter((name) => !ALLOWED.has(name))).toEqual([]);
  });
});

describe('validation prompts fit Excel (title ≤ 32, text ≤ 255) and keep the blank’s meaning whole', () => {
  const cases = rubricIds.flatMap((id) => (['zh-CN', 'en-US'] as const).map((locale) => [id, locale] as const));
  it.each(cases)('%s, %s', (rubricId, locale) => {
    const rubric = getRubric(rubricId);
    const plan = planSheet(rubric, { locale });
    for (const input of plan.inputs) {
      const v = plan.validations.find((x) => x.range === input.address)!;
      const blank = blankMeaningOf(rubric, input.id)!;
      expect([...v.title!].length).toBeLessThanOrEqual(32);
      expect([...v.prompt].length).toBeLessThanOrEqual(255);
      expect(v.prompt.endsWith(locale === 'en-US' ? blank.en : blank.zh)).toBe(true);
    }
  });
  it('a fact label too long for 255 characters is shortened, never the blank’s meaning', () => {
    const rubric = RubricSchema.parse({
      ...hospital,
      items: hospital.items.map((item) =>
        item.no !== '20'
          ? item
          : { ...item, rules: item.rules.map((r) => ('input' in r ? { ...r, input: { ...r.input, label: '药'.repeat(300) } } : r)) },
      ),
    });
    const plan = planSheet(rubric);
    const v = plan.validations.find((x) => x.range === plan.inputs.find((i) => i.id === '20.1')!.address)!;
    expect([...v.prompt].length).toBe(255);
    expect(v.prompt).toMatch(/^药+…：填 0%–100% 的比例；不填视为未达到，不得分$/);
  });
});

describe('the header and the sheet name in the documents’ own words', () => {
  const weihai = planSheet(getRubric('weihai-2021-hospital-l2'), { policyId: 'jilin-2025', convert: true });
  const textAt = (plan: SheetPlan, address: string) => {
    const cell = cellAt(plan, address);
    return cell && 'value' in cell ? String(cell.value) : '';
  };

  it('威海’s source line says the text has no document number, not a number that reads “原文未载文号”', () => {
    expect(textAt(weihai, 'A1')).toBe('威海市2021年定点医疗机构考核评分标准（二级及以上）');
    expect(textAt(weihai, 'A2')).toBe('依据：威海市医疗保障部门（原文未署发文机关）《2021年定点医疗机构考核评分标准（二级及以上）》（原文未载文号）');
    const jiangbei = planSheet(getRubric('cq-jiangbei-2025-hospital'));
    expect(textAt(jiangbei, 'A2')).toBe(
      '依据：重庆市江北区医疗保障事务中心《关于开展重庆市江北区2025年定点医药机构协议签订工作的通知》江医保中心发〔2024〕16号 附件2',
    );
  });

  it('names the policy in the printed header (C4, over four columns) and keeps its id beside it, unprinted', () => {
    expect(textAt(weihai, 'A4')).toBe('考核办法');
    expect(textAt(weihai, 'C4')).toBe('吉林省医疗保障定点医药机构考核暂行办法');
    expect(weihai.merges).toContain('C4:G4');
    expect(textAt(weihai, weihai.fields.policy)).toBe('jilin-2025');
    expect(weihai.print.areas).toEqual([expect.stringMatching(/^A1:N\d+$/)]);
  });

  it('a sheet without an institution is named in Chinese, within 31 characters, one name per table', () => {
    const names = rubricIds.map((id) => planSheet(getRubric(id)).name);
    expect(names).toEqual([
      '江北 2025 医疗机构 考核表',
      '江北 2025 零售药店 考核表',
      '威海 二级及以上 2021 医疗机构 考核表',
      '威海 一级 2021 医疗机构 考核表',
    ]);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(31);
  });
});
