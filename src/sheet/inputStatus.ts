import type { BlankExcuse, InputSpec } from '../core';
import { num, str, yes } from './formulaParts';

export const INVALID = '无效';
export const MISSING = '未填';

/** TRUE when a non-blank cell holds what the sheet's own clause formulas read: 是/否, a listed
 * option, a number of the input's kind within its range. */
export function acceptedFormula(spec: InputSpec, ref: string): string {
  const number = (...checks: string[]) => `AND(${[`ISNUMBER(${ref})`, ...checks].join(',')})`;
  const whole = `${ref}=INT(${ref})`;
  switch (spec.type) {
    case 'boolean':
      return `OR(${ref}="是",${ref}="否")`;
    case 'band':
    case 'choice':
      return `OR(${(spec.options ?? []).map((o) => `${ref}=${str(o)}`).join(',')})`;
    case 'count':
      return number(`${ref}>=0`, whole, ...(spec.max === undefined ? [] : [`${ref}<=${num(spec.max)}`]));
    case 'rank':
      return number(`${ref}>=1`, whole);
    case 'ratio':
      return number(`${ref}>=0`, `${ref}<=1`);
    case 'signedRatio':
      return number(`${ref}>=-1`, `${ref}<=1`);
    case 'number':
    case 'points':
      return number(`${ref}>=${num(spec.min ?? 0)}`, ...(spec.max === undefined ? [] : [`${ref}<=${num(spec.max)}`]));
  }
}

/** The condition under which a blank input is not missing, from the core's `blankExcuse`: "TRUE"
 * (never required), or a formula over the other inputs' cells; undefined when a blank is missing. */
export function excuseFormula(excuse: BlankExcuse | undefined, ref: (id: string) => string): string | undefined {
  if (excuse === undefined) return undefined;
  if (excuse.kind === 'never') return 'TRUE';
  if (excuse.kind === 'yes') return yes(ref(excuse.id));
  const given = excuse.ids.map((id) => `${ref(id)}<>""`);
  return given.length === 1 ? given[0] : `OR(${given.join(',')})`;
}

/** The status cell of one input row: 无效, 未填, or blank. */
export function statusFormula(spec: InputSpec, ref: string, notNeeded: string | undefined): string {
  const blank = notNeeded === undefined ? str(MISSING) : notNeeded === 'TRUE' ? '""' : `IF(${notNeeded},"",${str(MISSING)})`;
  return `=IF(${ref}="",${blank},IF(${acceptedFormula(spec, ref)},"",${str(INVALID)}))`;
}
