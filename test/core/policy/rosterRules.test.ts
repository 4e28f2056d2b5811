// mib check on a policy's 名单规则 (src/core/checks/rosterRules.ts and the schema's ranges): each mistake
// a region makes when writing "后5%" or "末位" is refused or warned about, naming the field.
import { describe, expect, it } from 'vitest';
import { checkFile, getPolicy } from '../../../src/core';

const taiyuan = { rank: 'bottom', share: 0.05, consequence: '暂停医保服务', text: '考核得分排名后5%的定点机构，暂停医保服务' };
const withRules = (...rules: Record<string, unknown>[]) => ({
  ...JSON.parse(JSON.stringify(getPolicy('jilin-2025'))),
  id: 'rules-x',
  rosterRules: rules,
});
const fields = (report: { errors: { field: string }[] }) => report.errors.map((e) => e.field);

describe('mib check on rosterRules', () => {
  it('accepts a 太原-style rule, a count and a per-level share, with no warning', () => {
    const report = checkFile(
      withRules(
        taiyuan,
        { rank: 'bottom', count: 1, consequence: '约谈', text: '考核得分末位的，约谈' },
        {
          rank: 'top',
          share: 0.1,
          group: 'level',
          rounding: 'floor',
          ties: 'exclude',
          consequence: '通报表扬',
          text: '排名前10%的，通报表扬',
        },
      ),
    );
    expect(report).toMatchObject({ errors: [], warnings: [] });
  });

  it('refuses a share outside (0, 1], a count below 1 or not whole, and an unknown group, rank, rounding or ties', () => {
    expect(fields(checkFile(withRules({ ...taiyuan, share: 0 })))).toEqual(['rosterRules.0.share']);
    expect(fields(checkFile(withRules({ ...taiyuan, share: 5 })))).toEqual(['rosterRules.0.share']);
    const { share: _s, ...byCount } = taiyuan;
    expect(fields(checkFile(withRules({ ...byCount, count: 0 })))).toEqual(['rosterRules.0.count']);
    expect(fields(checkFile(withRules({ ...byCount, count: 1.5 })))).toEqual(['rosterRules.0.count']);
    expect(fields(checkFile(withRules({ ...taiyuan, group: '级别' })))).toEqual(['rosterRules.0.group']);
    expect(fields(checkFile(withRules({ ...taiyuan, rank: 'last' })))).toEqual(['rosterRules.0.rank']);
    expect(fields(checkFile(withRules({ ...taiyuan, rounding: 'up' })))).toEqual(['rosterRules.0.rounding']);
    expect(fields(checkFile(withRules({ ...taiyuan, ties: 'all' })))).toEqual(['rosterRules.0.ties']);
  });

  it('needs exactly one of share and count, and no rounding with a count', () => {
    const both = checkFile(withRules({ ...taiyuan, count: 1 }));
    expect(both.errors).toEqual([expect.objectContaining({ field: 'rosterRules.0.share', message: expect.stringContaining('只能写一个') })]);
    const { share: _s, ...neither } = taiyuan;
    expect(checkFile(withRules(neither)).errors[0]?.message).toBe('名单规则须写 share（比例，如 后5% 写 0.05）或 count（家数，如 末位 写 1）之一');
    expect(fields(checkFile(withRules({ ...neither, count: 1, rounding: 'ceil' })))).toEqual(['rosterRules.0.rounding']);
  });

  it('refuses two rules with the same end, range and consequence', () => {
    const report = checkFile(withRules(taiyuan, { ...taiyuan, share: 0.1 }));
    expect(report.errors).toEqual([expect.objectContaining({ field: 'rosterRules.1.consequence', message: expect.stringContaining('第 1 条') })]);
  });

  it('warns where the text prints another percent than the share, or the other end than rank', () => {
    const percent = checkFile(withRules({ ...taiyuan, share: 0.5 }));
    expect(percent.errors).toEqual([]);
    expect(percent.warnings).toEqual([expect.objectContaining({ field: 'rosterRules.0.share', message: expect.stringContaining('原文写 5%') })]);
    const end = checkFile(withRules({ ...taiyuan, rank: 'top' }));
    expect(end.warnings).toEqual([expect.objectContaining({ field: 'rosterRules.0.rank', message: expect.stringContaining('"bottom"') })]);
  });
});
