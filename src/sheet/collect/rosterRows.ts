import type { PlainValue } from '../types';

/** One institution of the collected roster, before it becomes a row: what its sheet said, and what the
 * agency's own list (--roster) added or corrected. */
export interface RosterRecord {
  /** 机构编码 and 机构名称 as text ("" when blank) */
  code: string;
  name: string;
  /** 级别/类型 and 上级机构编码, where the sheet or the agency's list has them */
  level?: string;
  parentCode?: string;
  ownership: PlainValue | null;
  deposit: PlainValue | null;
  /** 扣减情形, undefined where the sheet's policy names no circumstances */
  circumstances?: PlainValue | null;
  selfTotal: number | null;
  facts: [id: string, value: PlainValue | null][];
}

/** The institution columns of a collected roster, before the input ids, in this order (the names `mib
 * roster` reads); 级别, 上级机构编码 and 扣减情形 only where some institution has one, since their mere
 * presence means something to `mib roster` (a blank 级别 is a peer group of its own; 上级机构编码 asks for the
 * policy's composite rule). */
export const COLLECT_COLUMNS = ['机构编码', '机构名称', '级别', '公立/民营', '质量保证金', '上级机构编码', '扣减情形', '自评得分'] as const;

const OPTIONAL = new Set<string>(['级别', '上级机构编码', '扣减情形']);

const valueOf = (record: RosterRecord, column: (typeof COLLECT_COLUMNS)[number]): PlainValue | null => {
  switch (column) {
    case '机构编码':
      return record.code === '' ? null : record.code;
    case '机构名称':
      return record.name === '' ? null : record.name;
    case '级别':
      return record.level ?? null;
    case '公立/民营':
      return record.ownership;
    case '质量保证金':
      return record.deposit;
    case '上级机构编码':
      return record.parentCode ?? null;
    case '扣减情形':
      return record.circumstances ?? null;
    case '自评得分':
      return record.selfTotal;
  }
};

/** The roster's header and rows: the institution columns that apply, then the input ids. */
export function rosterTable(records: readonly RosterRecord[], inputIds: readonly string[]): { header: string[]; rows: unknown[][] } {
  const present = (column: string) =>
    column === '扣减情形'
      ? records.some((r) => r.circumstances !== undefined)
      : records.some((r) => (column === '级别' ? r.level : r.parentCode) !== undefined);
  const columns = COLLECT_COLUMNS.filter((column) => !OPTIONAL.has(column) || present(column));
  return {
    header: [...columns, ...inputIds],
    rows: records.map((record) => [...columns.map((column) => valueOf(record, column)), ...record.facts.map(([, value]) => value)]),
  };
}
