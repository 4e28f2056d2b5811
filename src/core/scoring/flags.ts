import { isPublicOnly } from './applicability';
import { fmt } from '../numbers/decimal';
import { type ItemResult, inputIndex, type Result, weighedDeductions } from './evaluate';
import type { Rubric } from '../files/schema';

/** Something a reviewer must see about a scored table, in the order a reviewer reads them: vetoes first,
 * then deductions beyond an item's points, then bad and missing facts. */
export type Flag =
  | { kind: 'veto'; itemId: string; inputIds: string[]; message: string; messageEn: string }
  | { kind: 'overCap'; itemId: string; deducted: number; notApplied: number; message: string; messageEn: string }
  | {
      kind: 'clauseCap';
      itemId: string;
      clause: number;
      inputIds: string[];
      cap: number;
      deducted: number;
      notApplied: number;
      message: string;
      messageEn: string;
    }
  | { kind: 'earnedOverCap'; itemId: string; earned: number; notApplied: number; message: string; messageEn: string }
  | { kind: 'invalid'; inputId: string; itemId?: string; message: string; messageEn: string }
  | { kind: 'missing'; inputId: string; itemId: string; message: string; messageEn: string };

export type FlagKind = Flag['kind'];

export const flagOrder: FlagKind[] = ['veto', 'overCap', 'clauseCap', 'earnedOverCap', 'invalid', 'missing'];

function itemName(rubric: Rubric, itemId: string): string {
  const item = rubric.items.find((i) => i.no === itemId);
  return item ? `第${item.no}项${item.code ? `（${item.code}）` : ''}“${item.indicator}”` : `第${itemId}项`;
}

/** A clause's own cap at work: "第25项（A1）“…”第1条“最多扣5分”：扣 7 分，按 5 分计". Not an over-cap of
 * the item: the item may still have points left. */
export function clauseCapFlags(rubric: Rubric, item: ItemResult): Extract<Flag, { kind: 'clauseCap' }>[] {
  return item.clauses.flatMap((clause, k) => {
    if (!clause.capped.gt(0) || clause.cap === undefined) return [];
    const raw = clause.deduct.plus(clause.capped);
    return [
      {
        kind: 'clauseCap' as const,
        itemId: item.id,
        clause: k + 1,
        inputIds: clause.inputs,
        cap: clause.cap.toNumber(),
        deducted: raw.toNumber(),
        notApplied: clause.capped.toNumber(),
        message: `条款扣分封顶：${itemName(rubric, item.id)}第${k + 1}条“最多扣${fmt(clause.cap)}分”：扣 ${fmt(raw)} 分，按 ${fmt(clause.cap)} 分计`,
        messageEn: `clause cap: item ${item.id} clause ${k + 1} "at most ${fmt(clause.cap)}": deducts ${fmt(raw)}, counted as ${fmt(clause.cap)}`,
      },
    ];
  });
}

/** The flags of a result, each naming the item in the table's own words. */
export function flagsOf(rubric: Rubric, result: Result): Flag[] {
  const { byId } = inputIndex(rubric);
  const flags: Flag[] = [];
  for (const item of result.items) {
    if (!item.veto) continue;
    const inputIds = item.clauses.filter((c) => c.veto).flatMap((c) => c.inputs);
    const labels = inputIds.map((id) => byId.get(id)?.spec.label ?? id).join('；');
    flags.push({
      kind: 'veto',
      itemId: item.id,
      inputIds,
      message: `否决项：${itemName(rubric, item.id)}——${labels}（${inputIds.join('、')}）`,
      messageEn: `veto: item ${item.id} (${inputIds.join(', ')})`,
    });
  }
  for (const item of result.items) {
    if (item.overCap.gt(0)) {
      flags.push({
        kind: 'overCap',
        itemId: item.id,
        deducted: weighedDeductions(item.clauses).toNumber(),
        notApplied: item.overCap.toNumber(),
        message: `扣分超过单项分值：${itemName(rubric, item.id)}共扣 ${fmt(weighedDeductions(item.clauses))} 分，本项 ${fmt(item.max)} 分，${fmt(item.overCap)} 分未计入`,
        messageEn: `deductions over the item's points: item ${item.id} deducts ${fmt(weighedDeductions(item.clauses))} of ${fmt(item.max)}, ${fmt(item.overCap)} not applied`,
      });
    }
    flags.push(...clauseCapFlags(rubric, item));
    if (item.earnedOverCap.gt(0)) {
      flags.push({
        kind: 'earnedOverCap',
        itemId: item.id,
        earned: item.earned.toNumber(),
        notApplied: item.earnedOverCap.toNumber(),
        message: `得分超过上限：${itemName(rubric, item.id)}计得 ${fmt(item.earned)} 分，${fmt(item.earnedOverCap)} 分超出上限未计入`,
        messageEn: `earned over the cap: item ${item.id} earns ${fmt(item.earned)}, ${fmt(item.earnedOverCap)} not applied`,
      });
    }
  }
  for (const problem of result.invalid) {
    const entry = byId.get(problem.field);
    flags.push({
      kind: 'invalid',
      inputId: problem.field,
      ...(entry ? { itemId: entry.item.no } : {}),
      message: `输入无效：${problem.message}`,
      messageEn: `invalid input: ${problem.messageEn}`,
    });
  }
  for (const id of result.missing) {
    const entry = byId.get(id);
    if (!entry) continue;
    flags.push({
      kind: 'missing',
      inputId: id,
      itemId: entry.item.no,
      message: `未填写：${id} ${entry.spec.label}（${itemName(rubric, entry.item.no)}）`,
      messageEn: `missing: ${id} (item ${entry.item.no})`,
    });
  }
  if (result.ownershipMissing) {
    const items = rubric.items.filter((i) => i.rules.some(isPublicOnly)).map((i) => i.no);
    flags.push({
      kind: 'missing',
      inputId: 'ownership',
      itemId: items[0] ?? '',
      message: `未填写：机构性质（公立/民营）——第${items.join('、')}项有只适用于公立医疗机构的条款，未填写时按公立计`,
      messageEn: `missing: ownership (public/private); items ${items.join(', ')} apply to public institutions only and count as public meanwhile`,
    });
  }
  return flags;
}
