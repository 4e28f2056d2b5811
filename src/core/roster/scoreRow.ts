import { type Assessment, type AssessOptions, assess } from '../assess';
import type { Problem } from '../errors';
import { evaluateParsed, inputIndex, parseKnownInput, type Result } from '../evaluate';
import type { InputValue } from '../inputs';
import type { Policy } from '../policy/schema';
import type { Rubric } from '../schema';
import type { RosterInstitution, RosterOptions } from './types';

/** One row's facts, scored: its cells parsed as evaluate parses a facts object (no copy of the row made),
 * a peer clause's column replaced by the value the peers gave (`fed`; no value is a blank), then the bad
 * peer measures as invalid facts (a bad measure withholds the grade as any bad fact does, and is not
 * counted again as missing). */
export function evaluateRow(
  rubric: Rubric,
  institution: RosterInstitution,
  peerIds: ReadonlySet<string>,
  fed: ReadonlyMap<string, string | number> | undefined,
  options: RosterOptions,
  badMeasures: Problem[] = [],
): Result {
  const { byId } = inputIndex(rubric);
  const values = new Map<string, InputValue>();
  const invalid: Problem[] = [];
  const { facts } = institution;
  // the row's own order, as evaluate reads a facts object's keys (the order of its invalid facts)
  for (const id in facts) {
    const entry = byId.get(id);
    if (entry) parseKnownInput(entry, peerIds.has(id) ? fed?.get(id) : facts[id], values, invalid);
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

/** One row graded under the policy, with the row's own deposit, 降档 and special case: the one place a
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
    ...(options.convert !== undefined && { convert: options.convert }),
    ...(options.complete !== undefined && { complete: options.complete }),
    ...extra,
  });
}
