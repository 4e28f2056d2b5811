// mib check refuses policies that pass the schema but grade or refund wrongly: each test changes one
// thing in a bundled policy and expects the error naming the field, in Chinese, saying what to write.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFile, gradeOf, PolicySchema, refundOf } from '../../../src/core';

type Json = Record<string, any>;
const read = (id: string): Json => JSON.parse(readFileSync(`rubrics/policies/${id}.json`, 'utf8'));

function errorsOf(file: Json) {
  return checkFile(file).errors;
}
function errorAt(file: Json, field: string) {
  const errors = errorsOf(file);
  const found = errors.find((e) => e.field === field);
  expect(found, `errors: ${JSON.stringify(errors.map((e) => [e.field, e.message]))}`).toBeDefined();
  return found!.message;
}

describe('a veto never better than the lowest grade', () => {
  it('吉林 一票否决 written 基本合格: a vetoed 95 would pass', () => {
    const file = read('jilin-2025');
    file.veto.grade = '基本合格';
    // what it would do: the score stands, and the veto grade is a passing one
    expect(gradeOf(PolicySchema.parse(file), 95, { veto: true }).label).toBe('基本合格');
    expect(errorAt(file, 'veto.grade')).toBe(
      '否决后的等次“基本合格”好于最低等次“不合格”：否决项须评为最低等次（grades 从高到低排列，最后一个为最低），请写 "grade": "不合格"',
    );
  });
  it('江北 “存在否决项得分为0分” with the veto grade written 合格 (the file contradicts itself)', () => {
    const file = read('cq-jiangbei-2025');
    file.veto.grade = '合格';
    expect(errorAt(file, 'veto.grade')).toContain('请写 "grade": "不合格"');
  });
  it('a veto score outside the scale', () => {
    const file = read('cq-jiangbei-2025');
    file.veto.score = 150;
    expect(errorAt(file, 'veto.score')).toContain('否决后的得分 150 不在政策分制 0 到 100 分之内');
  });
  it('宁德: a per-point tier on 不合格 pays a vetoed 95 in full while the score stands', () => {
    const file = read('ningde-2025-hospital');
    file.grades[3].refund = { kind: 'perPointBelow', base: 85, ratePerPoint: 0.04, text: '较85分每低1分扣4%' };
    expect(refundOf(PolicySchema.parse(file), 95, 10000, { veto: true }).amount.toNumber()).toBe(10000);
    const message = errorAt(file, 'veto');
    expect(message).toContain('否决后 ');
    expect(message).toContain('多于最低等次“不合格”本身最多退还的');
    expect(message).toContain('"kind": "none"');
  });
});

describe('refunds never fall as the score rises', () => {
  it('吉林: 优 and 不合格 tiers swapped', () => {
    const file = read('jilin-2025');
    [file.grades[0].refund, file.grades[4].refund] = [file.grades[4].refund, file.grades[0].refund];
    const message = errorAt(file, 'grades.1.refund');
    expect(message).toContain('返还比例随得分升高而下降：');
    expect(message).toContain('（不合格）退还 100%');
    expect(message).toContain('请检查各等次的 refund 是否写反');
  });
  it('吉林: 合格 “每低1分扣除2.5%” written 1%, so 79.99 gets more back than 80', () => {
    const file = read('jilin-2025');
    file.grades[2].refund.ratePerPoint = 0.01;
    const message = errorAt(file, 'grades.1.refund');
    expect(message).toContain('79.995 分（合格）退还 90%，80 分（良）只退还 80%');
  });
  it('the bundled policies keep their tiers (no error)', () => {
    for (const id of ['jilin-2025', 'ningde-2025-hospital', 'ningde-2025-pharmacy', 'cq-jiangbei-2025']) expect(errorsOf(read(id))).toEqual([]);
  });
});

describe('grades the scale cannot reach', () => {
  it('吉林 第八条 “扣分项总分 100 分” written scale.points 1: 优 … 基本合格 are never given', () => {
    const file = read('jilin-2025');
    file.scale.points = 1;
    const errors = errorsOf(file);
    expect(errors.map((e) => e.field)).toEqual(['grades.0.min', 'grades.1.min', 'grades.2.min', 'grades.3.min']);
    expect(errors[0]!.message).toBe(
      '等次“优”的下限 90 高于政策分制的最高分 11（scale.points 1 + scale.bonus 10），这个等次永远评不到：请核对 scale.points（百分制写 100）与各等次的分数线',
    );
  });
});

describe('a per-point base outside its band or the scale', () => {
  it('宁德 合格 “基准分85分” written 60, below the band [70, 85): every 合格 score would get 100%', () => {
    const file = read('ningde-2025-hospital');
    file.grades[2].refund.base = 60;
    expect(errorAt(file, 'grades.2.refund.base')).toContain('返还基准分 base 60 低于本等次的下限 70');
  });
  it('吉林 良 “较90分” written 900, above the scale', () => {
    const file = read('jilin-2025');
    file.grades[1].refund.base = 900;
    expect(errorAt(file, 'grades.1.refund.base')).toContain('高于政策分制 100 分');
  });
  it('吉林 合格 [70, 80) counting from 90 stays accepted (第十条 counts every band from 90)', () => {
    expect(read('jilin-2025').grades[2].refund.base).toBe(90);
    expect(errorsOf(read('jilin-2025'))).toEqual([]);
  });
});
