import { type Ownership, parseOwnership } from '../core';
import { readCell, showCell } from './cells';
import { fail, type Outcome } from './failure';

/** The optional trailing 机构性质 argument of MIB.SCORE / MIB.ITEM / MIB.FLAGS: 公立 or 民营 (public /
 * private); blank is unknown (public-only clauses then count, and MIB.FLAGS lists it as missing). */
export function ownershipFrom(raw: unknown): Outcome<Ownership | undefined> {
  const cell = readCell(raw);
  if (cell.kind === 'blank') return undefined;
  const parsed = cell.kind === 'value' ? parseOwnership(cell.value) : null;
  if (parsed === null) return fail(`机构性质应为“公立”或“民营”（空白为未填写），收到的是 ${showCell(raw)}`);
  return parsed;
}
