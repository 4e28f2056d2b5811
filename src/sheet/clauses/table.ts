import type { Rule } from '../../core';
import { ifChain, num } from '../formulaParts';
import { comparison } from './threshold';
import type { ClauseFormulaOf } from './types';

type Table = Extract<Rule, { kind: 'table' }>;

/** A lookup of points by the measured value, first matching row first ("下降≥2%的，得10分；持平的得7分…"). */
export function tableExpression(rule: Table, ref: string): string {
  const rows = rule.rows.map((row): [string, string] => [comparison(ref, row), num(row.points)]);
  return `IF(${ref}="",0,${ifChain(rows, num(rule.otherwise))})`;
}

export const tableFormula: ClauseFormulaOf<'table'> = (rule, ctx) => ({ formula: tableExpression(rule, ctx.ref(rule.input.id)), role: 'earn' });
