// A region's own table and policy, given by path wherever an id goes: checked as `mib check` checks
// them, used for the command, named in the output, and forgotten when the command ends.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledPolicyIds, bundledRubricIds, policyIds, rubricIds } from '../../src/core';
import { mibOnDisk as mib } from '../support/mibOnDisk';
import { regionExamples } from '../support/regionExamples';

// the region's files, as an agency would keep them in a folder of its own
const { dir, table, policy, facts } = regionExamples('mib-own-files-');
const write = (name: string, json: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof json === 'string' ? json : JSON.stringify(json, null, 2));
  return path;
};
const tableJson = () =>
  JSON.parse(readFileSync(table, 'utf8')) as Record<string, unknown> & {
    items: { rules: Record<string, unknown>[] }[];
    sections: { points?: number }[];
  };

describe('mib score with a table file and a policy file', () => {
  it('scores by hand-computed numbers: 13 + 20 + 50 + bonus 2 = 85, 良好, 95% of 50000', async () => {
    // item 2: 3 reports late × 2 = 6, 15 doctors × 0.1 = 1.5 capped at 1 → 20 − 7 = 13
    // item 3: 85% < 90% → −10 → 20; item 4: both earned → 50; item 5: 2 commendations → +2
    // 良好 [80, 90): 90 − 85 = 5 points × 1% = 5% withheld → 47500.00
    const r = await mib('score', table, '--input', facts, '--policy', policy, '--deposit', '50000', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.rubric).toBe('moudi-2026-hospital');
    expect(json.items.map((i: { score: number }) => i.score)).toEqual([0, 13, 20, 50, 2]);
    expect(json.items[1].clauseCapped).toBe(0.5);
    expect(json.total).toBe(85);
    expect(json.bonus).toBe(2);
    expect(json.grade).toBe('良好');
    expect(json.refund).toBe(47500);
    // the table's and policy's own id, title and provenance, beside the contract's `rubric` id
    expect(json.rubricInfo).toEqual({
      id: 'moudi-2026-hospital',
      title: '某地2026年定点医疗机构考核表',
      region: '某地',
      year: 2026,
      source: '某医保发〔2026〕1号 附件1',
      issuer: '某地医疗保障局',
      document: '关于开展某地2026年定点医疗机构考核工作的通知（示例）',
      date: '2026-01-15',
      bundled: false,
      file: table,
    });
    expect(json.policyInfo).toMatchObject({
      id: 'moudi-2026',
      title: '某地定点医疗机构考核结果运用办法（示例）',
      source: '某医保发〔2026〕1号',
      bundled: false,
      file: policy,
    });
  });

  it('prints the table’s title, id and provenance in the text output', async () => {
    const r = await mib('score', table, '--input', facts, '--policy', policy, '--deposit', '50000');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('某地2026年定点医疗机构考核表（某医保发〔2026〕1号 附件1）');
    expect(lines[1]).toBe(
      `地区自己的考核表：编号 moudi-2026-hospital，某地，某地医疗保障局《关于开展某地2026年定点医疗机构考核工作的通知（示例）》（2026-01-15），文件 ${table}`,
    );
    expect(lines[2]).toBe(`地区自己的政策：编号 moudi-2026，某地定点医疗机构考核结果运用办法（示例）（某医保发〔2026〕1号），文件 ${policy}`);
    expect(r.out).toContain('总分：85 / 100（含加分 2）');
    expect(r.out).toContain('等次：良好（某地定点医疗机构考核结果运用办法（示例））');
    expect(r.out).toContain('质量保证金返还：47500.00 元（95%）');
  });

  it('a bundled table says so and names no file', async () => {
    const r = await mib('score', 'cq-jiangbei-2025-hospital', '--input', write('jb.json', {}), '--json');
    expect(JSON.parse(r.out).rubricInfo).toMatchObject({ id: 'cq-jiangbei-2025-hospital', bundled: true, source: '江医保中心发〔2024〕16号 附件2' });
    expect(JSON.parse(r.out).rubricInfo.file).toBeUndefined();
  });

  it('a veto under the region’s policy: score 0, 不合格, nothing refunded', async () => {
    const vetoed = write('vetoed.json', { ...JSON.parse(readFileSync(facts, 'utf8')), '1.1': true });
    const json = JSON.parse((await mib('score', table, '--input', vetoed, '--policy', policy, '--deposit', '50000', '--json')).out);
    expect([json.total, json.grade, json.refund]).toEqual([0, '不合格', 0]);
  });

  it('forgets the files when the command ends: the id alone is unknown afterwards', async () => {
    await mib('score', table, '--input', facts, '--policy', policy);
    expect(rubricIds).toEqual([...bundledRubricIds]);
    expect(policyIds).toEqual([...bundledPolicyIds]);
    const r = await mib('score', 'moudi-2026-hospital', '--input', facts);
    expect(r.code).toBe(2);
    expect(r.err).toContain('未知的考核表编号“moudi-2026-hospital”');
  });
});

