import { D, type Dec, DecimalValue, bonusMaxOf, parsedOrNull, type Rubric } from '../../core';
import type { PlainValue } from '../types';

export interface SelfTotal {
  /** the institution's own total: the regular items' self-scores summed, plus the bonus items' within the
   * table's bonus cap, as the sheet's total is summed; absent unless every regular item has one */
  total?: Dec;
  /** 序号 of the regular items whose self-score is blank or not a number */
  missing: string[];
}

/**
 * 自评得分 of a submitted sheet: the sheet has a 机构自评得分 per item but no self-assessed total, so it is
 * summed here as the sheet sums the computed scores. A blank bonus item is no bonus claimed; a blank
 * regular item leaves the total open (it is listed, not taken as 0). Items without points (否决项 only)
 * take no self-score.
 */
export function selfTotalOf(rubric: Rubric, selfScores: ReadonlyMap<string, PlainValue | null>): SelfTotal {
  let regular = new D(0);
  let bonus = new D(0);
  let given = 0;
  const missing: string[] = [];
  for (const item of rubric.items) {
    if (item.points === null) continue;
    const raw = selfScores.get(item.no);
    const value = raw === null || raw === undefined || raw === '' ? null : parsedOrNull(DecimalValue, raw);
    if (value !== null) given++;
    if (item.bonus) bonus = bonus.plus(value ?? 0);
    else if (value === null) missing.push(item.no);
    else regular = regular.plus(value);
  }
  if (given === 0 || missing.length > 0) return { missing: given === 0 ? [] : missing };
  return { total: regular.plus(D.min(bonus, bonusMaxOf(rubric))), missing };
}
