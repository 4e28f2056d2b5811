// mib check refuses rubric numbers that pass the schema but mis-score: each test changes one number of a
// bundled table the way a person writing a region's table could slip, and expects the error (or warning)
// naming the field, in Chinese, saying what to write instead.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFile, evaluate, RubricSchema } from '../../../src/core';

type Json = Record<string, any>;
const read = (id: string): Json => JSON.parse(readFileSync(`rubrics/${id}.json`, 'utf8'));
const jiangbei = () => read('cq-jiangbei-2025-hospital');
const weihai = () => read('weihai-2021-hospital-l2');

function errorAt(file: Json, field: string) {
  const report = checkFile(file);
  const found = report.errors.find((e) => e.field === field);
  expect(found, `errors: ${JSON.stringify(report.errors.map((e) => e.field))}`).toBeDefined();
  return found!.message;
}

describe('a ratio bound written as a percent', () => {
  it('江北 20 “药品网采率未达到90%的不得分” written 90: every hospital loses the item, whatever its rate', () => {
    const file = jiangbei();
    file.items[19].rules[0].when.value = 90;
    // what it would do: a rate of 100% still “未达到90”
    const rubric = RubricSchema.parse(file);
    expect(evaluate(rubric, { '20.1': 1 }).items[19]!.score.toNumber()).toBe(0);
    const message = errorAt(file, 'items.19.rules.0.when.value');
    expect(message).toContain('第20项 20.1（');
    expect(message).toContain('门槛 90 超出该输入的取值范围');
    expect(message).toContain('比例按小数填写（0 到 1，90% 写 0.9）；90% 请写 0.9');
  });
  it('江北 22 all-of part “占总开方量20%” written 20', () => {
    const file = jiangbei();
    file.items[21].rules[0].parts[0].value = 20;
    expect(errorAt(file, 'items.21.rules.0.parts.0.value')).toContain('20% 请写 0.2');
  });
  it('威海 A6 method 2, a signed ratio row “下降≥2%” written -2 (outside [-1, 1])', () => {
    const file = weihai();
    file.items[29].rules[0].methods[1].rows[0].value = -2;
    const message = errorAt(file, 'items.29.rules.0.methods.1.rows.0.value');
    expect(message).toContain('第1行的界限 -2 超出该输入的取值范围');
    expect(message).toContain('-1 到 1');
    expect(message).toContain('-2% 请写 -0.02');
  });
  it('威海 A6 method 1, a linear reference “低位区间占比20%” written 20, and a step “每1个百分点” written 10', () => {
    const file = weihai();
    file.items[29].rules[0].methods[0].reference = 20;
    expect(errorAt(file, 'items.29.rules.0.methods.0.reference')).toContain('基准（reference） 20 超出');
    const stepped = weihai();
    stepped.items[29].rules[0].methods[0].step = 10;
    expect(errorAt(stepped, 'items.29.rules.0.methods.0.step')).toContain('“每1个百分点”写 0.01');
  });
  it('威海 B3 “满意度×10分” with scale 100 on a ratio earns a hundredth', () => {
    const file = weihai();
    file.items[20].rules[0].scale = 100;
    expect(errorAt(file, 'items.20.rules.0.scale')).toContain(
      'scale 不应大于 1（“满意度×10分”写 scale 1、points 10）；写 100 时满分的比例只能得 points 的 1/100',
    );
  });
  it('a bound on a 0–100 score outside its range is refused too', () => {
    const file = weihai();
    file.items[23].rules[0] = {
      kind: 'threshold',
      effect: 'earn',
      points: 30,
      when: { op: '>=', value: 850 },
      text: '得分85以上得30分',
      input: file.items[23].rules[0].input,
    };
    expect(errorAt(file, 'items.23.rules.0.when.value')).toContain('[0, 100]');
  });
});

describe('a clause that scores the same whatever is entered', () => {
  it('江北 18.1 “未达到50%的扣10分” written “< 0”: no rate is below 0%, so the 10 points are never deducted', () => {
    const file = jiangbei();
    file.items[17].rules[0].when.value = 0;
    expect(errorAt(file, 'items.17.rules.0.when.value')).toContain(
      '的条件“< 0”对该输入的所有取值都不成立，无论填什么都一样计分：请核对比较符（op）与界限（value）',
    );
  });
  it('威海 A6 method 1 “每高于该区间1个百分点扣1分” with the reference at 100%: no rate lies above it', () => {
    const file = weihai();
    file.items[29].rules[0].methods[0].reference = 1;
    expect(errorAt(file, 'items.29.rules.0.methods.0.reference')).toContain('基准 1 在取值范围的最高端，没有任何值能高于它，本条永远不计分');
  });
});

describe('a minimum above its maximum', () => {
  it('威海 C23 “每次扣5-10分” written min 10, max 5', () => {
    const file = weihai();
    Object.assign(file.items[32].rules[0], { min: 10, max: 5 });
    expect(errorAt(file, 'items.32.rules.0.min')).toContain('酌情分值下限 min（10）大于上限 max（5）：如“每次扣5-10分”写 min 5、max 10');
  });
  it('威海 B4 score input written min 100, max 0', () => {
    const file = weihai();
    Object.assign(file.items[23].rules[0].input, { min: 100, max: 0 });
    expect(errorAt(file, 'items.23.rules.0.input.min')).toContain('下限 min（100）大于上限 max（0），没有任何值可填：请互换 min 与 max');
  });
  it('威海 A6 method 2, rows out of order: “≤2%” first leaves “下降≥2%” and “持平” unreachable', () => {
    const file = weihai();
    const rows = file.items[29].rules[0].methods[1].rows;
    file.items[29].rules[0].methods[1].rows = [rows[2], rows[0], rows[1]];
    const report = checkFile(file);
    const fields = report.errors.map((e) => e.field);
    expect(fields).toEqual(['items.29.rules.0.methods.1.rows.1', 'items.29.rules.0.methods.1.rows.2']);
    expect(report.errors[0]!.message).toContain('第2行（≤ -0.02，得10分）永远用不到：各行按顺序比较、先符合的为准');
  });
});

describe('items and their caps', () => {
  it('items adding up to more than the printed total are refused (a score could pass the table’s total)', () => {
    const file = jiangbei();
    file.items[5].points += 5;
    expect(errorAt(file, 'total')).toContain('超过表格合计 100 分');
  });
  it('a clause cap above its item’s points is a warning, not an error', () => {
    const file = weihai();
    file.items[42].rules[0].cap = 15;
    const report = checkFile(file);
    expect(report.errors).toEqual([]);
    const warning = report.warnings.find((w) => w.field === 'items.42.rules.0.cap');
    expect(warning?.message).toContain('本条最多得 15 分（cap），超过本项分值 10 分');
  });
});