describe('--policy <file> for grade, refund and composite', () => {
  it('grades, refunds and composes under the region’s own rules', async () => {
    expect((await mib('grade', '85', '--policy', policy)).out).toBe('良好');
    expect((await mib('grade', '59.5', '--policy', policy)).out).toBe('不合格');
    // 合格 [60, 80): (90 − 72.5) × 2% = 35% withheld
    expect((await mib('refund', '72.5', '--deposit', '10000', '--policy', policy)).out).toBe('6500.00');
    // 0.7 × 90 + 0.3 × (80 + 70) / 2 = 63 + 22.5
    expect((await mib('composite', '90', '80', '70', '--policy', policy)).out).toBe('85.5');
  });

  it('--scale takes a table file: its total converts a bare score onto the policy’s scale', async () => {
    const big = tableJson();
    big.id = 'moudi-2026-big';
    big.total = 200;
    const path = write('big.json', big);
    const r = await mib('grade', '170', '--policy', policy, '--scale', path, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ grade: '良好', converted: 85 });
  });
});

describe('refusals', () => {
  it('an unknown id lists the bundled ids and says a file path works too', async () => {
    const r = await mib('score', 'moudi-2026', '--input', facts);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `错误：未知的考核表编号“moudi-2026”。内置的有：${bundledRubricIds.join('、')}；也可以给出考核表文件的路径，如 ./my-table.json`,
    );
    const p = await mib('grade', '85', '--policy', 'moudi');
    expect(p.err).toBe(`错误：未知的政策编号“moudi”。内置的有：${bundledPolicyIds.join('、')}；也可以给出政策文件的路径，如 ./my-policy.json`);
  });

  it('a broken file stops the command and lists every error with its field, in Chinese', async () => {
    const broken = tableJson();
    delete broken.title;
    broken.items[1]!.rules[0]!.points = -2;
    const r = await mib('score', write('broken.json', broken), '--input', facts);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^错误：考核表“.*broken\.json”有 2 处错误，不能使用（检查文件时同样列出）：/);
    expect(r.err).toMatch(/\n {2}title：/);
    expect(r.err).toMatch(/\n {2}items\.1\.rules\.0\.points：/);
    expect(r.out).toBe('');
  });

  it('a policy file where a table goes is refused by its kind', async () => {
    const r = await mib('template', policy, '-o', join(dir, 'never.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toBe(`错误：“${policy}”是政策文件（"kind": "policy"），此处需要考核表文件（"kind": "rubric"）`);
  });

  it('a file that takes a bundled id is refused with a request to rename it', async () => {
    const r = await mib('score', write('taken.json', { ...tableJson(), id: 'cq-jiangbei-2025-hospital' }), '--input', facts);
    expect(r.code).toBe(2);
    expect(r.err).toContain('考核表编号“cq-jiangbei-2025-hospital”与内置考核表相同：地区自己的考核表请另取编号');
    expect(r.err).toContain('taken.json');
  });

  it('bad JSON names the file, line and column; a missing file is named', async () => {
    expect((await mib('score', write('bad.json', '{\n  "kind": "rubric",\n}'), '--input', facts)).err).toMatch(/bad\.json.*第 3 行/);
    expect((await mib('score', './nowhere/t.json', '--input', facts)).err).toBe(
      '错误：读不到文件“./nowhere/t.json”：文件不存在（请核对文件名和所在的文件夹）',
    );
  });

  it('warnings are printed to stderr and do not stop the command', async () => {
    const off = tableJson();
    off.sections[0]!.points = 25;
    const path = write('off.json', off);
    const r = await mib('score', path, '--input', facts, '--json');
    expect(r.code).toBe(0);
    expect(r.err).toBe(`警告（${path}）sections.0.points：“协议管理”印明 25 分，各项分值合计 20 分`);
    expect(JSON.parse(r.out).total).toBe(85);
  });
});

describe('the installed command', () => {
  it('reads ./x.json relative to the working directory, as an agency types it', () => {
    const r = spawnSync(
      'node',
      [join(process.cwd(), 'bin/mib.js'), 'score', './x.json', '--input', './facts.json', '--policy', './p.json', '--deposit', '50000'],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('地区自己的考核表：编号 moudi-2026-hospital');
    expect(r.stdout).toContain('质量保证金返还：47500.00 元（95%）');
  });
});
