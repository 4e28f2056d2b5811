import { decisionReadings, gradeOf, readingLine, readingsBlock, specialCaseLabels, specialCaseRule, UNSTATED } from '../../core';
import { decimalArg, type Flags } from '../args';
import { SCORE, gradingOptions, policyOf, requirePositional, scoreOnPolicyScale } from './grading';
import type { CommandIo } from '../io';

export function grade(io: CommandIo, positionals: string[], flags: Flags): number {
  const policy = policyOf(io, flags);
  const options = gradingOptions(flags);
  if (options.specialCase) {
    const rule = specialCaseRule(policy, options.specialCase);
    const label = specialCaseLabels[options.specialCase].zh;
    if (flags.json === true) io.out(JSON.stringify({ grade: null, gradeText: label, trace: [rule.text] }, null, 2));
    else io.out(label);
    return 0;
  }
  const { score: graded, lines } = scoreOnPolicyScale(io, decimalArg(requirePositional(positionals, 0, '得分'), SCORE), flags, policy);
  const result = gradeOf(policy, graded, options);
  // the readings that decided it: in the JSON, and on stderr under the value (stdout keeps one value)
  const readings = decisionReadings(policy, result, { ...(lines[0] !== undefined && { conversion: lines[0] }) });
  if (flags.json === true) {
    io.out(
      JSON.stringify(
        {
          grade: result.label,
          scoreGrade: result.scoreLabel,
          ...(lines.length > 0 && { converted: graded.toNumber() }),
          consequences: result.consequences,
          agreementEnds: result.agreementEnds,
          ...(result.band.unstated && { unstated: result.band.text }),
          trace: [...lines, ...result.trace],
          readings,
        },
        null,
        2,
      ),
    );
  } else {
    io.out(lines.length > 0 ? `${result.label}（${lines[0]}）` : result.label);
    // where the notice prints no grade for the score, why
    if (result.band.unstated) io.err(`${UNSTATED}：${result.band.text}`);
    for (const line of readingsBlock(readings, readingLine)) io.err(line);
  }
  return 0;
}
