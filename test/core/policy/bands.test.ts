import { describe, expect, it } from 'vitest';
import { checkBands, checkFile } from '../../../src/core';
import jilin from '../../../rubrics/policies/jilin-2025.json';

describe('grade bands: half-open, no gap, no overlap', () => {
  it('“94–90 / 89–80” written as closed ranges leaves 89–90 without a grade', () => {
    const problems = checkBands([
      { label: '优', min: 90, text: '90分以上' },
      { label: '良', min: 80, max: 89, text: '89–80' },
      { label: '差', max: 80, text: '80分以下' },
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.field).toBe('grades.1.max');
    expect(problems[0]?.message).toContain('空隙');
    expect(problems[0]?.message).toContain('[89, 90)');
  });
  it('overlapping bands are reported', () => {
    const problems = checkBands([
      { label: '优', min: 90, text: '' + '90' },
      { label: '良', min: 80, max: 91, text: '80–91' },
      { label: '差', max: 80, text: '<80' },
    ]);
    expect(problems.map((p) => p.message).join()).toContain('重叠');
  });
  it('a top band with an upper bound leaves the highest scores without a grade', () => {
    const problems = checkBands([
      { label: '优', min: 90, max: 100, text: '90–100' },
      { label: '差', max: 90, text: '<90' },
    ]);
    expect(problems[0]?.message).toContain('100 分及以上的得分没有等次');
  });
  it('a local policy file printing “94–90 / 89–80” as closed bands is refused by mib check, naming the field', () => {
    const local = structuredClone(jilin) as unknown as { grades: { min?: number; max?: number }[] };
    local.grades[0] = { ...local.grades[0], min: 90 }; // 94–90: 90 and above
    local.grades[1] = { ...local.grades[1], min: 80, max: 89 }; // 89–80 read as [80, 89)
    const report = checkFile(local);
    expect(report.errors.map((e) => e.field)).toContain('grades.1.max');
    expect(report.errors.map((e) => e.message).join()).toContain('[89, 90)');
  });
  it('the shipped 吉林 policy passes', () => {
    const report = checkFile(jilin);
    expect(report.kind).toBe('policy');
    expect(report.errors).toEqual([]);
  });
  it('a policy whose grade lacks a refund tier is an error naming the grade', () => {
    const broken = structuredClone(jilin) as typeof jilin;
    delete (broken.grades[1] as { refund?: unknown }).refund;
    const report = checkFile(broken);
    expect(report.errors.map((e) => e.field)).toContain('grades.1.refund');
  });
});
