// TEMPORARY: stands in for scoreRoster (src/core/roster) and the roster workbook plans and writers
// (src/sheet/roster, src/excel) until they land on main.
import type { Policy, Rubric } from '../../core';
import type { PeerOptions, RosterResult, RosterTable } from '../../core/roster/types';
import type { WorkbookPort } from '../../sheet/port';
import type { ExpandColumns } from '../../sheet/roster/expand';

export function scoreRosterTable(
  _rubric: Rubric,
  _table: RosterTable,
  _policy: Policy | undefined,
  _options: { convert: boolean; peer: Partial<PeerOptions> },
): { result: RosterResult; columns: ExpandColumns } {
  throw new Error('scoreRoster not merged yet');
}

export function planRosterSheets(_result: RosterResult, _rubric: Rubric, _policy: Policy | undefined): { sheets: unknown[]; rosterSheet: string; rosterRow: (index: number) => string } {
  throw new Error('roster plans not merged yet');
}

export async function writeRosterSheets(_port: WorkbookPort, _sheets: unknown[]): Promise<string[]> {
  throw new Error('roster writer not merged yet');
}

export function histogramBars(_result: RosterResult): { bars: { label: string; count: number }[]; width: number } {
  return { bars: [], width: 10 };
}
