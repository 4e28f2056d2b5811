import { type Assessment, type AssessOptions, assess } from '../scoring/assess';
import type { Problem } from '../messages/errors';
import { evaluateParsed, type InputIndexEntry, inputIndex, parseKnownInput, type Result } from '../scoring/evaluate';
import type { InputValue } from '../scoring/inputs';
import type { Policy } from '../policy/schema';
import type { Rubric } from '../files/schema';
import type { RosterInstitution, RosterOptions } from './types';

/** One input column of a roster as a row is read: where it is, its input, and whether the peers feed it. */
export interface RowInput {
  column: number;
  entry: InputIndexEntry;
  /** a peer clause's column: its raw measure never reaches evaluate, the value the peers gave does */
  peer: boolean;
}

/** The roster's input columns, in their order, looked up once for every row. */
export function rowInputs(rubric: Rubric, inputs: readonly { column: number; id: string }[], peerIds: ReadonlySet<string>): RowInput[] {
  const { byId } = inputIndex(rubric);
  return inputs.flatMap(({ column, id }) => {
    const entry = byId.get(id);
    return entry ? [{ column, entry, peer: peerIds.has(id) }] : [];
  });
}

/** One row's facts, scored: its cells parsed as evaluate parses a facts object (in the columns' order, as
 * the row's facts hold them, with no copy made), a peer clause's column replaced by the value the peers
 * gave (`fed`; no value is a blank), then the bad peer measures as invalid facts (a bad measure withholds
 * the grade as any bad fact does, and is not counted again as missing). */
export function evaluateRow(
  rubric: Rubric,
  institution: RosterInstitution,
  cells: readonly unknown[],
  inputs: readonly RowInput[],
  fed: ReadonlyMap<string, string | number> | undefined,
  options: RosterOptions,
  badMeasures: Problem[] = [],
  derived?: ReadonlyMap<string, string>,
): Result {
  const values = new Map<string, InputValue>();
  const invalid: Problem[] = [];
  for (const { column, entry, peer } of inputs) parseKnownInput(entry, peer ? fed?.get(entry.spec.id) : cells[column], values, invalid);
  // 较上年: a blank change computed from last year's roster (previous.ts derivedChanges)
  if (derived)
    for (const [id, value] of derived) {
      const entry = inputIndex(rubric).byId.get(id);
      if (entry && !values.has(id)) parseKnownInput(entry, value, values, invalid);
    }
  // a 10,000-row roster builds no trace lines unless they are asked for (the pane's 展开, --json's trace)
  const result = evaluateParsed(rubric, values, invalid, {
    ...(institution.ownership && { ownership: institution.ownership }),
    trace: options.trace === true,
  });
  if (badMeasures.length === 0) return result;
  const bad = new Set(badMeasures.map((p) => p.field));
  return { ...result, invalid: [...result.invalid, ...badMeasures], missing: result.missing.filter((id) => !bad.has(id)) };
}

/** One row graded under the policy, with the row's own deposit, 降档, special case and 扣减情形: the one place a
 * roster's grading option is passed on. */
export function assessRow(
  rubric: Rubric,
  result: Result,
  policy: Policy,
  institution: RosterInstitution,
  options: RosterOptions,
  extra: Pick<AssessOptions, 'composite'> = {},
): Assessment {
  return assess(rubric, result, policy, {
    ...(institution.deposit !== undefined && { deposit: institution.deposit }),
    ...(institution.downgrade !== undefined && { downgrade: institution.downgrade }),
    ...(institution.specialCase && { specialCase: institution.specialCase }),
    ...(institution.circumstances && { circumstances: institution.circumstances }),
    ...(options.convert !== undefined && { convert: options.convert }),
    ...(options.complete !== undefined && { complete: options.complete }),
    ...extra,
  });
}
