import { cmp, type Dec, fmt, toNumber, ZERO } from '../../core/numbers/decimal';
import { DEPOSIT_STATE_WORDS } from '../../core/roster/money';
import { UNSTATED } from '../../core/policy/unstated';
import { consequenceText } from '../../core/roster/rosterRules';
import type { RosterResult, RosterRowResult } from '../../core/roster/types';
import { inputIndex } from '../../core/scoring/evaluate';
import { unfilledCount } from '../../core/scoring/applicability';
import type { Rubric } from '../../core/files/schema';
import type { PlainValue } from '../types';
import type { RosterStyle } from './styles';
import { clauseLabel, rowStatus } from './words';

/** One column of the roster sheet: its header, width, the style of its data cells and the value of a row. */
export interface RosterColumn {
  /** what other sheets look a column up by ("grade", "measure:A3.1") */
  key: string;
  header: string;
  width: number;
  style: RosterStyle;
  value: (row: RosterRowResult) => PlainValue | null;
}

// a decimal's number from its digits (toNumber): 汇总名单 writes 800,000 of them for 10,000 rows of 80 items
const num = (value: Dec | undefined): number | null => (value === undefined ? null : toNumber(value));
/** A number as a number ("0.072" → 0.072); other text as it is. */
const numeric = (value: string | number | undefined): PlainValue | null =>
  value === undefined ? null : typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
const text = (value: string | undefined): string | null => (value === undefined || value === '' ? null : value);

/** The indicator cut to fit a header cell: "落实国家、省组织药品集中采购政策情况" → "落实国家、省组织药品集…". */
function short(indicator: string, length = 10): string {
  return indicator.length <= length ? indicator : `${indicator.slice(0, length)}…`;
}

/**
 * The columns, in order: who the institution is; one score per item; each peer clause's raw measure beside
 * the value computed from the peers; the results; what to look at. Columns that only some rosters need
 * (考核表得分, 本机构得分, 降档, 情形, 自评得分) appear when a row uses them: 考核表得分 is the table's own
 * total on its own scale, beside a final score converted (折算) or composite (第十一条), the total a
 * self-score is met with (自评差异).
 */
