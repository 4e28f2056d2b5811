// A region's own file becomes a usable table or policy only through the checks `mib check` runs; every
// error comes back at once, in Chinese, with its field.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkedFile, checkFile, MibError, PolicySchema, RubricSchema } from '../../src/core';

const table = JSON.parse(readFileSync('examples/region/table.json', 'utf8')) as Record<string, unknown>;
const policy = JSON.parse(readFileSync('examples/region/policy.json', 'utf8')) as Record<string, unknown>;
const copy = <T>(value: T): T => structuredClone(value);

function failure(json: unknown, expected?: 'rubric' | 'policy'): MibError {
  try {
    checkedFile(json, './x.json', expected);
  } catch (error) {
    if (error instanceof MibError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('checkedFile', () => {
  it('turns the region’s table and policy into the parsed Rubric and Policy, defaults filled, no warnings', () => {
    const t = checkedFile(table, 'examples/region/table.json', 'rubric');
    expect(t).toEqual({ kind: 'rubric', rubric: RubricSchema.parse(table), warnings: [] });
    expect(t.kind === 'rubric' && t.rubric.partialSteps).toBe('proportional');
    const p = checkedFile(policy, 'examples/region/policy.json');
    expect(p).toEqual({ kind: 'policy', policy: PolicySchema.parse(policy), warnings: [] });
  });

  it('lists every schema error with its field, as mib check does', () => {
    const broken = copy(table) as { title?: string; items: { rules: { points: number }[] }[] };
    delete broken.title;
    broken.items[1]!.rules[0]!.points = -2;
    const error = failure(broken, 'rubric');
    expect(error.code).toBe('invalid-file');
    const fields = checkFile(broken).errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'items.1.rules.0.points']));
    expect(error.message).toMatch(/^考核表“\.\/x\.json”有 \d+ 处错误，不能使用/);
    for (const e of checkFile(broken).errors) expect(error.message).toContain(e.message);
    expect(error.message).toMatch(/\n {2}title：/);
    expect(error.message).toMatch(/\n {2}items\.1\.rules\.0\.points：/);
  });

  it('lists the file’s own errors (repeated 序号, a veto grade that is not a grade), each opened by its field', () => {
    const repeated = copy(table) as { items: { no: string; rules: { input: { id: string } }[] }[] };
    repeated.items[2]!.no = '2';
    repeated.items[2]!.rules.forEach((r, k) => (r.input.id = `2.${k + 3}`));
    const t = failure(repeated);
    expect(t.message).toContain('items.2.no：序号 2 重复');
    const badVeto = { ...copy(policy), veto: { grade: '差', text: '否决' } };
    const p = failure(badVeto, 'policy');
    expect(p.message).toBe('政策“./x.json”有 1 处错误，不能使用（检查文件时同样列出）：\n  veto.grade：否决后的等次“差”不在 grades 中');
  });

  it('refuses a policy where a table goes, and a file without a kind', () => {
    expect(failure(policy, 'rubric').message).toBe('“./x.json”是政策文件（"kind": "policy"），此处需要考核表文件（"kind": "rubric"）');
    expect(failure({ id: 'x' }, 'rubric').message).toContain('kind：文件须有 "kind": "rubric"');
  });

  it('returns the warnings (a section total that the items do not add up to) and accepts the file', () => {
    const off = copy(table) as { sections: { points?: number }[] };
    off.sections[0]!.points = 25;
    const checked = checkedFile(off, './x.json', 'rubric');
    expect(checked.warnings.map((w) => w.field)).toEqual(['sections.0.points']);
    expect(checked.warnings[0]!.message).toBe('“协议管理”印明 25 分，各项分值合计 20 分');
  });
});
