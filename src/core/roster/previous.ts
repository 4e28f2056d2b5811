import { DecimalOrPercentValue, DecimalValue } from '../numbers/cellValues';
import { clausesOf } from '../checks/clauses';
import { type Dec, fmt } from '../numbers/decimal';
import type { Problem } from '../messages/errors';
import { resolveInputId } from '../scoring/evaluate';
import { isBlank } from '../scoring/inputs';
import type { Policy } from '../policy/schema';
import { previousYearChangeWords } from '../rules/previousYear';
import type { Rubric } from '../files/schema';
import { rowsOf } from './institutions';
import type { PreviousResult, PreviousYearSummary, RosterInstitution, RosterRowResult, RosterRows, RosterTable } from './types';

/**
 * Last year's roster (`mib roster --previous`, issue 23): each institution's measures and results by
 * 机构编码, read from last year's roster (CSV or .xlsx, as `mib roster` reads one) or from a roster result
 * workbook that `mib roster -o` wrote (its 汇总名单: 最终得分, 等次, and each peer clause's “… 测量值”).
 * A roster without 最终得分 gives its results by being scored here, under this year's table and policy,
 * and the roster says so.
 */
export interface PreviousRow {
  code: string;
  name: string;
  total?: Dec;
  grade?: string;
  /** raw cells by input id, as last year's roster (or its 测量值 column) holds them: the measures a year
   * comparison reads */
  measures: Map<string, unknown>;
}

export interface PreviousYear {
  source: string;
  rows: Map<string, PreviousRow>;
  /** the results were scored here (the file had no 最终得分 column) */
  scored: boolean;
  problems: Problem[];
}

const text = (raw: unknown): string => (isBlank(raw) ? '' : String(raw).trim());

/** The input id a header of last year's file names: the id itself (or its code form, A6.1), or a result
 * workbook's “A6.1 测量值”. */
function measureId(rubric: Rubric, header: string): string | undefined {
  const measured = /^(\S+) 测量值$/.exec(header.trim());
  return resolveInputId(rubric, measured ? measured[1]! : header);
}

/** Whether last year's header names 机构编码, without which readPreviousYear compares nothing (and a reader
 * may leave the rows under it unread). */
export function comparesYears(header: readonly unknown[]): boolean {
  return header.some((h) => text(h) === '机构编码');
}

/**
 * Reads last year's file, a row at a time (only each row's code, name, measures and results are kept).
 * `score` scores it when it holds no results (the caller passes scoreRoster with this year's options: the
 * core's roster cannot import itself here without a cycle); of each row scored, the institution's code,
 * total and grade are read.
 */
export function readPreviousYear(
  rubric: Rubric,
  table: RosterTable | RosterRows,
  score: (rows: RosterRows) => readonly Pick<RosterRowResult, 'institution' | 'total' | 'grade'>[],
): PreviousYear {
  const lines = rowsOf(table);
  const source = table.source ?? '上年名单';
  const header = table.header.map((h) => text(h));
  const problems: Problem[] = [];
  const codeColumn = header.indexOf('机构编码');
  const nameColumn = header.indexOf('机构名称');
  const totalColumn = header.indexOf('最终得分');
  const gradeColumn = header.indexOf('等次');
  const rows = new Map<string, PreviousRow>();
  if (codeColumn < 0) {
    // a title row above the header, as in this year's roster (readInstitutions): the first row names it
    const titled = lines.count > 0 && comparesYears(lines.row(0)) ? table.cellName(0, 0) : undefined;
    problems.push({
      field: 'previous',
      message: `上年名单“${source}”没有“机构编码”列，无法与今年对照${titled ? `：表头不在第一行，${titled} 所在的一行有 机构编码，像是表头；请删去它上面的标题行` : ''}`,
      messageEn: `last year has no 机构编码 column${titled ? `: the row of ${titled} looks like the header; delete the title rows above it` : ''}`,
    });
    return { source, rows, scored: false, problems };
  }
  // the measures a year comparison reads (derivedChanges), not every fact: 20,000 rows kept whole held 200 MB
  const compared = new Set(yearComparisons(rubric).map((c) => c.measure));
  const measures = header.flatMap((h, column) => {
    const id = measureId(rubric, h);
    return id && compared.has(id) ? [{ id, column }] : [];
  });
  for (let r = 0; r < lines.count; r++) {
    const cells = lines.row(r);
    const code = text(cells[codeColumn]);
    if (code === '') continue;
    if (rows.has(code)) {
      problems.push({
        field: 'previous',
        message: `上年名单“${source}”中机构编码“${code}”重复（${table.cellName(r, codeColumn)}）：按第一次出现的一行对照`,
        messageEn: `last year's roster repeats ${code}`,
      });
      continue;
    }
    const row: PreviousRow = { code, name: nameColumn < 0 ? '' : text(cells[nameColumn]), measures: new Map() };
    for (const { id, column } of measures) if (!isBlank(cells[column])) row.measures.set(id, cells[column]);
    if (totalColumn >= 0) {
      const total = DecimalValue.safeParse(cells[totalColumn]);
      if (total.success) row.total = total.data;
      const grade = gradeColumn < 0 ? '' : text(cells[gradeColumn]);
      if (grade !== '') row.grade = grade;
    }
    rows.set(code, row);
  }
  const scored = totalColumn < 0;
  if (scored)
    for (const result of score(lines)) {
      const row = rows.get(result.institution.code);
      if (!row) continue;
      row.total = result.total;
      if (result.grade !== undefined) row.grade = result.grade;
    }
  return { source, rows, scored, problems };
}

