// mib check: a file that passes is followed by how to use it; one that mis-scores is refused, naming the field.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mibWith } from '../support/mibRunner';

const table = readFileSync('rubrics/cq-jiangbei-2025-hospital.json', 'utf8');
const policy = readFileSync('rubrics/policies/jilin-2025.json', 'utf8');

describe('mib check says what comes next', () => {
  it('a table: mib score and mib template by path', () => {
    const r = mibWith({ 'my-table.json': table })('check', 'my-table.json');
    expect(r.code).toBe(0);
    expect(r.out).toContain('my-table.json：考核表 cq-jiangbei-2025-hospital 通过检查（0 处警告）');
    expect(r.out).toContain('mib score ./my-table.json --input 事实.json [--policy 政策]');
    expect(r.out).toContain('mib template ./my-table.json');
  });
  it('a policy: --policy with the path as given', () => {
    const r = mibWith({ 'rules/p.json': policy })('check', 'rules/p.json');
    expect(r.code).toBe(0);
    expect(r.out).toContain('mib grade 85 --policy ./rules/p.json');
    expect(r.out).toContain('mib score <考核表> --input 事实.json --policy ./rules/p.json');
  });
  it('a mis-scoring file is refused with the field, and no next step', () => {
    const broken = JSON.parse(policy);
    broken.veto.grade = '合格';
    const r = mibWith({ 'p.json': JSON.stringify(broken) })('check', 'p.json');
    expect(r.code).toBe(1);
    expect(r.err).toContain('错误 veto.grade：否决后的等次“合格”好于最低等次“不合格”');
    expect(r.out).not.toContain('下一步');
  });
});
