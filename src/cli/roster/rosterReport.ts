import {
  documentName,
  fmt,
  MONEY_KEYS,
  MONEY_LABELS,
  moneyAmount,
  moneyDifference,
  type Policy,
  peerClauses,
  peerOptionsText,
  bulletin,
  findingLines,
  rosterFindings,
  type RosterResult,
  sourceText,
  type Rubric,
} from '../../core';
import { PEER_SHEET, PREVIOUS_SHEET, PUBLISH_SHEET, READINGS_SHEET, ROSTER_SHEET, SUMMARY_SHEET } from '../../sheet/roster';
import type { OwnFiles } from '../ownFiles';

/**
 * Every problem of a scored roster once, each naming its cell: the table's first (a column, a duplicate
 * code, a peer group of one), then each row's (a bad institution field, a missing parent, a bad fact).
 * A duplicate code is both the table's and its rows': said once.
 */
export function rosterProblems(result: RosterResult): string[] {
  const messages = new Set(result.problems.map((p) => p.message));
  for (const row of result.institutions) for (const p of [...row.problems, ...row.invalid]) messages.add(p.message);
  return [...messages];
}

export interface ReportContext {
  rubric: Rubric;
  policy: Policy | undefined;
  /** the file read, as the reader names it (with its encoding or sheet) */
  source: string;
  output: string | undefined;
  /** where `--publish` wrote the 公示名单 */
  publish?: string | undefined;
  files: OwnFiles;
}

const yuan = (amount: { toFixed(dp: number): string }) => `${amount.toFixed(2)} 元`;

/** `mib roster` without --json: a short Chinese report, what was read and under what, then the counts. */
export function rosterReport(result: RosterResult, ctx: ReportContext): string[] {
  const { rubric, policy } = ctx;
  const s = result.summary;
  const lines = [`名单：${ctx.source}，${s.institutions} 家机构`];
  const ownTable = ctx.files.pathOf('rubric', rubric.id);
  lines.push(`考核表：${documentName(rubric)}（${sourceText(rubric.provenance)}）${ownTable ? `，地区自己的考核表 ${ownTable}` : ''}`);
  const ownPolicy = policy && ctx.files.pathOf('policy', policy.id);
  lines.push(
    policy
      ? `政策：${documentName(policy)}（${policy.provenance.documentNumber}）${ownPolicy ? `，地区自己的政策 ${ownPolicy}` : ''}`
      : '政策：未给出，只计分，不评定等次与返还',
  );
  if (peerClauses(rubric).length > 0) {
    lines.push(`同级比较的口径：${peerOptionsText(result.options)}`);
    for (const group of result.groups) lines.push(...group.lines.map((line) => `  ${line}`));
    if (result.groups.length === 0) lines.push('  名单中没有与同级机构比较的列（填原始数据的列），这些条款按留空计');
  }
  if (s.institutions > 0) {
    const totals = result.institutions.map((row) => row.total);
    const low = totals.reduce((a, b) => (b.lt(a) ? b : a));
    const high = totals.reduce((a, b) => (b.gt(a) ? b : a));
    lines.push(`最终得分：最低 ${fmt(low)}，最高 ${fmt(high)}`);
  }
  if (policy) {
    lines.push(`等次：${s.perGrade.map((g) => `${g.label} ${g.count} 家`).join('，')}`);
    const others = [
      s.provisional > 0 && `暂评（尚有未填）${s.provisional} 家`,
      s.withheld > 0 && `暂不评定（有无效填报）${s.withheld} 家`,
      s.subordinates > 0 && `下属机构（不单独评定）${s.subordinates} 家`,
    ].filter(Boolean);
    if (others.length > 0) lines.push(`  其中 ${others.join('，')}`);
    if (result.rules) {
      lines.push('名单规则：');
      for (const outcome of result.rules) lines.push(...outcome.lines.map((line) => `  ${line}`));
    }
    if (s.depositTotal.gt(0)) lines.push(...moneyReport(s));
    else lines.push('质量保证金：名单没有“质量保证金”列（或都为空），不计返还');
  }
  if (result.previousYear) lines.push(...result.previousYear.lines);
  lines.push(...selfScoreReport(result, rubric));
  if (s.vetoes > 0) lines.push(`有否决项的机构：${s.vetoes} 家`);
  // what a reviewer looks for, each naming the institutions and items
  const found = findingLines(rosterFindings(result, rubric));
  if (found.length > 0) lines.push('需要复核：', ...found.map((line) => `  ${line}`));
  lines.push(`通报：${bulletin(result)}`);
  lines.push(s.rowsWithProblems > 0 ? `有问题的行：${s.rowsWithProblems} 行（见下）` : '各行都已计分，没有问题');
  lines.push(
    ctx.output
      ? `已写入 ${ctx.output}：工作表“${ROSTER_SHEET}”（各机构结果）、“${SUMMARY_SHEET}”${result.groups.length > 0 ? `、“${PEER_SHEET}”（分界点）` : ''}${result.previousYear ? `、“${PREVIOUS_SHEET}”（新增与不在名单的机构）` : ''}、“${READINGS_SHEET}”、“${PUBLISH_SHEET}”`
      : '未写工作簿：本次只列出以上汇总；要写出各机构结果的工作簿，请在命令中给出输出文件',
  );
  if (ctx.publish) lines.push(`已写入 ${ctx.publish}：工作表“${PUBLISH_SHEET}”（公示名单与通报）`);
  return lines;
}

/** The deposits, one line each: 合计, then the parts that add up to it (返还, 不予返还, 暂缓 by why, 下属机构),
 * then the check that they do. */
function moneyReport(s: RosterResult['summary']): string[] {
  return [
    '质量保证金（合计 = 返还 + 不予返还 + 暂缓 + 下属机构）：',
    ...MONEY_KEYS.map((key) => `  ${MONEY_LABELS[key]}：${yuan(moneyAmount(s, key))}`),
    `  核对：合计 − 各项之和 = ${yuan(moneyDifference(s))}`,
  ];
}

/** Where institutions gave a self-score: it is met with the table's own total on the table's scale (复核),
 * before 折算 and 第十一条; the largest difference is shown with both totals. */
function selfScoreReport(result: RosterResult, rubric: Rubric): string[] {
  const rows = result.institutions.filter((row) => row.selfDifference !== undefined && row.institution.selfScore !== undefined);
  if (rows.length === 0) return [];
  const largest = rows.reduce((a, b) => (b.selfDifference!.abs().gt(a.selfDifference!.abs()) ? b : a));
  const own = largest.tableTotal ?? largest.total;
  const shown = largest.tableTotal && !largest.tableTotal.eq(largest.total) ? `（最终得分 ${fmt(largest.total)}）` : '';
  return [
    `自评：${rows.length} 家给出自评得分，按考核表本身的 ${rubric.total} 分制与考核表得分比较（折算、下属机构综合之前）`,
    `  差异最大：${largest.institution.code} ${largest.institution.name}，自评 ${fmt(largest.institution.selfScore!)}，考核表得分 ${fmt(own)}${shown}，差 ${fmt(largest.selfDifference!)}`,
  ];
}
