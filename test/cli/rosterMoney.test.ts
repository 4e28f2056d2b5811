// Issue 19 on the command line: `mib roster` text and `--json` on roster files as a clerk saves them. The
// deposits are split so that 合计 = 返还 + 不予返还 + 暂缓 + 下属机构, each line printed, with the check; a
// self-score is met with the table's own total, which the report prints beside the final score.
import { describe, expect, it } from 'vitest';
import { compositeMoneyRows, twelveInstitutions } from '../support/jiangbeiRows';
import { mibOnDisk } from '../support/mibOnDisk';
import { rosterJsonOf, scratch, weihaiSelfScored, writeCsv } from '../support/rosterFiles';

const path = scratch('mib-roster-money-');
const twelve = writeCsv(path('twelve.csv'), twelveInstitutions());
const composite = writeCsv(path('composite.csv'), compositeMoneyRows());
const selfScored = writeCsv(path('self.csv'), weihaiSelfScored());
const JILIN = ['--policy', 'jilin-2025', '--complete'];

/** The report's money lines, from its heading to the check. */
function moneyLines(out: string): string[] {
  const lines = out.split('\n');
  const start = lines.findIndex((line) => line.startsWith('质量保证金'));
  const end = lines.findIndex((line) => line.includes('核对'));
  return lines.slice(start, end + 1);
}

describe('mib roster: the money adds up', () => {
  it('12 institutions: the two 暂不评定 rows’ 170,000.00 is printed as 暂缓, and 合计 − the lines is 0.00', async () => {
    const run = await mibOnDisk('roster', 'cq-jiangbei-2025-hospital', '--input', twelve, ...JILIN);
    expect(run.code).toBe(1); // the two rows with an invalid 6.1
    expect(moneyLines(run.out)).toEqual([
      '质量保证金（合计 = 返还 + 不予返还 + 暂缓 + 下属机构）：',
      '  质量保证金合计：1260000.00 元',
      '  返还：1029502.00 元',
      '  不予返还：60498.00 元',
      '  暂缓：暂不评定（有无效填报）：170000.00 元',
      '  暂缓：暂评未确认（尚有未填）：0.00 元',
      '  暂缓：方案未规定：0.00 元',
      '  暂缓：方案未规定该分数段的返还：0.00 元',
      '  暂缓：纳入下一年度考核后返还：0.00 元',
      '  下属机构（随上级）：0.00 元',
      '  核对：合计 − 各项之和 = 0.00 元',
    ]);
    const { json } = await rosterJsonOf('cq-jiangbei-2025-hospital', '--input', twelve, ...JILIN);
    expect(json.summary).toMatchObject({
      depositTotalText: '1260000.00',
      refundPaidText: '1029502.00',
      refundWithheldText: '60498.00',
      deferredText: { withheld: '170000.00' },
      subordinateDepositsText: '0.00',
    });
  });

  it('吉林 第十一条: the subordinates’ 40,000 is 下属机构（随上级）', async () => {
    const run = await mibOnDisk('roster', 'cq-jiangbei-2025-hospital', '--input', composite, ...JILIN);
    expect(run.code, run.err).toBe(0);
    const lines = moneyLines(run.out);
    expect(lines).toContain('  质量保证金合计：340000.00 元');
    expect(lines).toContain('  返还：155000.00 元');
    expect(lines).toContain('  不予返还：145000.00 元');
    expect(lines).toContain('  下属机构（随上级）：40000.00 元');
    expect(lines.at(-1)).toBe('  核对：合计 − 各项之和 = 0.00 元');
    const { json } = await rosterJsonOf('cq-jiangbei-2025-hospital', '--input', composite, ...JILIN);
    expect(json.summary).toMatchObject({ depositTotal: 340000, refundPaid: 155000, refundWithheld: 145000, subordinateDeposits: 40000 });
    expect(json.institutions.map((row) => row.depositState)).toEqual(['settled', 'subordinate', 'subordinate', 'settled', 'settled']);
  });

  it('a 795-point self-score is met with the 795-point total: 700 against 694.95 (87.415 after 折算) is 5.05', async () => {
    const args = ['weihai-2021-hospital-l2', '--input', selfScored, '--policy', 'jilin-2025', '--convert'];
    const run = await mibOnDisk('roster', ...args);
    expect(run.out).toContain('自评：2 家给出自评得分，按考核表本身的 795 分制与考核表得分比较（折算、下属机构综合之前）');
    expect(run.out).toContain('  差异最大：W1 威海甲医院，自评 700，考核表得分 694.95（最终得分 87.415094），差 5.05');
    const { json } = await rosterJsonOf(...args);
    expect(json.institutions[0]).toMatchObject({ code: 'W1', selfScore: 700, tableTotal: 694.95, selfDifference: 5.05 });
    expect(json.institutions[0]!.total).toBeCloseTo(87.415, 3);
  });
});
