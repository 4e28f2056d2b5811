import type { Problem } from '../../core';
import { fmt } from '../../core/numbers/decimal';
import type { RosterFindings } from '../../core/roster/findings';
import type { RosterResult } from '../../core/roster/types';
import type { ExpandColumns } from '../../sheet/roster/expand';
import type { RosterSource } from '../../sheet/roster/source';

/** One line of the 汇总 tab's problem list: its text and the roster cell it names, if any. */
export interface ProblemEntry {
  key: string;
  message: string;
  messageEn: string;
  /** the cell on the roster sheet a click selects */
  address?: string;
}

const CELL = /^\$?[A-Z]{1,3}\$?[1-9]\d*$/i;

/**
 * Every problem of a scored roster, table-level ones first, then row by row, each row's led by its
 * institution: a bad field or a missing parent (the core names the cell), an invalid fact (named by its
 * input id: the cell is found by the id's column on the row). At most `limit` are listed; `more` counts the rest.
 */
export function problemEntries(
  result: RosterResult,
  source: RosterSource,
  columns: ExpandColumns,
  limit = 200,
  findings?: RosterFindings,
): { shown: ProblemEntry[]; more: number } {
  const entries: ProblemEntry[] = [];
  const cellOf = (problem: Problem) => (CELL.test(problem.field) ? problem.field.replace(/\$/g, '').toUpperCase() : undefined);
  let total = 0;
  const add = (entry: Omit<ProblemEntry, 'key'>) => {
    total++;
    if (entries.length < limit) entries.push({ ...entry, key: `${total}` });
  };
  const columnOf = new Map(columns.inputs.map(({ column, id }) => [id, column]));
  if (findings) for (const entry of findingEntries(result, findings, source, columns)) add(entry);
  // a table-level problem names a cell, or a clause (a peer group of one): then its column's header
  for (const problem of result.problems) {
    const column = columnOf.get(problem.field);
    add({
      message: problem.message,
      messageEn: problem.messageEn,
      ...optional(cellOf(problem) ?? (column === undefined ? undefined : source.headerAddress(column))),
    });
  }
  for (const row of result.institutions) {
    const who = `${row.institution.code} ${row.institution.name}`;
    for (const problem of row.problems)
      add({ message: `${who}：${problem.message}`, messageEn: `${row.institution.code}: ${problem.messageEn}`, ...optional(cellOf(problem)) });
    for (const problem of row.invalid) {
      const column = columnOf.get(problem.field);
      const address = column === undefined ? undefined : source.addressOf(row.institution.row, column);
      // the core names the cell in the message already ("D3：…"); where it does not, the id or cell leads
      const named = (text: string) => (address !== undefined && text.startsWith(address) ? text : `${address ?? problem.field}：${text}`);
      add({
        message: `${who}：${named(problem.message)}`,
        messageEn: `${row.institution.code}: ${named(problem.messageEn).replace('：', ': ')}`,
        ...optional(address),
      });
    }
  }
  return { shown: entries, more: total - entries.length };
}

const optional = (address: string | undefined) => (address === undefined ? {} : { address });

/**
 * What a reviewer looks for, before the problems (rosterFindings): a veto, a deduction beyond an item's points
 * (naming the item), a self-score far from the table's total; each selects the institution's name on the roster.
 */
function findingEntries(result: RosterResult, findings: RosterFindings, source: RosterSource, columns: ExpandColumns): Omit<ProblemEntry, 'key'>[] {
  const rowOf = new Map(result.institutions.map((row) => [row.institution.code, row.institution.row]));
  const nameCell = (code: string) => {
    const row = rowOf.get(code);
    const column = columns.fields.name ?? columns.fields.code;
    return row === undefined || column === undefined ? {} : { address: source.addressOf(row, column) };
  };
  return [
    ...findings.vetoes.map((v) => ({
      message: `${v.code} ${v.name}：否决项 ${v.items.join('、')}`,
      messageEn: `${v.code}: veto (${v.items.join(', ')})`,
      ...nameCell(v.code),
    })),
    ...findings.overCap.flatMap((item) =>
      item.institutions.map((i) => ({
        message: `${i.code} ${i.name}：${item.label} ${item.indicator}的扣分超出单项分值 ${fmt(i.points)} 分`,
        messageEn: `${i.code}: deductions beyond the points of ${item.label} by ${fmt(i.points)}`,
        ...nameCell(i.code),
      })),
    ),
    ...findings.selfGaps.map((g) => ({
      message: `${g.code} ${g.name}：自评 ${fmt(g.selfScore)}，考核表得分 ${fmt(g.tableTotal)}，相差 ${fmt(g.difference)} 分（超过 ${fmt(findings.selfGapThreshold)} 分）`,
      messageEn: `${g.code}: self-score ${fmt(g.selfScore)}, table total ${fmt(g.tableTotal)}, a difference of ${fmt(g.difference)}`,
      ...nameCell(g.code),
    })),
  ];
}
