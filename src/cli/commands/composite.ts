import { compositeScore, fmt, MibError } from '../../core';
import { decimalArg, type Flags } from '../args';
import { policyOf } from './grading';
import type { CommandIo } from '../io';

export function composite(io: CommandIo, positionals: string[], flags: Flags): number {
  const [own, ...subs] = positionals.map((p, i) => decimalArg(p, { what: i === 0 ? '自身得分' : `下属得分 ${i}` }));
  if (own === undefined) throw new MibError('invalid-argument', '自身得分', '缺少自身得分', 'missing own score');
  const result = compositeScore(policyOf(io, flags), own, subs);
  if (flags.json === true) io.out(JSON.stringify({ score: result.score.toNumber(), trace: result.trace }, null, 2));
  else io.out(fmt(result.score));
  return 0;
}
