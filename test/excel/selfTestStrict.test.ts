// 自检 on the strict Office.js fake (test/excel/fakeExcel.ts, in its web mode: Excel's documented limits,
// 5 MB a request and a response, VeryHidden sheets), through the pane's own Excel port: every step the fake
// can answer passes, and nothing is left behind. The same run in Chromium: test/pane/selfTestStrict.test.ts.
import { describe, expect, it } from 'vitest';
import { statusCounts } from '../../src/excel/selfTest';
import { selfTestOnStrictFake } from '../support/strictSelfTest';

describe('自检 on the strict fake', () => {
  it('passes every step the fake can answer, in web mode, and removes what it made', async () => {
    const { report, left, requestSizes } = await selfTestOnStrictFake();
    expect(report.steps.filter((s) => s.status === 'failed').map((s) => JSON.stringify(s))).toEqual([]);
    expect(statusCounts(report).passed).toBeGreaterThan(12);
    expect(left.filter((name) => name.startsWith('MIB自检'))).toEqual([]);
    expect(Math.max(...requestSizes)).toBeLessThan(5 * 1024 * 1024);
  }, 120_000);
});
