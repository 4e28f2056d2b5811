import { getPolicy, getRubric, scoreRoster } from '../../core';
import { withSheetNames } from '../../sheet/renamedSheets';
import { planRosterWorkbook } from '../../sheet/roster';
import type { GridPlan } from '../../sheet/types';
import { type SelfTestContext, attempt, failed, passed } from './step';
import { SCRATCH_PREFIX } from './tables';
import type { StepResult } from './types';

const RUBRIC = 'cq-jiangbei-2025-hospital';
const CODES = ['SELFTEST-A', 'SELFTEST-B', 'SELFTEST-C'];

/** A three-institution 江北 roster scored by the core and planned as the pane's 汇总 writes it (汇总名单,
 * 汇总统计 with its native column charts), each sheet under a scratch name. */
export function selfTestRosterPlans(): GridPlan[] {
  const rubric = getRubric(RUBRIC);
  const table = {
    header: ['机构编码', '机构名称', '4.2', '15.1'],
    rows: CODES.map((code, i) => [code, `自检机构${i + 1}`, i, i === 2 ? '是' : '否']),
    cellName: (row: number, column: number) => `R${row + 2}C${column + 1}`,
    source: 'self-test',
  };
  const plans = planRosterWorkbook(scoreRoster(rubric, table, getPolicy('cq-jiangbei-2025')), rubric, getPolicy('cq-jiangbei-2025')).sheets;
  const renamed = new Map(plans.map((plan) => [plan.name, `${SCRATCH_PREFIX}${plan.name}`]));
  return plans.map((plan) => ({ ...withSheetNames(plan, renamed), name: renamed.get(plan.name)! }));
}

/** Writes the roster sheets, reads the institutions back and, where the host can, the charts. */
export function rosterStep(context: SelfTestContext): Promise<StepResult> {
  return attempt('chart', undefined, async () => {
    const { port, inspector } = context.host;
    const plans = selfTestRosterPlans();
    const names = await port.createGridSheets(plans);
    context.created.push(...names);
    const values = await port.readValues(names[0]!);
    const found = (values?.values ?? []).filter((row) => CODES.includes(String(row[0] ?? ''))).length;
    if (found !== CODES.length) return failed(context.t('chartRowsDiffer', { found, expected: CODES.length }));
    const planned = plans.flatMap((plan, i) => (plan.charts ?? []).map((chart) => ({ sheet: names[i]!, name: chart.name })));
    if (!inspector.charts) {
      return passed(`${context.t('chartSame', { sheets: names.join('、'), rows: found, charts: '—' })}；${context.t('chartsNotRead')}`);
    }
    const charts: string[] = [];
    for (const sheet of new Set(planned.map((chart) => chart.sheet))) charts.push(...(await inspector.charts(sheet)));
    const expected = planned.map((chart) => chart.name);
    return expected.every((name) => charts.includes(name)) && expected.length > 0
      ? passed(context.t('chartSame', { sheets: names.join('、'), rows: found, charts: expected.join('、') }))
      : failed(context.t('chartMissing', { found: charts.join('、') || '—', expected: expected.join('、') }));
  });
}