export function rosterColumns(result: RosterResult, rubric: Rubric): RosterColumn[] {
  const rows = result.institutions;
  const any = (test: (row: RosterRowResult) => boolean) => rows.some(test);
  const columns: RosterColumn[] = [
    { key: 'code', header: '机构编码', width: 14, style: 'text', value: (r) => r.institution.code },
    { key: 'name', header: '机构名称', width: 24, style: 'text', value: (r) => r.institution.name },
    // the key results right after the name, so that the first printed page answers who got what
    { key: 'total', header: '最终得分', width: 10, style: 'score', value: (r) => num(r.total) },
    { key: 'grade', header: '等次', width: 8, style: 'text', value: (r) => text(r.grade) },
    // 方案未规定 where the notice states no refund for the row's band: a word, never an amount
    { key: 'refund', header: '返还金额', width: 13, style: 'money', value: (r) => (r.refundUnstated === undefined ? num(r.refund) : UNSTATED) },
    { key: 'level', header: '级别/类型', width: 10, style: 'text', value: (r) => text(r.institution.level) },
    {
      key: 'ownership',
      header: '公立/民营',
      width: 8,
      style: 'text',
      value: (r) => (r.institution.ownership === undefined ? null : r.institution.ownership === 'public' ? '公立' : '民营'),
    },
    { key: 'deposit', header: '质量保证金', width: 13, style: 'money', value: (r) => num(r.institution.deposit) },
    { key: 'parent', header: '上级机构编码', width: 14, style: 'text', value: (r) => text(r.institution.parentCode) },
  ];
  if (any((r) => r.institution.downgrade !== undefined))
    columns.push({ key: 'downgrade', header: '降档', width: 6, style: 'whole', value: (r) => r.institution.downgrade ?? null });
  if (any((r) => r.institution.specialCase !== undefined))
    columns.push({ key: 'special', header: '情形', width: 14, style: 'text', value: (r) => text(r.institution.specialCase) });

  rubric.items.forEach((item, position) => {
    columns.push({
      key: `item:${item.no}`,
      header: `${item.code ?? item.no} ${short(item.indicator)}`,
      width: 9,
      style: 'score',
      // by 序号 (rows list the items in the table's order, so the same position is tried first)
      value: (r) => {
        const same = r.items[position];
        return num((same?.id === item.no ? same : r.items.find((i) => i.id === item.no))?.score);
      },
    });
  });

  for (const clause of peerClauses(result, rubric)) {
    const reading = (r: RosterRowResult) => r.peer.find((p) => p.inputId === clause.inputId);
    const label = clauseLabel(clause);
    // a ratio (0.131) shows as 13.1%; the value computed from the peers is a number (an interval, a tier,
    // an excess) wherever it reads as one, never the text "0.072" beside numbers
    const type = inputIndex(rubric).byId.get(clause.inputId)?.spec.type;
    const ratio = type === 'ratio' || type === 'signedRatio';
    columns.push({
      key: `measure:${clause.inputId}`,
      header: `${label} 测量值`,
      width: 10,
      style: ratio ? 'ratio' : 'measure',
      value: (r) => num(reading(r)?.measure),
    });
    columns.push({
      key: `peer:${clause.inputId}`,
      header: `${label} 同级计算`,
      width: 10,
      style: 'measure',
      value: (r) => numeric(reading(r)?.value),
    });
  }

  if (any((r) => r.tableTotal !== undefined && !r.tableTotal.eq(r.ownTotal ?? r.total)))
    columns.push({
      key: 'tableTotal',
      header: `考核表得分（${rubric.total}分制）`,
      width: 10,
      style: 'score',
      value: (r) => num(r.tableTotal ?? r.total),
    });
  if (any((r) => r.ownTotal !== undefined))
    columns.push({ key: 'ownTotal', header: '本机构得分', width: 10, style: 'score', value: (r) => num(r.ownTotal) });
  columns.push(
    { key: 'status', header: '评定状态', width: 9, style: 'text', value: rowStatus },
    { key: 'gradeText', header: '评定结果', width: 22, style: 'text', value: (r) => r.gradeText },
    {
      key: 'withheld',
      header: '扣除金额',
      width: 13,
      style: 'money',
      // what the deposit keeps back: deposit − refund, where both are known
      value: (r) => (r.institution.deposit !== undefined && r.refund !== undefined ? toNumber(r.institution.deposit.minus(r.refund)) : null),
    },
    {
      key: 'depositState',
      header: '保证金去向',
      width: 11,
      style: 'text',
      // the word 汇总统计's SUMIFS split the deposits by: 已定, 暂不评定, 暂评未确认, 方案未规定, 随上级 …
      value: (r) => (r.depositState === undefined ? null : DEPOSIT_STATE_WORDS[r.depositState]),
    },
  );
  // --previous: last year's score and grade, and the change (a newcomer's cells blank, 与上年 新增)
  if (result.previousYear)
    columns.push(
      { key: 'previousTotal', header: '上年得分', width: 10, style: 'score', value: (r) => num(r.previous?.total) },
      { key: 'previousGrade', header: '上年等次', width: 8, style: 'text', value: (r) => text(r.previous?.grade) },
      { key: 'scoreChange', header: '得分变化', width: 10, style: 'score', value: (r) => num(r.previous?.change) },
      { key: 'sinceLastYear', header: '与上年', width: 10, style: 'text', value: sinceLastYear },
    );
  // 名单规则 (policy rosterRules): what the ranking of the final scores brings the row
  if (result.rules)
    columns.push({
      key: 'consequences',
      header: '名单规则',
      width: 24,
      style: 'text',
      value: (r) => text(r.consequences?.map((mark) => consequenceText(mark)).join('；')),
    });
  columns.push(
    { key: 'veto', header: '否决项', width: 12, style: 'text', value: (r) => text(r.vetoItems.join('、')) },
    { key: 'overCap', header: '超出单项分值扣分', width: 10, style: 'score', value: (r) => num(r.overCap) },
    {
      key: 'overCapItems',
      header: '超出分值的项目',
      width: 16,
      style: 'text',
      // which items the deductions went beyond, and by how much: "C21（超 2 分）"
      value: (r) =>
        text(
          r.items
            .filter((i) => cmp(i.overCap, ZERO) > 0)
            .map((i) => `${i.code ?? `第${i.id}项`}（超 ${fmt(i.overCap)} 分）`)
            .join('、'),
        ),
    },
    { key: 'invalid', header: '无效项数', width: 7, style: 'whole', value: (r) => r.invalid.length },
    { key: 'missing', header: '未填项数', width: 7, style: 'whole', value: (r) => unfilledCount(r) },
  );
  if (any((r) => r.institution.selfScore !== undefined))
    columns.push({ key: 'selfScore', header: '自评得分', width: 9, style: 'score', value: (r) => num(r.institution.selfScore) });
  columns.push(
    { key: 'selfDifference', header: '自评差异', width: 9, style: 'score', value: (r) => num(r.selfDifference) },
    {
      key: 'problems',
      header: '问题',
      width: 40,
      style: 'text',
      value: (r) => text([...r.problems, ...r.invalid].map((p) => p.message).join('；')),
    },
  );
  return columns;
}

/** 新增 for a newcomer; else how the grade moved (the core's `gradeChange`): 等次上升 / 等次下降 / 等次不变. */
function sinceLastYear(row: RosterRowResult): string | null {
  if (!row.previous) return '新增';
  const change = row.previous.gradeChange;
  return change === undefined ? null : { up: '等次上升', down: '等次下降', same: '等次不变', other: '等次变化' }[change];
}

export interface PeerClause {
  inputId: string;
  itemNo: string;
  code?: string;
}

/** The peer clauses the roster computed, in the table's order. */
export function peerClauses(result: RosterResult, rubric: Rubric): PeerClause[] {
  const found = new Map<string, PeerClause>();
  const add = (clause: PeerClause) => {
    if (!found.has(clause.inputId))
      found.set(clause.inputId, { inputId: clause.inputId, itemNo: clause.itemNo, ...(clause.code && { code: clause.code }) });
  };
  result.groups.forEach(add);
  for (const row of result.institutions) row.peer.forEach(add);
  const position = new Map(rubric.items.map((item, i) => [item.no, i]));
  const clauseNo = (id: string) => Number(id.split('.').at(-1));
  return [...found.values()].sort(
    (a, b) => (position.get(a.itemNo) ?? 1e9) - (position.get(b.itemNo) ?? 1e9) || clauseNo(a.inputId) - clauseNo(b.inputId),
  );
}
