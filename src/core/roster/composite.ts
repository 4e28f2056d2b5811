import { documentName } from '../files/rubricLabel';
import type { Problem } from '../messages/errors';
import type { Policy } from '../policy/schema';
import type { RosterInstitution, RosterTable } from './types';

/** 吉林 第十一条 over a roster: who is whose subordinate, by position in the roster. */
export interface CompositeStructure {
  /** parent position → its subordinates' positions */
  subordinatesOf: Map<number, number[]>;
  /** positions scored as subordinates (no grade of their own) */
  subordinates: Set<number>;
  problems: Problem[];
  /** row problems by position */
  rowProblems: Map<number, Problem[]>;
}

/**
 * Reads the 上级机构编码 column: a subordinate whose parent is not in the roster, and every cycle of
 * parents, is a problem naming the codes (those rows are then graded on their own); a policy without
 * 第十一条 makes the whole column a problem. A code given on two rows (flagged already) is read as its
 * first row.
 */
export function compositeStructure(
  institutions: readonly RosterInstitution[],
  policy: Policy | undefined,
  table: Pick<RosterTable, 'cellName'>,
  parentColumn: number | undefined,
): CompositeStructure {
  const out: CompositeStructure = { subordinatesOf: new Map(), subordinates: new Set(), problems: [], rowProblems: new Map() };
  const withParent = institutions.map((inst, i) => [inst, i] as const).filter(([inst]) => inst.parentCode !== undefined);
  if (withParent.length === 0 || parentColumn === undefined) return out;
  if (!policy?.composite) {
    const message = policy
      ? `政策“${documentName(policy)}”没有下属机构综合得分的规定（吉林 第十一条那样）：上级机构编码列不计，各机构单独评定`
      : '未给出政策：上级机构编码列不计，各机构单独评定';
    out.problems.push({ field: '上级机构编码', message, messageEn: 'the policy has no composite rule: 上级机构编码 is ignored' });
    return out;
  }
  const byCode = new Map<string, number>();
  institutions.forEach((inst, i) => {
    if (inst.code !== '' && !byCode.has(inst.code)) byCode.set(inst.code, i);
  });
  const flag = (i: number, problem: Problem) => {
    out.problems.push(problem);
    const list = out.rowProblems.get(i);
    if (list) list.push(problem);
    else out.rowProblems.set(i, [problem]);
  };
  const parentOf = new Map<number, number>();
  for (const [inst, i] of withParent) {
    const cell = table.cellName(inst.row, parentColumn);
    const parent = byCode.get(inst.parentCode!);
    if (parent === undefined) {
      flag(i, {
        field: cell,
        message: `${cell}：机构“${inst.code}”的上级机构编码“${inst.parentCode}”不在名册中：本机构单独评定`,
        messageEn: `${cell}: the parent ${inst.parentCode} of ${inst.code} is not in the roster`,
      });
    } else parentOf.set(i, parent);
  }
  // a cycle: following the parents from a row comes back to it
  const inCycle = new Set<number>();
  for (const start of parentOf.keys()) {
    if (inCycle.has(start)) continue;
    const path: number[] = [];
    const onPath = new Set<number>();
    let at: number | undefined = start;
    while (at !== undefined && !onPath.has(at) && !inCycle.has(at)) {
      path.push(at);
      onPath.add(at);
      at = parentOf.get(at);
    }
    if (at === undefined || !onPath.has(at)) continue;
    const cycle = path.slice(path.indexOf(at));
    const codes = [...cycle, at].map((i) => institutions[i]!.code).join(' → ');
    for (const i of cycle) {
      inCycle.add(i);
      const cell = table.cellName(institutions[i]!.row, parentColumn);
      flag(i, {
        field: cell,
        message: `${cell}：上级机构编码成环（${codes}）：这些机构单独评定`,
        messageEn: `${cell}: parents form a cycle (${codes})`,
      });
    }
  }
  for (const [child, parent] of parentOf) {
    if (inCycle.has(child)) continue;
    out.subordinates.add(child);
    const list = out.subordinatesOf.get(parent);
    if (list) list.push(child);
    else out.subordinatesOf.set(parent, [child]);
  }
  return out;
}

export const SUBORDINATE_TEXT = '下属机构，不单独评定';
