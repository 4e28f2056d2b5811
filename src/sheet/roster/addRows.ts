import { rosterColumns, type Rubric } from '../../core';
import type { RosterColumns } from '../../core/roster';
import { columnLetters, parseCell } from '../memory/a1';
import type { CellBlock, CellEntry } from '../port';
import type { PlainValue } from '../types';
import type { RosterSource } from './source';

/** Rows gathered from submitted sheets (mib collect's roster): a header as the roster reads it, then rows. */
export interface GatheredRows {
  header: string[];
  rows: unknown[][];
}

/** The roster columns a header names: its institution fields and input ids, by the core's own reading
 * of a header (aliases, 机构性质 for 公立/民营, C16.1 for 18.1). */
function keysOf(rubric: Rubric, header: string[]): Map<string, number> {
  const columns: RosterColumns = rosterColumns(rubric, header);
  const keys = new Map<string, number>();
  for (const [field, column] of Object.entries(columns.fields)) if (column !== undefined) keys.set(`field:${field}`, column);
  for (const { id, column } of columns.inputs) keys.set(`input:${id}`, column);
  return keys;
}

const entry = (value: unknown): CellEntry =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? (value as PlainValue) : null;

/**
 * The cells that put gathered rows into the roster on its sheet. A row whose 机构编码 the roster already
 * has is written over in the gathered columns only (a corrected submission replaces the old facts, the
 * roster's other columns stay); a new one goes below the last row; a column the roster lacks gets its
 * header at the end. An empty sheet takes the header and the rows from A1.
 */
export function rowsIntoRoster(
  rubric: Rubric,
  source: RosterSource,
  gathered: GatheredRows,
): { blocks: CellBlock[]; added: number; updated: number } {
  if (source.table.header.every((h) => h === '')) {
    return {
      blocks: [{ address: 'A1', rows: [gathered.header, ...gathered.rows.map((row) => row.map(entry))] }],
      added: gathered.rows.length,
      updated: 0,
    };
  }
  const roster = keysOf(rubric, source.table.header);
  const incoming = keysOf(rubric, gathered.header);
  const blocks: CellBlock[] = [];
  // where each gathered column goes: the roster's column of the same field or id, or a new one at the end
  let width = source.table.header.length;
  const target = new Map<number, number>();
  for (const [key, from] of incoming) {
    let to = roster.get(key);
    if (to === undefined) {
      to = width++;
      blocks.push({ address: source.headerAddress(to), rows: [[gathered.header[from]!]] });
    }
    target.set(from, to);
  }
  const codeFrom = incoming.get('field:code');
  const codeTo = roster.get('field:code');
  const rowOfCode = new Map<string, number>();
  if (codeTo !== undefined)
    source.table.rows.forEach((row, r) => {
      const code = row[codeTo];
      if (code !== null && code !== undefined && String(code).trim() !== '') rowOfCode.set(String(code).trim(), r);
    });
  const pairs = [...target].sort((a, b) => a[1] - b[1]);
  const firstColumn = columnLetters(parseCell(source.headerAddress(0)).col);
  let next = source.nextRow - 1; // 0-based sheet row of the next new row
  let added = 0;
  let updated = 0;
  for (const row of gathered.rows) {
    const code = codeFrom === undefined ? '' : String(row[codeFrom] ?? '').trim();
    const existing = rowOfCode.get(code);
    if (existing === undefined) {
      // a new row (two gathered rows of one code both go in: the roster's check names them), whole
      const cells: CellEntry[] = Array.from({ length: width }, () => null);
      for (const [from, to] of pairs) cells[to] = entry(row[from]);
      blocks.push({ address: `${firstColumn}${next + 1}`, rows: [cells] });
      next++;
      added++;
      continue;
    }
    // an institution already there: each run of adjacent gathered columns in one block
    for (let i = 0; i < pairs.length;) {
      let j = i;
      while (j + 1 < pairs.length && pairs[j + 1]![1] === pairs[j]![1] + 1) j++;
      blocks.push({ address: source.addressOf(existing, pairs[i]![1]), rows: [pairs.slice(i, j + 1).map(([from]) => entry(row[from]))] });
      i = j + 1;
    }
    updated++;
  }
  return { blocks, added, updated };
}
