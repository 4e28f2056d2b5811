import { definitionOf, type InputSpec, inputIndex, listPolicies, listRubrics, pct } from '../core';
import { guard, isFailure, type Outcome } from './failure';
import type { Table } from './flags';
import { rubricFrom } from './lookup';

const INSTITUTION_LABELS: Record<string, string> = { hospital: '定点医疗机构', pharmacy: '定点零售药店', any: '定点医药机构' };

/** MIB.RUBRICS: the bundled official tables, one per row. */
export function rubricTable(): Outcome<Table> {
  return guard(() => [
    ['编号', '考核表', '地区', '年度', '机构类型', '满分', '文号'],
    ...listRubrics().map((r) => [
      r.id,
      r.title,
      r.region,
      r.year,
      INSTITUTION_LABELS[r.institution] ?? r.institution,
      r.total,
      r.provenance.documentNumber,
    ]),
  ]);
}

/** MIB.POLICIES: the bundled policies, one per row, with what each decides. */
export function policyTable(): Outcome<Table> {
  return guard(() => [
    ['编号', '政策', '地区', '适用机构', '等次', '质量保证金返还', '综合得分', '文号'],
    ...listPolicies().map((p) => [
      p.id,
      p.title,
      p.region,
      INSTITUTION_LABELS[p.institution] ?? p.institution,
      p.grades.map((g) => g.label).join('/'),
      p.refund ? '有' : '无',
      p.composite ? `本机构 ${pct(p.composite.own)} + 下属平均 ${pct(p.composite.subordinates)}` : '无',
      p.provenance.documentNumber,
    ]),
  ]);
}

/** What a value of this input must be, in the words a person filling the sheet reads. */
export function expectedValue(spec: InputSpec): string {
  switch (spec.type) {
    case 'boolean':
      return '是/否（TRUE/FALSE、1/0 亦可）';
    case 'count':
      return spec.max === undefined ? '次数：不小于 0 的整数' : `次数：0 到 ${spec.max} 的整数`;
    case 'rank':
      return '名次：不小于 1 的整数';
    case 'ratio':
      return '比例：0% 到 100%（45% 填 45% 或 0.45）';
    case 'signedRatio':
      return '变化比例：-100% 到 100%（下降 2 个百分点填 -2%）';
    case 'number':
    case 'points': {
      const what = spec.type === 'points' ? '分值' : '数值';
      return spec.max === undefined ? `${what}：不小于 ${spec.min ?? 0}` : `${what}：${spec.min ?? 0} 到 ${spec.max}`;
    }
    case 'band':
    case 'choice':
      return `选项：${(spec.options ?? []).map((o, i) => `${i + 1}=${o}`).join('，')}`;
  }
}

/** MIB.INPUTS: every fact of a table in the table's order — the ids to put beside MIB.SCORE — with what a
 * blank counts as (不填视为未发现 / 不填视为未达到 / 不填按最后一档计 …). */
export function inputTable(rubricArg: unknown): Outcome<Table> {
  return guard(() => {
    const rubric = rubricFrom(rubricArg);
    if (isFailure(rubric)) return rubric;
    const rows = [...inputIndex(rubric).byId.values()].map(({ spec, item, rule }) => [
      spec.id,
      item.code ? `${item.code}.${spec.id.split('.')[1]}` : '',
      item.no,
      item.indicator,
      spec.label,
      expectedValue(spec),
      definitionOf(rule).blankMeans(rule, spec).zh,
    ]);
    return [['编号', '代码编号', '项目', '考核指标', '事实', '取值', '不填时'], ...rows];
  });
}
