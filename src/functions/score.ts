import {
  clipped,
  evaluate,
  conversionFor,
  tableTotal,
  inputIndex,
  type Problem,
  resolveInputId,
  type Result,
  type Rubric,
  type RubricItem,
} from '../core';
import { readCell, showCell } from './cells';
import { factsFor, readFactCells } from './facts';
import { fail, guard, isFailure, type Outcome } from './failure';
import { policyFrom, rubricFrom } from './lookup';
import { ownershipFrom } from './ownership';

export interface Scored {
  rubric: Rubric;
  result: Result;
}

/** Looks up the rubric, reads the ranges and scores them. Bad values stay in `result.invalid`. */
export function scoreRanges(rubricArg: unknown, ids: unknown, values: unknown, ownershipArg?: unknown): Outcome<Scored> {
  return guard(() => {
    const rubric = rubricFrom(rubricArg);
    if (isFailure(rubric)) return rubric;
    const ownership = ownershipFrom(ownershipArg);
    if (isFailure(ownership)) return ownership;
    const cells = readFactCells(ids, values);
    if (isFailure(cells)) return cells;
    const facts = factsFor(rubric, cells);
    if (isFailure(facts)) return facts;
    return { rubric, result: evaluate(rubric, facts, { ...(ownership && { ownership }) }) };
  });
}

/** The first problem, and how many more there are: a cell has room for one message. */
function problemsFailure(problems: Problem[]) {
  const [first] = problems;
  const more = problems.length > 1 ? `（另有 ${problems.length - 1} 处输入错误，可用 MIB.FLAGS 列出全部）` : '';
  return fail(`${first?.message ?? '输入有误'}${more}`);
}

/** MIB.SCORE: the table's total, veto applied: without a policy as the table says (出现否决项得分为0), with
 * one as the policy's veto says (tableTotal, the same number as `mib score`'s total and the sheet's 总分;
 * on a table of another scale the total before the veto, which MIB.GRADE converts and then vetoes). Any
 * bad fact gives #VALUE! with the message naming the id and what it expects: a total over wrong input is
 * never shown. */
export function scoreTotal(rubricArg: unknown, ids: unknown, values: unknown, ownership?: unknown, policyArg?: unknown): Outcome<number> {
  return guard(() => {
    const scored = scoreRanges(rubricArg, ids, values, ownership);
    if (isFailure(scored)) return scored;
    if (scored.result.invalid.length > 0) return problemsFailure(scored.result.invalid);
    if (readCell(policyArg).kind === 'blank') return scored.result.total.toNumber();
    const policy = policyFrom(policyArg);
    if (isFailure(policy)) return policy;
    // converted only where the totals differ: a table whose bonus alone exceeds the policy's converts nothing
    return tableTotal(policy, scored.result, conversionFor(scored.rubric, policy, true) !== undefined).toNumber();
  });
}

/** The item a formula names: its 序号 (4, "4") or its code ("C16"). */
export function itemFrom(rubric: Rubric, raw: unknown): Outcome<RubricItem> {
  const cell = readCell(raw);
  const list = `序号 ${rubric.items[0]?.no}–${rubric.items[rubric.items.length - 1]?.no}`;
  if (cell.kind === 'blank') return fail(`请填写项目序号（如 4）或类别代码（如 C16）；${rubric.title}的项目为${list}`);
  if (cell.kind === 'error' || typeof cell.value === 'boolean') {
    return fail(`项目应为序号（如 4）或类别代码（如 C16），收到的是 ${showCell(raw)}`);
  }
  const text = String(cell.value).trim().toUpperCase();
  const item = rubric.items.find((i) => i.no === text || i.code === text);
  if (!item)
    return fail(
      `${rubric.title}没有项目“${clipped(String(cell.value).trim())}”；项目为${list}${rubric.items.some((i) => i.code) ? '，或其类别代码' : ''}`,
    );
  return item;
}

/** MIB.ITEM: one item's points. It fails on a malformed range, an unknown id, or a bad fact of this
 * item; a bad fact of another item does not concern it (MIB.SCORE and MIB.FLAGS report that one). */
export function itemScore(rubricArg: unknown, itemArg: unknown, ids: unknown, values: unknown, ownership?: unknown): Outcome<number> {
  return guard(() => {
    const scored = scoreRanges(rubricArg, ids, values, ownership);
    if (isFailure(scored)) return scored;
    const { rubric, result } = scored;
    const item = itemFrom(rubric, itemArg);
    if (isFailure(item)) return item;
    const { byId } = inputIndex(rubric);
    const relevant = result.invalid.filter((problem) => {
      const id = resolveInputId(rubric, problem.field);
      return id === undefined || byId.get(id)?.item.no === item.no;
    });
    if (relevant.length > 0) return problemsFailure(relevant);
    const found = result.items.find((i) => i.id === item.no);
    if (!found) return fail(`${rubric.title}没有项目“${item.no}”`);
    return found.score.toNumber();
  });
}

/** MIB.POINTS: the table's printed total (bonus excluded), or one item's points. */
export function maxPoints(rubricArg: unknown, itemArg: unknown): Outcome<number> {
  return guard(() => {
    const rubric = rubricFrom(rubricArg);
    if (isFailure(rubric)) return rubric;
    if (readCell(itemArg).kind === 'blank') return rubric.total;
    const item = itemFrom(rubric, itemArg);
    if (isFailure(item)) return item;
    return item.points ?? 0;
  });
}
