import type { Problem } from '../messages/errors';
import { rosterRuleAmount } from '../policy/rosterRules';
import type { Policy } from '../policy/schema';
import { problem as p } from './problem';

/**
 * `mib check` on a policy's roster rules (名单规则), beyond the schema's ranges (share in (0, 1], count a
 * whole number ≥ 1, rank, group, rounding and ties from their lists):
 * - errors: each rule gives exactly one of `share` and `count`; `rounding` only with `share` (a count is
 *   already whole); two rules with the same end, range and consequence;
 * - warnings: a rule whose text prints percents of which none is its `share` ("后5%" written 0.5), or
 *   whose text says 前 / 后 (末位) and `rank` the other end.
 */
export function checkRosterRules(policy: Policy): { errors: Problem[]; warnings: Problem[] } {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const seen = new Map<string, number>();
  (policy.rosterRules ?? []).forEach((rule, i) => {
    const at = `rosterRules.${i}`;
    if ((rule.share === undefined) === (rule.count === undefined))
      errors.push(
        p(
          `${at}.share`,
          rule.share === undefined
            ? '名单规则须写 share（比例，如 后5% 写 0.05）或 count（家数，如 末位 写 1）之一'
            : '名单规则的 share 与 count 只能写一个：原文按比例写 share，按家数（名次）写 count',
          'a roster rule needs exactly one of share and count',
        ),
      );
    if (rule.rounding !== undefined && rule.share === undefined)
      errors.push(p(`${at}.rounding`, '按家数（count）的名单规则不用取整：删去 rounding', 'rounding applies to a share only'));
    const key = `${rule.rank}|${rule.group ?? 'all'}|${rule.consequence}`;
    const before = seen.get(key);
    if (before !== undefined)
      errors.push(
        p(
          `${at}.consequence`,
          `与第 ${before + 1} 条名单规则（rosterRules.${before}）的排名端、范围和后果“${rule.consequence}”都相同：合为一条`,
          `same rank, group and consequence as rosterRules.${before}`,
        ),
      );
    else seen.set(key, i);
    const percents = [...rule.text.matchAll(/(\d+(?:\.\d+)?)\s*[%％]/g)].map((m) => Number(m[1]));
    if (rule.share !== undefined && percents.length > 0 && !percents.some((v) => Math.abs(v / 100 - rule.share!) < 1e-9))
      warnings.push(
        p(
          `${at}.share`,
          `原文写 ${percents.map((v) => `${v}%`).join('、')}，share 为 ${rule.share}（${rosterRuleAmount(rule)}）：比例写成小数，5% 写 0.05`,
          `the text prints ${percents.join(', ')}% but share is ${rule.share}`,
        ),
      );
    const saysBottom = /排名后|后\s*\d|末位|倒数/.test(rule.text);
    const saysTop = /排名前|前\s*\d|名列前茅/.test(rule.text);
    if ((rule.rank === 'top' && saysBottom && !saysTop) || (rule.rank === 'bottom' && saysTop && !saysBottom))
      warnings.push(
        p(
          `${at}.rank`,
          `原文说的是排名${saysBottom ? '后（末位）' : '前'}，rank 却是 "${rule.rank}"：${saysBottom ? '后（末位）写 "bottom"' : '前写 "top"'}`,
          `the text names the ${saysBottom ? 'bottom' : 'top'} of the ranking, rank is ${rule.rank}`,
        ),
      );
  });
  return { errors, warnings };
}