/**
 * What marks a row with last year's result (`row.previous`: its score and grade, the change of each), as
 * soon as it is scored (its own final score and grade; 名单规则 mark rows but change neither). A row not in
 * last year's roster is left as it is.
 */
export function lastYearMarker(previous: PreviousYear, policy: Policy | undefined): (row: RosterRowResult) => void {
  const order = new Map((policy?.grades ?? []).map((g, i) => [g.label, i]));
  const gradeChange = (now: string | undefined, then: string | undefined): PreviousResult['gradeChange'] => {
    if (now === undefined || then === undefined) return undefined;
    if (now === then) return 'same';
    const [a, b] = [order.get(now), order.get(then)];
    return a === undefined || b === undefined ? 'other' : a < b ? 'up' : 'down';
  };
  return (row) => {
    const last = previous.rows.get(row.institution.code);
    if (!last) return;
    // a result workbook holds last year's score as a number cell (15 significant digits): this year's is met at
    // the same precision, so an unchanged score is a change of 0, not 3e-15
    const change = last.total && row.total.toSignificantDigits(15).minus(last.total).toDecimalPlaces(9);
    const moved = gradeChange(row.grade, last.grade);
    row.previous = {
      ...(last.total && { total: last.total }),
      ...(last.grade !== undefined && { grade: last.grade }),
      ...(change && { change }),
      ...(moved && { gradeChange: moved }),
    };
  };
}

/** A clause whose fact is the change of a measure since last year (rules/previousYear.ts). */
export interface YearComparison {
  /** the clause's own input: the change */
  id: string;
  itemNo: string;
  measure: string;
  change: 'difference' | 'relative';
}

export function yearComparisons(rubric: Rubric): YearComparison[] {
  return clausesOf(rubric).flatMap(({ item, rule }) => {
    const declared = rule.previousYear;
    const input = (rule as { input?: { id: string } }).input;
    if (!declared || !input) return [];
    const measure = resolveInputId(rubric, declared.measure);
    return measure ? [{ id: input.id, itemNo: item.no, measure, change: declared.change }] : [];
  });
}

/** What the year comparisons did over the roster, counted for the reading. */
export interface DerivedCounts {
  computed: number;
  given: number;
  noData: number;
  /** rows whose change could not be computed (last year's measure 0 under a growth rate, a measure not a number) */
  bad: Problem[];
}

export const newDerivedCounts = (): DerivedCounts => ({ computed: 0, given: 0, noData: 0, bad: [] });

/**
 * The changes a row's blank comparison facts take: this year's measure (the row's cell) against last
 * year's (the previous row's). A fact the row fills already is the change and stands.
 */
