import type { Assessment } from './assess';
import type { Result } from './evaluate';
import { UNSTATED } from '../policy/unstated';

/** A result as plain JSON (numbers, not Decimals): the `mib score --json` contract of DESIGN.md. */
export function resultToJson(result: Result) {
  return {
    rubric: result.rubricId,
    total: result.total.toNumber(),
    max: result.max.toNumber(),
    bonus: result.bonus.toNumber(),
    bonusMax: result.bonusMax.toNumber(),
    veto: result.veto,
    vetoItems: result.vetoItems,
    items: result.items.map((i) => ({
      id: i.id,
      ...(i.code ? { code: i.code } : {}),
      indicator: i.indicator,
      score: i.score.toNumber(),
      max: i.max.toNumber(),
      deducted: i.deducted.toNumber(),
      // the item's own over-cap (扣分超过单项分值) only; what a clause's "最多扣N分" kept back is beside it
      overCap: i.overCap.toNumber(),
      clauseCapped: i.clauseCapped.toNumber(),
      earned: i.earned.toNumber(),
      earnedOverCap: i.earnedOverCap.toNumber(),
      bonus: i.bonus,
      veto: i.veto,
      missing: i.missing,
      trace: i.trace,
    })),
    missing: result.missing,
    /** 公立 / 民营 as given, null when unknown; ownershipMissing when a public-only clause needs it */
    ownership: result.ownership ?? null,
    ownershipMissing: result.ownershipMissing,
    invalid: result.invalid.map((p) => ({ id: p.field, message: p.message })),
  };
}
export type ResultJson = ReturnType<typeof resultToJson>;

/** A table graded under a policy, as `mib score --json` adds it: `grade` (the label, absent while
 * withheld), the grade as shown, the status, the conversion where the scales differ, the refund. */
export function assessmentJson(assessed: Assessment) {
  const special = assessed.special;
  return {
    ...(assessed.grade && { grade: assessed.grade.label }),
    gradeText: assessed.gradeText,
    // the notice prints no grade for the score: the text that says how far it goes
    ...(assessed.grade?.band.unstated && { gradeUnstated: assessed.grade.band.text }),
    gradeStatus: assessed.status.kind,
    ...(assessed.conversion && {
      conversion: {
        from: assessed.conversion.from.toNumber(),
        to: assessed.conversion.to.toNumber(),
        score: (assessed.converted ?? assessed.score).toNumber(),
        text: assessed.trace[0],
      },
    }),
    ...(assessed.refund && {
      refund: assessed.refund.amount.toNumber(),
      // the exact amount as decimal text: a double cannot hold every fen of a large deposit
      refundText: assessed.refund.amount.toFixed(2),
      refundRatio: assessed.refund.ratio.toNumber(),
    }),
    // the notice leaves the band's refund unstated: no amount, its word, and why
    ...(assessed.unstatedRefund && { refund: null, refundText: UNSTATED, refundUnstated: assessed.unstatedRefund.unstated }),
    ...(special && { specialCase: special.kind, ...(special.refund && { refund: special.refund.amount?.toNumber() ?? null }) }),
    gradeTrace: assessed.trace,
  };
}
