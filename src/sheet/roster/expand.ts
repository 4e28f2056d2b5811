import type { RosterRowResult } from '../../core/roster/types';
import type { Rubric } from '../../core/files/schema';
import { planSheet } from '../planSheet';
import type { CellBlock, SheetSnapshot } from '../port';
import type { PlanFields, SheetPlan } from '../types';
import { linkFormula } from './link';
import type { RosterSource } from './source';

/** Where the roster keeps what 展开 links to: the institution fields' columns and each input id's. */
export interface ExpandColumns {
  fields: { code?: number; name?: number; ownership?: number; deposit?: number };
  inputs: { column: number; id: string }[];
}

export interface ExpandOptions {
  policyId?: string;
  convert?: boolean;
  withAddinFunctions?: boolean;
  locale?: 'zh-CN' | 'en-US';
}

/** The sheet fields 展开 links to the roster, by the roster's field name. */
const LINKED_FIELDS = { code: 'institutionCode', name: 'institutionName', ownership: 'ownership', deposit: 'deposit' } as const satisfies Record<
  keyof ExpandColumns['fields'],
  keyof PlanFields
>;

/**
 * One institution's full assessment sheet from its roster row (展开), kept in step with the roster:
 * - what the row says (code, name, 公立/民营, deposit, each fact) becomes a formula that shows the
 *   roster cell (linkFormula), so an edit in the roster reaches the sheet through Excel alone;
 * - what the peers decide (the interval, the excess over the low band, the tier, the rank) cannot be
 *   a formula of the row, so it is written as the value the roster computed (as a one-institution
 *   sheet holds it) and written again by each 计算 (peerUpdates).
 * The plan is written first, then `links` into its unlocked cells.
 */
export function expandPlan(
  rubric: Rubric,
  row: RosterRowResult,
  source: RosterSource,
  columns: ExpandColumns,
  options: ExpandOptions = {},
): { plan: SheetPlan; links: CellBlock[] } {
  const { institution } = row;
  const plan = planSheet(rubric, {
    ...(options.policyId && { policyId: options.policyId }),
    convert: options.convert === true,
    withAddinFunctions: options.withAddinFunctions === true,
    ...(options.locale && { locale: options.locale }),
    institutionCode: institution.code,
    institutionName: institution.name,
    ...(institution.ownership && { ownership: institution.ownership }),
    ...(institution.deposit && { deposit: institution.deposit.toString() }),
    inputs: peerValues(row),
  });
  const link = (address: string, column: number, numberFormat?: string): CellBlock => ({
    address,
    rows: [[{ formula: linkFormula(source.sheetName, source.addressOf(institution.row, column)), ...(numberFormat && { numberFormat }) }]],
  });
  const peers = new Set(row.peer.map((p) => p.inputId));
  const links: CellBlock[] = [];
  for (const [field, column] of Object.entries(columns.fields) as [keyof ExpandColumns['fields'], number | undefined][]) {
    const address = plan.fields[LINKED_FIELDS[field]];
    // the text fields are formatted as text ("@"), which would keep a formula as text
    if (column !== undefined && address !== undefined) links.push(link(address, column, field === 'deposit' ? undefined : 'General'));
  }
  const inputAt = new Map(plan.inputs.map((input) => [input.id, input.address]));
  for (const { column, id } of columns.inputs) {
    const address = inputAt.get(id);
    if (address !== undefined && !peers.has(id)) links.push(link(address, column));
  }
  return { plan, links };
}

/** The peer-computed facts of a row, as a one-institution sheet holds them (blank where none could be
 * computed: a peer group of one, a blank measure). */
function peerValues(row: RosterRowResult): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const reading of row.peer) if (reading.value !== undefined) values[reading.inputId] = reading.value;
  return values;
}

/**
 * What 计算 writes into a sheet expanded from the roster on `rosterSheet`: each peer-computed input set
 * to the row's new value, or cleared where none could be computed; only the cells that change. Nothing
 * for any other sheet (made by 新建考核表, of another table or roster, or whose 机构编码 is not in it).
 */
export function peerUpdates(rosterSheet: string, rubricId: string, rows: readonly RosterRowResult[], snapshot: SheetSnapshot): CellBlock[] {
  if (snapshot.rosterSheet !== rosterSheet || snapshot.rubricId !== rubricId) return [];
  const code = snapshot.institutionCode === undefined ? '' : String(snapshot.institutionCode).trim();
  const row = rows.find((r) => r.institution.code === code);
  if (!row) return [];
  const values = peerValues(row);
  const peers = new Set(row.peer.map((p) => p.inputId));
  return snapshot.inputs
    .filter((input) => peers.has(input.id) && (values[input.id] ?? null) !== input.value)
    .map((input) => ({ address: input.address, rows: [[values[input.id] ?? null]] }));
}
