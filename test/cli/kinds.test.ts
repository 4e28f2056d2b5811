// `mib` under the policy kinds of issue 13, with a region's policy registered by id: --circumstance
// (挂牌督办: a further 10%) on score and refund, and the veto effects (湖北 "严重违规 按60分计").
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OwnFiles } from '../../src/cli/ownFiles';
import { template } from '../../src/cli/commands/template';
import { registerPolicy, unregister } from '../../src/core';
import { hubeiVeto, vetoPolicy, withholdPolicy } from '../support/kindPolicies';
import { mibWith } from '../support/mibRunner';

const withhold = withholdPolicy();
const hubei = { ...vetoPolicy(hubeiVeto), id: 'test-hubei' };
beforeAll(() => [withhold, hubei].forEach(registerPolicy));
afterAll(() => [withhold, hubei].forEach((p) => unregister('policy', p.id)));
const mib = mibWith({ 'facts.json': readFileSync('examples/jiangbei-hospital.json', 'utf8') });

describe('mib refund and score --circumstance', () => {
  it('refund: "withhold 20% in [80, 90)" pays 8000.00 of 10000; 挂牌督办 a further 10%: 7000.00', () => {
    expect(mib('refund', '85', '--deposit', '10000', '--policy', withhold.id).out).toBe('8000.00');
    expect(mib('refund', '85', '--deposit', '10000', '--policy', withhold.id, '--circumstance', '挂牌督办').out).toBe('7000.00');
    const json = JSON.parse(mib('refund', '85', '--deposit', '10000', '--policy', withhold.id, '--circumstance', '挂牌督办', '--json').out) as {
      trace: string[];
    };
    expect(json.trace).toContain('80% − 10% = 70%');
  });

  it('score: 78 points, 合格 60%, less 10 points for 挂牌督办: 5000.00 (50%)', () => {
    const r = mib(
      'score',
      'cq-jiangbei-2025-hospital',
      '--input',
      'facts.json',
      '--policy',
      withhold.id,
      '--deposit',
      '10000',
      '--circumstance',
      '挂牌督办',
      '--complete',
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('质量保证金返还：5000.00 元（50%）');
  });

  it("an unknown circumstance is refused with the policy's names, even without a deposit; --case excludes it", () => {
    const r = mib('score', 'cq-jiangbei-2025-hospital', '--input', 'facts.json', '--policy', withhold.id, '--circumstance', '约谈');
    expect(r.code).toBe(2);
    expect(r.err).toContain('没有“约谈”这一扣减情形；它规定的情形有：挂牌督办');
    expect(mib('refund', '--case', '解除协议', '--deposit', '1', '--policy', 'jilin-2025', '--circumstance', '挂牌督办').code).toBe(2);
    expect(mib('grade', '85', '--policy', withhold.id, '--circumstance', '挂牌督办').code).toBe(2);
  });
});

describe('mib grade and refund under 湖北 "严重违规 按60分计"', () => {
  it('85 vetoed counts as 60: 基本合格, 10% of the deposit', () => {
    expect(mib('grade', '85', '--policy', hubei.id, '--veto').out).toBe('基本合格');
    expect(mib('refund', '85', '--deposit', '10000', '--policy', hubei.id, '--veto').out).toBe('1000.00');
    expect(mib('grade', '85', '--policy', 'jilin-2025', '--veto').out).toBe('不合格');
  });
});

describe('mib template --circumstance', () => {
  const run = async (policy: string, circumstance: string) => {
    const written: Uint8Array[] = [];
    const err: string[] = [];
    const files = {
      out: () => undefined,
      err: (t: string) => err.push(t),
      readFile: (): string => {
        throw new Error('ENOENT');
      },
    };
    const io = { ...files, readFacts: () => ({}), writeFile: (_: string, data: Uint8Array) => written.push(data), files: new OwnFiles(files) };
    try {
      return { code: await template(io, ['cq-jiangbei-2025-hospital'], { policy, circumstance, output: 'x.xlsx' }), written, error: '' };
    } catch (error) {
      return { code: -1, written, error: (error as Error).message };
    }
  };
  it('pre-fills 扣减情形 for a policy that names it, refuses it under one that does not', async () => {
    const ok = await run(withhold.id, '挂牌督办');
    expect([ok.code, ok.written.length]).toEqual([0, 1]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(ok.written[0] as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect([sheet.getCell('A10').value, sheet.getCell('C10').value]).toEqual(['扣减情形', '挂牌督办']);
    expect((await run('jilin-2025', '挂牌督办')).error).toContain('没有规定任何另行扣减的情形');
  });
});