export function derivedChanges(
  inst: RosterInstitution,
  previous: PreviousYear,
  comparisons: readonly YearComparison[],
  countsById: Map<string, DerivedCounts>,
): Map<string, string> | undefined {
  let out: Map<string, string> | undefined;
  const last = previous.rows.get(inst.code);
  for (const c of comparisons) {
    let counts = countsById.get(c.id);
    if (!counts) countsById.set(c.id, (counts = newDerivedCounts()));
    if (!isBlank(inst.facts[c.id] as never)) {
      counts.given++;
      continue;
    }
    const now = DecimalOrPercentValue.safeParse(inst.facts[c.measure]);
    const before = last && DecimalOrPercentValue.safeParse(last.measures.get(c.measure));
    if (!now.success || !before?.success) {
      counts.noData++;
      continue;
    }
    if (c.change === 'relative' && before.data.isZero()) {
      counts.bad.push({
        field: c.id,
        message: `${inst.code} ${inst.name}：上年 ${c.measure} 为 0，无法计算增长率，${c.id} 留空`,
        messageEn: `${inst.code}: last year's ${c.measure} is 0`,
      });
      continue;
    }
    const change = c.change === 'difference' ? now.data.minus(before.data) : now.data.minus(before.data).dividedBy(before.data);
    (out ??= new Map()).set(c.id, change.toString());
    counts.computed++;
  }
  return out;
}

/** Who is new and who is gone, and how the rows (each marked with last year's result as it was scored,
 * lastYearMarker) moved. */
export function comparedWithLastYear(
  rows: readonly RosterRowResult[],
  previous: PreviousYear,
  comparisons: readonly YearComparison[],
  countsById: ReadonlyMap<string, DerivedCounts>,
): PreviousYearSummary {
  const here = new Set<string>();
  const newcomers: PreviousYearSummary['newcomers'] = [];
  let up = 0;
  let down = 0;
  for (const row of rows) {
    const { code, name } = row.institution;
    here.add(code);
    if (!previous.rows.has(code)) {
      newcomers.push({ code, name });
      continue;
    }
    const change = row.previous?.change;
    if (change?.gt(0)) up++;
    else if (change?.lt(0)) down++;
  }
  const leavers = [...previous.rows.values()]
    .filter((row) => !here.has(row.code))
    .map((row) => ({ code: row.code, name: row.name, ...(row.total && { total: row.total }), ...(row.grade !== undefined && { grade: row.grade }) }));
  const moved = rows.filter((r) => r.previous?.gradeChange !== undefined && r.previous.gradeChange !== 'same');
  const better = moved.filter((r) => r.previous!.gradeChange === 'up').length;
  const lines = [
    `上年名单：${previous.source}，${previous.rows.size} 家${previous.scored ? '（上年名单没有最终得分，按今年的考核表与政策计分得出上年得分与等次）' : ''}`,
    `与上年相比：得分上升 ${up} 家，下降 ${down} 家${moved.length > 0 ? `；等次变化 ${moved.length} 家（升 ${better} 家，降 ${moved.filter((r) => r.previous!.gradeChange === 'down').length} 家）` : ''}`,
    `今年新增 ${newcomers.length} 家${newcomers.length > 0 ? `：${listed(newcomers)}` : ''}`,
    `上年在名单、今年不在 ${leavers.length} 家${leavers.length > 0 ? `：${listed(leavers)}` : ''}`,
    ...comparisons.map((c) => {
      const counts = countsById.get(c.id) ?? newDerivedCounts();
      return `${c.id}（第${c.itemNo}项，较上年）= ${c.measure} ${previousYearChangeWords[c.change]}：按上年名单算出 ${counts.computed} 家；名单已填 ${c.id} 的 ${counts.given} 家按所填（所填即为变化）；缺本年或上年数据的 ${counts.noData} 家留空`;
    }),
  ];
  return { source: previous.source, institutions: previous.rows.size, scored: previous.scored, newcomers, leavers, lines };
}

function listed(rows: readonly { code: string; name: string }[]): string {
  const shown = rows.slice(0, 20).map((r) => `${r.code} ${r.name}`.trim());
  return `${shown.join('、')}${rows.length > 20 ? ` 等 ${rows.length} 家` : ''}`;
}

/** The change of a score in words: +2.5 / −1 / 0. */
export function changeText(change: Dec): string {
  return change.gt(0) ? `+${fmt(change)}` : fmt(change);
}
