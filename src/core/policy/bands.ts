import type { Problem } from '../messages/errors';
import type { GradeBand } from './schema';

function span(band: GradeBand): string {
  return `${band.label}[${band.min ?? '-∞'}, ${band.max ?? '+∞'})`;
}

/** Grade bands must be half-open [min, max), listed best to worst, and tile the whole score line with
 * no gap and no overlap. Hand-written local rules often fail this ("94–90 / 89–80" leaves (89, 90) open). */
export function checkBands(grades: GradeBand[], path = 'grades'): Problem[] {
  const problems: Problem[] = [];
  const labels = new Set<string>();
  grades.forEach((band, i) => {
    if (labels.has(band.label)) {
      problems.push({ field: `${path}.${i}.label`, message: `等次“${band.label}”重复出现`, messageEn: `grade "${band.label}" appears twice` });
    }
    labels.add(band.label);
    if (band.min !== undefined && band.max !== undefined && band.min >= band.max) {
      problems.push({
        field: `${path}.${i}`,
        message: `等次 ${span(band)} 的下限不小于上限（区间为左闭右开 [min, max)）`,
        messageEn: `grade ${band.label}: min must be below max (bands are half-open [min, max))`,
      });
    }
  });
  const first = grades[0];
  if (first && first.max !== undefined) {
    problems.push({
      field: `${path}.0.max`,
      message: `最高等次 ${span(first)} 有上限，${first.max} 分及以上的得分没有等次`,
      messageEn: `scores from ${first.max} up have no grade`,
    });
  }
  const last = grades[grades.length - 1];
  if (last && last.min !== undefined && last.min > 0) {
    problems.push({
      field: `${path}.${grades.length - 1}.min`,
      message: `最低等次 ${span(last)} 有下限，低于 ${last.min} 分的得分没有等次`,
      messageEn: `scores below ${last.min} have no grade`,
    });
  }
  for (let i = 1; i < grades.length; i++) {
    const better = grades[i - 1];
    const worse = grades[i];
    if (!better || !worse) continue;
    if (better.min === undefined || worse.max === undefined) {
      problems.push({
        field: `${path}.${i}`,
        message: `等次 ${span(better)} 与 ${span(worse)} 须相接：前者须有下限 min，后者须有上限 max，且二者相等`,
        messageEn: `grades ${better.label} and ${worse.label} must meet: better.min must equal worse.max`,
      });
    } else if (worse.max < better.min) {
      problems.push({
        field: `${path}.${i}.max`,
        message: `等次 ${span(worse)} 与 ${span(better)} 之间有空隙：[${worse.max}, ${better.min}) 的得分没有等次（区间为左闭右开，下一档的上限应等于上一档的下限）`,
        messageEn: `gap between ${worse.label} and ${better.label}: scores in [${worse.max}, ${better.min}) have no grade`,
      });
    } else if (worse.max > better.min) {
      problems.push({
        field: `${path}.${i}.max`,
        message: `等次 ${span(worse)} 与 ${span(better)} 重叠：[${better.min}, ${worse.max}) 的得分同时属于两个等次`,
        messageEn: `grades ${worse.label} and ${better.label} overlap on [${better.min}, ${worse.max})`,
      });
    }
  }
  return problems;
}
