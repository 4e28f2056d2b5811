// What `mib score`, `grade` and `refund` share: required flags and words, the policy, the grading options
// (MIB.GRADE and MIB.REFUND take the same), and a bare score put on the policy's scale (`--scale`).
import {
  type AssessOptions,
  type Conversion,
  conversionFor,
  conversionFromTotal,
  conversionLine,
  convertScore,
  type Dec,
  circumstancesFrom,
  DowngradeRefundSchema,
  extraWithheld,
  FractionalPointsSchema,
  getRubric,
  MibError,
  type Policy,
  RatioRoundingSchema,
  rubricIds,
} from '../../core';
import { decimalArg, type Flags, parseArg } from '../args';
import { looksLikePath } from '../ownFiles';
import { SpecialCaseSchema } from '../specialCase';
import type { CommandIo } from '../io';

export const DEPOSIT = { what: '--deposit（质量保证金）' };

export const DOWNGRADE = { what: '--downgrade（降档数）', integer: true };

export const SCORE = { what: '得分' };

/** A flag the spec marks required: the parser has checked it is there. */
export function required(flags: Flags, name: string): string {
  const value = flags[name];
  if (typeof value !== 'string') throw new MibError('invalid-argument', `--${name}`, `缺少参数 --${name}`, `--${name} is required`);
  return value;
}

export function requirePositional(positionals: string[], index: number, what: string): string {
  const value = positionals[index];
  if (value === undefined) throw new MibError('invalid-argument', what, `缺少${what}`, `missing ${what}`);
  return value;
}

export function policyOf(io: CommandIo, flags: Flags): Policy {
  return io.files.policy(required(flags, 'policy'));
}

export function optionalDowngrade(flags: Flags): number | undefined {
  return typeof flags.downgrade === 'string' ? decimalArg(flags.downgrade, DOWNGRADE).toNumber() : undefined;
}

/** The grading options `score`, `grade` and `refund` share, as MIB.GRADE / MIB.REFUND take them. */
export function gradingOptions(flags: Flags): AssessOptions {
  const downgrade = optionalDowngrade(flags);
  return {
    ...(flags.veto === true && { veto: true }),
    ...(downgrade !== undefined && { downgrade }),
    ...(typeof flags.case === 'string' && { specialCase: parseArg(SpecialCaseSchema, flags.case, '--case') }),
    ...(typeof flags['fractional-points'] === 'string' && {
      fractionalPoints: parseArg(FractionalPointsSchema, flags['fractional-points'], '--fractional-points'),
    }),
    ...(typeof flags['ratio-rounding'] === 'string' && { ratioRounding: parseArg(RatioRoundingSchema, flags['ratio-rounding'], '--ratio-rounding') }),
    ...(typeof flags['downgrade-refund'] === 'string' && {
      downgradeRefund: parseArg(DowngradeRefundSchema, flags['downgrade-refund'], '--downgrade-refund'),
    }),
    ...(typeof flags.circumstance === 'string' && { circumstances: circumstancesFrom(flags.circumstance) }),
  };
}

/** --circumstance names checked against the policy even where no refund is computed (no --deposit). */
export function checkCircumstances(policy: Policy, options: AssessOptions): void {
  if (options.circumstances) extraWithheld(policy, options.circumstances);
}

/** `--scale <rubric id | total>`: the table a bare score was counted on; converted onto the policy's scale. */
export function scaleConversion(io: CommandIo, flags: Flags, policy: Policy): Conversion | undefined {
  if (typeof flags.scale !== 'string') return undefined;
  if (looksLikePath(flags.scale)) return conversionFor(io.files.rubric(flags.scale), policy, true);
  const id = flags.scale.trim().toLowerCase();
  if (rubricIds.includes(id)) return conversionFor(getRubric(id), policy, true);
  return conversionFromTotal(decimalArg(flags.scale, { what: '--scale（考核表满分）', min: 1 }), policy);
}

/** A bare score under `--scale`, converted, with the line that says how. */
export function scoreOnPolicyScale(io: CommandIo, value: Dec, flags: Flags, policy: Policy): { score: Dec; lines: string[] } {
  const conversion = scaleConversion(io, flags, policy);
  if (!conversion) return { score: value, lines: [] };
  const converted = convertScore(conversion, value);
  return { score: converted, lines: [conversionLine(conversion, value, converted)] };
}
