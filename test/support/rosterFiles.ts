// Roster files as a clerk's Excel saves them, and `mib roster --json` run on them in-process.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromDouble, type RosterJson } from '../../src/core';
import { mibOnDisk } from './mibOnDisk';

/** A fresh directory for one test file's rosters and workbooks. */
export function scratch(prefix: string): (name: string) => string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return (name) => join(dir, name);
}

/** A cell as Excel writes it into a CSV: a yes/no as 是/否, a number at 15 significant digits (Excel never
 * writes a double's binary noise), text quoted when it must be. */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  const text = typeof value === 'number' ? fromDouble(value).toFixed() : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Records as CSV text: the header is every key in order of first appearance. */
export function csvOf(records: Record<string, unknown>[]): string {
  const header = [...new Set(records.flatMap((r) => Object.keys(r)))];
  return `${[header.map(csvCell).join(','), ...records.map((r) => header.map((h) => csvCell(r[h])).join(','))].join('\r\n')}\r\n`;
}

export function writeCsv(path: string, records: Record<string, unknown>[]): string {
  writeFileSync(path, csvOf(records), 'utf8');
  return path;
}

/** `mib roster … --json` on disk: the exit code, the parsed JSON, and stderr. */
export async function rosterJsonOf(...argv: string[]): Promise<{ code: number; json: RosterJson; err: string }> {
  const run = await mibOnDisk('roster', ...argv, '--json');
  if (run.out === '') throw new Error(`mib roster printed no JSON (exit ${run.code}): ${run.err}`);
  return { code: run.code, json: JSON.parse(run.out) as RosterJson, err: run.err };
}

/** Issue 19's self-score: a 威海 二级 institution that scored itself 700 of 795, whose table total is 694.95
 * (650 for a blank sheet, 24.1 85% × 30 = 25.5, B5 19.45), 87.415… after 折算 under 吉林: its 自评差异 of
 * 5.05 is met with 694.95, which the roster must show. */
export const weihaiSelfScored = (): Record<string, unknown>[] => [
  { 机构编码: 'W1', 机构名称: '威海甲医院', 质量保证金: 100000, 自评得分: 700, '24.1': 85, '34.1': 19.45 },
  { 机构编码: 'W2', 机构名称: '威海乙医院', 质量保证金: 80000, 自评得分: 670, '24.1': 60 },
];
