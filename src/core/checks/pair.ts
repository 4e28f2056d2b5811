import { documentName } from '../files/rubricLabel';
import type { Problem } from '../messages/errors';
import { scaleDifference } from '../policy/scale';
import type { Policy } from '../policy/schema';
import { vetoEffectOf, vetoOutcome } from '../policy/vetoEffect';
import { definitionOf } from '../rules';
import type { Rubric } from '../files/schema';
import { problem } from './problem';

/** Whether a table has a veto clause at all (江北 1–3, 14–16); 威海's tables have none. */
function hasVeto(rubric: Rubric): boolean {
  return rubric.items.some((item) => item.rules.some((rule) => definitionOf(rule).role(rule) === 'veto'));
}

/** The policy's veto does what the table's own text says (`vetoEffect: "zero"`, 出现否决项得分为0): a
 * score set or capped to 0 (江北's policy, setScore 0). */
function sameAsTable(policy: Policy): boolean {
  return vetoEffectOf(policy.veto) !== 'fail' && policy.veto.score === 0;
}

/**
 * `mib check <table> --policy <policy>`: what the two say differently. Where the table prints its own
 * veto consequence (江北 "出现否决项得分为0") and the policy another, a warning: the policy's governs
 * (score, grade and refund follow its veto.effect on every face); the table's stands only where no policy
 * grades. Where the scales differ, total and bonus compared apart (scaleDifference), a warning too: the
 * pair is usable once the difference is asked for (--convert).
 */
export function checkPair(rubric: Rubric, policy: Policy): Problem[] {
  const out: Problem[] = [];
  if (hasVeto(rubric) && !sameAsTable(policy)) {
    const footer = rubric.footer?.text.includes('否决') ? `（表注：“${rubric.footer.text}”）` : '';
    const outcome = vetoOutcome(policy.veto);
    const what = vetoEffectOf(policy.veto) === 'fail' ? `得分不变，等次为${outcome.zh}` : outcome.zh;
    out.push(
      problem(
        'vetoEffect',
        `考核表“${documentName(rubric)}”写明出现否决项得分为0${footer}，政策“${documentName(policy)}”的否决规定是“${policy.veto.text}”（${what}）：两处规定不同，按此政策评定时以政策为准，得分、等次、返还都按政策的 veto；不按政策评分时总分按考核表为0`,
        `table ${rubric.id} sets the total to 0 on a veto, policy ${policy.id} says otherwise (${outcome.en}): the policy's veto governs when it grades`,
      ),
    );
  }
  const scale = scaleDifference(rubric, policy);
  if (scale) out.push(problem(scale.field, scale.message, scale.messageEn));
  return out;
}
