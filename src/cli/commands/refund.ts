import {
  decisionReadings,
  clipped,
  MibError,
  readingLine,
  readingsBlock,
  isUnstated,
  refundOutcome,
  refundShown,
  specialRefund,
  specialRefundText,
  UNSTATED,
} from '../../core';
import { decimalArg, type Flags } from '../args';
import { DEPOSIT, SCORE, gradingOptions, policyOf, requirePositional, required, scoreOnPolicyScale } from './grading';
import type { CommandIo } from '../io';

export function refund(io: CommandIo, positionals: string[], flags: Flags): number {
  const policy = policyOf(io, flags);
  const deposit = decimalArg(required(flags, 'deposit'), DEPOSIT);
  const options = gradingOptions(flags);
  if (options.specialCase) {
    if (positionals.length > 0)
      throw new MibError(
        'invalid-argument',
        '得分',
        `--case 的情形不按得分计算：请去掉得分“${clipped(positionals[0] ?? '')}”`,
        '--case takes no score',
      );
    const special = specialRefund(policy, options.specialCase, deposit);
    if (flags.json === true) {
      io.out(
        JSON.stringify(
          { amount: special.amount?.toNumber() ?? null, ratio: special.ratio?.toNumber() ?? null, deferred: special.deferred, trace: special.trace },
          null,
          2,
        ),
      );
    } else io.out(special.amount?.toFixed(2) ?? specialRefundText(special) ?? '');
    return 0;
  }
  const { score: graded, lines } = scoreOnPolicyScale(io, decimalArg(requirePositional(positionals, 0, '得分'), SCORE), flags, policy);
  const result = refundOutcome(policy, graded, deposit, options);
  const readings = decisionReadings(policy, result.grade, {
    ...(!isUnstated(result) && { refund: result }),
    ...(options.downgradeRefund && { downgradeRefund: options.downgradeRefund }),
    ...(options.circumstances && { circumstances: options.circumstances }),
    ...(lines[0] !== undefined && { conversion: lines[0] }),
  });
  if (flags.json === true) {
    io.out(
      JSON.stringify(
        {
          // no amount where the notice leaves the band's refund unstated, and why
          ...(isUnstated(result)
            ? { amount: null, ratio: null, amountText: UNSTATED, unstated: result.unstated }
            : { amount: result.amount.toNumber(), ratio: result.ratio.toNumber() }),
          grade: result.grade.label,
          ...(lines.length > 0 && { converted: graded.toNumber() }),
          trace: [...lines, ...result.trace],
          readings,
        },
        null,
        2,
      ),
    );
  } else {
    io.out(refundShown(result));
    // where the notice states no refund for the band, why there is no amount
    if (isUnstated(result)) io.err(`${UNSTATED}：${result.unstated}`);
    for (const line of readingsBlock(readings, readingLine)) io.err(line);
  }
  return 0;
}
