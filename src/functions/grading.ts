import * as z from 'zod/mini';
import {
  circumstancesFrom,
  type Conversion,
  conversionFromTotal,
  conversionFor,
  downgradeRefundValues,
  fractionalPointsValues,
  type GradeStatus,
  gradeStatusOf,
  getRubric,
  parsedOrNull,
  type Policy,
  ratioRoundingValues,
  type RefundOptions,
  rubricIds,
  type SpecialCase,
  specialCaseLabels,
  specialCaseNamed,
  YesNoValue,
} from '../core';
import { readCell, showCell } from './cells';
import { fail, isFailure, type Outcome } from './failure';
import { numberFrom } from './numbers';

/** The optional arguments MIB.GRADE and MIB.REFUND share, as Excel passes them (null when left out). */
export interface GradingArgs {
  downgrade?: unknown;
  veto?: unknown;
  specialCase?: unknown;
  fractionalPoints?: unknown;
  ratioRounding?: unknown;
  downgradeRefund?: unknown;
  scale?: unknown;
  invalid?: unknown;
  missing?: unknown;
  /** MIB.REFUND only: the institution's circumstances that withhold a further share (挂牌督办) */
  circumstances?: unknown;
}

/** What those arguments ask for, parsed: `mib grade` / `mib refund` take the same as flags. */
export interface Grading {
  options: RefundOptions;
  specialCase?: SpecialCase;
  conversion?: Conversion;
  /** the scale argument named the table the score was counted on (a score its scale carries past the
   * policy's is then not graded, as on the sheet, rather than refused as a mistake) */
  scaleNamed: boolean;
  status: GradeStatus;
}

const blank = (raw: unknown) => readCell(raw).kind === 'blank';

/** A text option from a fixed list (fractional-points and the like), or a message listing the list. */
function choice<T extends string>(raw: unknown, values: readonly T[], what: string): Outcome<T | undefined> {
  if (blank(raw)) return undefined;
  const cell = readCell(raw);
  const parsed = cell.kind === 'value' ? parsedOrNull(z.enum(values as unknown as [T, ...T[]]), String(cell.value).trim()) : null;
  return parsed ?? fail(`${what}应为 ${values.join('、')} 之一，收到的是 ${showCell(raw)}`);
}

function count(raw: unknown, what: string): Outcome<number> {
  if (blank(raw)) return 0;
  const value = numberFrom(raw, { what, integer: true });
  return isFailure(value) ? value : value.toNumber();
}

/** The table a score was counted on: a rubric id or its total (795); the score is converted onto
 * the policy's scale unless the two are the same. */
function conversionOf(raw: unknown, policy: Policy): Outcome<Conversion | undefined> {
  if (blank(raw)) return undefined;
  const cell = readCell(raw);
  if (cell.kind === 'value' && typeof cell.value === 'string' && rubricIds.includes(cell.value.trim().toLowerCase())) {
    return conversionFor(getRubric(cell.value.trim().toLowerCase()), policy, true);
  }
  const total = numberFrom(raw, { what: '得分所用考核表的满分' });
  if (isFailure(total)) return fail(`分制参数应为考核表编号（${rubricIds.join('、')}）或其满分（如 795），收到的是 ${showCell(raw)}`);
  if (total.lte(0)) return fail(`考核表的满分应大于 0，收到的是 ${total}`);
  return conversionFromTotal(total, policy);
}

/** 扣减情形 as a cell gives them: blank (none), or text naming one or more (挂牌督办, or several separated
 * by commas or 、); refundOf refuses a name the policy does not know, listing its own. */
function circumstancesArg(raw: unknown): Outcome<string[]> {
  if (blank(raw)) return [];
  const cell = readCell(raw);
  if (cell.kind !== 'value' || typeof cell.value !== 'string')
    return fail(`扣减情形应为文字（如 挂牌督办；多个用逗号或顿号分隔），收到的是 ${showCell(raw)}`);
  return circumstancesFrom(cell.value);
}

export function gradingFrom(args: GradingArgs, policy: Policy): Outcome<Grading> {
  const downgrade = blank(args.downgrade) ? undefined : numberFrom(args.downgrade, { what: '降档数', integer: true });
  if (isFailure(downgrade)) return downgrade;
  const vetoCell = readCell(args.veto);
  const veto = vetoCell.kind === 'blank' ? false : vetoCell.kind === 'value' ? parsedOrNull(YesNoValue, vetoCell.value) : null;
  if (veto === null) return fail(`一票否决参数应为 TRUE/FALSE（或 是/否），收到的是 ${showCell(args.veto)}`);
  let specialCase: SpecialCase | undefined;
  if (!blank(args.specialCase)) {
    const cell = readCell(args.specialCase);
    specialCase = cell.kind === 'value' ? specialCaseNamed(String(cell.value)) : undefined;
    const names = Object.values(specialCaseLabels).map((l) => l.name);
    if (specialCase === undefined) return fail(`特殊情形应为以下之一：${names.join('、')}；收到的是 ${showCell(args.specialCase)}`);
  }
  const fractionalPoints = choice(args.fractionalPoints, fractionalPointsValues, '不足1分的计法');
  if (isFailure(fractionalPoints)) return fractionalPoints;
  const ratioRounding = choice(args.ratioRounding, ratioRoundingValues, '返还比例的取舍');
  if (isFailure(ratioRounding)) return ratioRounding;
  const downgradeRefund = choice(args.downgradeRefund, downgradeRefundValues, '降档是否改变返还档次');
  if (isFailure(downgradeRefund)) return downgradeRefund;
  const conversion = conversionOf(args.scale, policy);
  if (isFailure(conversion)) return conversion;
  const invalid = count(args.invalid, '无效填报项数');
  if (isFailure(invalid)) return invalid;
  const missing = count(args.missing, '未填项数');
  if (isFailure(missing)) return missing;
  const circumstances = circumstancesArg(args.circumstances);
  if (isFailure(circumstances)) return circumstances;
  return {
    options: {
      veto,
      ...(downgrade !== undefined && { downgrade: downgrade.toNumber() }),
      ...(fractionalPoints && { fractionalPoints }),
      ...(ratioRounding && { ratioRounding }),
      ...(downgradeRefund && { downgradeRefund }),
      ...(circumstances.length > 0 && { circumstances }),
    },
    ...(specialCase && { specialCase }),
    ...(conversion && { conversion }),
    scaleNamed: !blank(args.scale),
    status: gradeStatusOf({ invalid, missing }),
  };
}
