// Issue 19 point 4: every reading reaches the user on every face of the command line. `mib score` carries
// 威海 A6's method notes; `mib grade` and `mib refund` print the readings that decided the value on stderr
// (stdout keeps the one value) and in --json; `mib roster` lists the rubric's and policy's readings that
// applied in its text, its --json and its workbook's 口径说明 sheet.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { mibOnDisk } from '../support/mibOnDisk';
import { mibWith } from '../support/mibRunner';
import { rosterJsonOf, scratch, writeCsv } from '../support/rosterFiles';

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

describe('mib score --policy: what a veto or a 降档 did joins the readings', () => {
  it('江北 with a veto: the veto reading; 威海 under 吉林 with 降档: the 降档 reading; neither without them', () => {
    const run = mibWith({ 'veto.json': JSON.stringify({ '15.1': '是' }), 'none.json': '{}' });
    const vetoed = JSON.parse(run('score', 'cq-jiangbei-2025-hospital', '--input', 'veto.json', '--policy', 'cq-jiangbei-2025', '--json').out);
    expect(vetoed.readings.find((r: { id?: string }) => r.id === 'veto')?.text).toContain('原文“存在否决项得分为0分”');
    const calm = JSON.parse(run('score', 'cq-jiangbei-2025-hospital', '--input', 'none.json', '--policy', 'cq-jiangbei-2025', '--json').out);
    expect(calm.readings.some((r: { id?: string }) => r.id === 'veto')).toBe(false);
    const args = ['score', 'weihai-2021-hospital-l2', '--input', 'none.json', '--policy', 'jilin-2025', '--convert', '--deposit', '10000'];
    const downgraded = run(...args, '--downgrade', '1');
    expect(downgraded.out.split('口径说明：')[1]).toContain('【政策 downgradeRefund】降档同时改变返还档次（downgradeRefund = grade）');
    expect(run(...args).out).not.toContain('downgradeRefund】');
  });
});

describe('mib grade / mib refund: the readings that decided the value, on stderr and in --json', () => {
  it('宁德 hospital veto: 不合格 and 0.00 on stdout alone; the policy’s note and the veto reading on stderr', () => {
    const grade = mib('grade', '85', '--policy', 'ningde-2025-hospital', '--veto');
    expect(grade.out).toBe('不合格');
    expect(grade.err).toContain('口径说明：');
    expect(grade.err).toContain(`【政策】${NINGDE_VETO}`);
    expect(grade.err).toContain('【政策 veto】否决（原文“对于拒绝配合考核或提供虚假资料的医药机构');
    expect(grade.err).toContain('得分不变，等次不高于不合格');
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

describe('mib roster: the rubric’s and policy’s readings that applied (text, --json, the workbook’s 口径说明 sheet)', () => {
  const path = scratch('mib-roster-readings-');
  const A6_LOW = '“低位区间占比20%”读作占比20%及以下得满分。';

  it('威海 二级 under 吉林: A6’s method notes, the policy’s notes, and the 降档 reading where a row was downgraded', async () => {
    const csv = writeCsv(path('weihai.csv'), [
      { 机构编码: 'R0', 机构名称: '甲医院', 质量保证金: 10000, 降档: 1, '30.2': '-1%' },
      { 机构编码: 'R1', 机构名称: '乙医院', 质量保证金: 10000, '30.2': '0%' },
    ]);
    const args = ['roster', 'weihai-2021-hospital-l2', '--input', csv, '--policy', 'jilin-2025', '--convert'];
    const text = await mibOnDisk(...args);
    const [, block = ''] = text.out.split('口径说明：');
    expect(block).toContain(`【第30项 30.1】${A6_LOW}`);
    expect(block).toContain('【第30项 30.2】“下降≥2%”“增幅≤2%”按占比的百分点变化计');
    expect(block).toContain('【政策】降档默认同时改变返还档次');
    expect(block).toContain('【政策 downgradeRefund】降档同时改变返还档次（downgradeRefund = grade）：按降档后等次的返还规则、以实际得分计算。');
    // the peer options are still said apart, before the block
    expect(text.out.indexOf('同级比较的口径')).toBeLessThan(text.out.indexOf('口径说明：'));

    const { json } = await rosterJsonOf(...args.slice(1));
    expect(json.readings).toContainEqual({ source: 'clause', id: '30.1', itemNo: '30', text: A6_LOW });
    expect(json.readings.filter((r) => r.id === 'downgradeRefund')).toHaveLength(1);
    // no veto in the roster, no veto reading; a roster names no 另行扣减 circumstance
    expect(json.readings.some((r) => r.id === 'veto' || r.id === 'extraWithholding')).toBe(false);

    const out = path('weihai.xlsx');
    expect((await mibOnDisk(...args, '-o', out)).out).toContain('“口径说明”');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('口径说明')!;
    expect(sheet.getRow(4).values).toEqual([undefined, '来源', '条款', '序号', '口径说明']);
    const rows = json.readings.map((_, k) => sheet.getRow(5 + k).values as unknown[]);
    expect(rows).toContainEqual([undefined, '条款', '30.1', '30', A6_LOW]);
    expect(rows.map((r) => r[4])).toEqual(json.readings.map((r) => r.text));
  });

  it('江北 under its policy: the ownership reading counts the roster’s 公立 / 民营 / blank, and a vetoed row brings the veto reading', async () => {
    const csv = writeCsv(path('jiangbei.csv'), [
      { 机构编码: 'J0', 机构名称: '公立医院', '公立/民营': '公立', '15.1': '是' },
      { 机构编码: 'J1', 机构名称: '民营医院', '公立/民营': '民营' },
      { 机构编码: 'J2', 机构名称: '未填医院' },
    ]);
    const { json } = await rosterJsonOf('cq-jiangbei-2025-hospital', '--input', csv, '--policy', 'cq-jiangbei-2025');
    const ownership = json.readings.find((r) => r.id === 'ownership')?.text;
    expect(ownership).toContain('（19.1、19.2）');
    expect(ownership).toContain('本名单公立 1 家、民营 1 家；1 家机构性质（公立/民营）未填写，按公立计并列为未填写的事实。');
    expect(json.readings.find((r) => r.id === 'veto')?.text).toBe(
      '否决（原文“存在否决项得分为0分”）按 veto.effect = setScore 计：得分按0分计，等次不高于不合格。',
    );
    // without the vetoed row, no veto reading
    const calm = writeCsv(path('calm.csv'), [{ 机构编码: 'J1', 机构名称: '民营医院', '公立/民营': '民营' }]);
    expect(
      (await rosterJsonOf('cq-jiangbei-2025-hospital', '--input', calm, '--policy', 'cq-jiangbei-2025')).json.readings.some((r) => r.id === 'veto'),
    ).toBe(false);
  });
});
