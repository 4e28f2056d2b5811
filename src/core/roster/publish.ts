import { cmp, D, type Dec, fmt, toNumber } from '../numbers/decimal';
import { gradeIndex } from '../policy/grade';
import type { Policy } from '../policy/schema';
import { vetoLabel } from './findings';
import { DEFERRED_STATES, moneyAmount } from './money';
import { consequenceText } from './rosterRules';
import type { RosterResult, RosterRowResult } from './types';

/** One line of the 公示名单: what an agency publishes of an institution. */
export interface PublicRow {
  /** 序号, from 1 in the list's order */
  no: number;
  code: string;
  name: string;
  level?: string;
  score: Dec;
  /** the grade label where the grade is final; the grade as shown otherwise (暂评 良（尚有 2 项未填）, a special case) */
  grade: string;
  /** 处理结果, in the policy's words: the share of the deposit returned, the grade's consequences, a veto */
  outcome: string;
}

/** "1,234,567.89 元" */
export function yuanText(amount: Dec): string {
  const [whole, fen] = amount.toFixed(2).split('.') as [string, string];
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fen} 元`;
}

const final = (row: RosterRowResult) => row.grade !== undefined && (row.status === undefined || row.status === 'final');

/** 处理结果 of one row: 返还 (as a share of its deposit, or the grade's rule where no deposit is given), the
 * grade's consequences as the policy lists them, a veto named first; a grade not yet final says so. */
export function outcomeOf(row: RosterRowResult, policy: Policy | undefined): string {
  if (row.institution.parentCode !== undefined && row.grade === undefined) return `随上级机构（${row.institution.parentCode}）评定`;
  if (!policy) return '未给出考核办法，不评定';
  if (!final(row)) return row.status === 'withheld' ? '有无效填报，暂不评定，更正后确定' : '尚有未填，结果待确认';
  const parts: string[] = [];
  if (row.vetoItems.length > 0) parts.push(`一票否决（${row.vetoItems.map(vetoLabel).join('、')}）`);
  const band = policy.grades.find((g) => g.label === row.grade);
  const deposit = row.institution.deposit;
  if (row.institution.specialCase !== undefined) parts.push(row.gradeText);
  if (deposit !== undefined && deposit.gt(0) && row.refund !== undefined) {
    const ratio = row.refund.div(deposit);
    parts.push(
      ratio.gte(1) ? '全额返还质量保证金' : ratio.lte(0) ? '扣除全部质量保证金' : `返还质量保证金 ${fmt(ratio.times(100).toDecimalPlaces(2))}%`,
    );
  } else if (band?.refund) parts.push(band.refund.text);
  parts.push(...(band?.consequences ?? []));
  if (band?.agreementEnds && !(band.consequences ?? []).length) parts.push('终止医疗保障服务协议');
  // what a 名单规则 of the policy brings the row (排名后5%的，暂停…)
  parts.push(...(row.consequences ?? []).map(consequenceText));
  return parts.join('；');
}

/**
 * The 公示名单: every institution graded on its own (subordinates under 第十一条 follow their parent and are
 * left out), in the policy's grade order (优 first), within a grade by score from the highest, then by code;
 * rows without a final grade after the graded ones.
 */
export function publicList(result: RosterResult, policy: Policy | undefined): PublicRow[] {
  const rank = (row: RosterRowResult) => (policy && final(row) ? gradeIndex(policy, row.grade!) : Number.MAX_SAFE_INTEGER);
  // each row's grade rank and score's double found once, not at each of the sort's comparisons: two scores
  // whose doubles differ are in the doubles' order (a double is its decimal rounded, which keeps the order),
  // and only equal doubles are compared as decimals
  return result.institutions
    .filter((row) => !(row.institution.parentCode !== undefined && row.grade === undefined))
    .map((row) => ({ row, rank: rank(row), score: toNumber(row.total) }))
    .sort(
      (a, b) => a.rank - b.rank || b.score - a.score || cmp(b.row.total, a.row.total) || a.row.institution.code.localeCompare(b.row.institution.code),
    )
    .map(({ row }, i) => ({
      no: i + 1,
      code: row.institution.code,
      name: row.institution.name,
      ...(row.institution.level && { level: row.institution.level }),
      score: row.total,
      grade: final(row) ? row.grade! : row.gradeText,
      outcome: outcomeOf(row, policy),
    }));
}

/**
 * The 通报 paragraph: how many institutions were assessed, how many in each grade (vetoes among them), those
 * not yet graded, and the deposits returned, withheld and waiting.
 */
export function bulletin(result: RosterResult): string {
  const s = result.summary;
  const sentences: string[] = [];
  const graded = s.perGrade.filter((g) => g.count > 0).map((g) => `“${g.label}”${g.count} 家`);
  sentences.push(
    `本次参加考核的定点医药机构共 ${s.institutions} 家${graded.length > 0 ? `，其中${graded.join('、')}` : ''}${s.vetoes > 0 ? `；有否决项（一票否决）的 ${s.vetoes} 家` : ''}。`,
  );
  const pending = [
    s.provisional > 0 && `${s.provisional} 家尚有未填项目，等次暂定`,
    s.withheld > 0 && `${s.withheld} 家填报有误，暂不评定`,
    s.subordinates > 0 && `${s.subordinates} 家下属机构随上级机构评定`,
  ].filter(Boolean);
  if (pending.length > 0) sentences.push(`另有 ${pending.join('，')}。`);
  // 名单规则: who the ranking marks, rule by rule and group by group
  const marked = (result.rules ?? []).filter((rule) => rule.marked.length > 0);
  if (marked.length > 0)
    sentences.push(
      `按考核得分排名：${marked.map((rule) => `${rule.group ? `“${rule.group}”中` : ''}${rule.consequence} ${rule.marked.length} 家`).join('，')}。`,
    );
  if (s.depositTotal.gt(0)) {
    // every deferred state, so that the paragraph's figures add up to the total as the summary's do
    const deferred = DEFERRED_STATES.reduce((sum, state) => sum.plus(moneyAmount(s, `deferred.${state}`)), new D(0));
    sentences.push(
      `质量保证金合计 ${yuanText(s.depositTotal)}，返还 ${yuanText(s.refundPaid)}，扣除 ${yuanText(s.refundWithheld)}${deferred.gt(0) ? `，暂缓返还 ${yuanText(deferred)}` : ''}${s.subordinateDeposits.gt(0) ? `，下属机构随上级 ${yuanText(s.subordinateDeposits)}` : ''}。`,
    );
  }
  return sentences.join('');
}
