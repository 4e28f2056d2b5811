import type { Result } from './evaluate';

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
      overCap: i.overCap.toNumber(),
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
