import { type Ownership, parseOwnership } from '../scoring/applicability';
import { decimalOrNull } from '../numbers/cellValues';
import { cmp, type Dec, ZERO } from '../numbers/decimal';
import { clipped } from '../messages/echo';
import type { Problem } from '../messages/errors';
import { isBlank, show } from '../scoring/inputs';
import { resolveInputId } from '../scoring/evaluate';
import { circumstancesFrom } from '../policy/extraWithholding';
import { downgradeLimit } from '../policy/grade';
import { depositBeyondRange, specialCaseLabels, specialCaseNamed } from '../policy/refund';
import { type Policy, type SpecialCase, specialCaseKinds } from '../policy/schema';
import type { Rubric } from '../files/schema';
import type { RosterInstitution, RosterRows, RosterTable } from './types';

/** The institution fields a roster's header may hold, each with the names it accepts (the guide's 13.1 lists them all). */
export const FIELDS = {
  code: ['机构编码'],
  name: ['机构名称'],
  level: ['级别/类型', '级别', '类型', '医院级别'],
  ownership: ['公立/民营', '机构性质'],
  deposit: ['质量保证金'],
  parentCode: ['上级机构编码'],
  downgrade: ['降档'],
  specialCase: ['情形', '考核之外的情形'],
  circumstances: ['扣减情形', '另行扣减情形'],
  selfScore: ['自评得分'],
  fundGrowth: ['基金收入增长幅度', '医保基金收入增长幅度', '当年医保基金收入增长幅度'],
} as const;
type Field = keyof typeof FIELDS;

/** A header naming a column of institution codes (机构编码, 上级机构编码): codes are text, their leading
 * zeros part of them ("03720"), wherever a roster comes from. */
export function isCodeHeader(header: string): boolean {
  const field = fieldOfHeader(header);
  return field === 'code' || field === 'parentCode';
}

/** Whether a header names the two columns no roster can do without, 机构编码 and 机构名称 (readInstitutions
 * scores nothing without them): a reader may leave the rows under one that does not unread (`unread`). */
export function namesInstitutions(header: readonly unknown[]): boolean {
  const fields = fieldsNamed(header);
  return fields.has('code') && fields.has('name');
}

/** The institution fields a header's cells name. */
const fieldsNamed = (header: readonly unknown[]) => new Set(header.map((raw) => (typeof raw === 'string' ? fieldOfHeader(raw.trim()) : undefined)));

/**
 * What a header lacks of the two columns no roster can do without, each as a problem (none when it names
 * both): "名册表头缺少“机构编码”列". Said first where the first row under it names both, as under a clerk's
 * title row (“2025年度考核名单”): "表头不在第一行：名单!A2 所在的一行有 机构编码、机构名称…", naming its cell.
 */
export function headerLacks(
  header: readonly unknown[],
  firstRow: readonly unknown[] | undefined,
  cellName: (row: number, column: number) => string,
): Problem[] {
  const fields = fieldsNamed(header);
  const lacks = (['code', 'name'] as const).flatMap((field) => {
    if (fields.has(field)) return [];
    const name = FIELDS[field][0];
    return [problem(name, `名册表头缺少“${name}”列：第一行须有 机构编码、机构名称`, `the roster's header has no ${name} column`)];
  });
  if (lacks.length > 0 && firstRow !== undefined && namesInstitutions(firstRow)) {
    const cell = cellName(0, 0);
    lacks.unshift(
      problem(
        cell,
        `表头不在第一行：${cell} 所在的一行有 机构编码、机构名称，像是表头；请删去它上面的标题行，使表头成为第一行`,
        `the header is not on the first row: the row of ${cell} names 机构编码 and 机构名称; delete the title rows above it`,
      ),
    );
  }
  return lacks;
}

let headerFields: Map<string, Field> | undefined;
/** The field a header names, if any: built on first use, so a bundle that never reads a roster carries nothing. */
function fieldOfHeader(header: string): Field | undefined {
  headerFields ??= new Map<string, Field>(Object.entries(FIELDS).flatMap(([field, names]) => names.map((n) => [n, field as Field])));
  return headerFields.get(header);
}

/** Which column holds what: the institution fields and the input ids (a header resolved through aliases). */
export interface RosterColumns {
  fields: Partial<Record<Field, number>>;
  inputs: { column: number; id: string }[];
}

export interface ReadInstitutions {
  institutions: RosterInstitution[];
  columns: RosterColumns;
  /** table-level problems: a header missing, an unknown or repeated column, an empty table, a duplicate code */
  problems: Problem[];
  /** row problems by data row index: that row is flagged, the others are scored */
  rowProblems: Map<number, Problem[]>;
}

/** A number of at least 0, read as DecimalValue reads it (a deposit, a 降档); null for anything else. */
function notNegative(raw: unknown): Dec | null {
  const value = decimalOrNull(raw);
  return value !== null && cmp(value, ZERO) >= 0 ? value : null;
}

/** An amount in yuan: a number, or text as a person writes money. Excel saves a cell in its currency
 * format into a CSV as shown ("¥50,000.00"), and a clerk may add 元: the sign before and 元 after are
 * taken off, the rest read as any number is ("50,000.00"). */
function amountNotNegative(raw: unknown): Dec | null {
  if (typeof raw !== 'string') return notNegative(raw);
  return notNegative(
    raw
      .trim()
      .replace(/^[¥￥]\s*/, '')
      .replace(/\s*元$/, ''),
  );
}

/**
 * Why a 机构编码 cell can no longer be the code that was typed, where Excel took a long code of digits for a
 * number: saved into a CSV from a General column, it is written as shown ("3.71002E+14", the digits after
 * the sixth gone); kept as a number, only its first 15 digits are (the rest are 0). Such a row would match
 * no code of last year's roster or the agency's list, and two of them may read alike. The row is flagged
 * (and still scored, as every flagged row is). Undefined for a code that can be what was typed.
 */
function mangledCode(raw: unknown): string | undefined {
  const EXCEL_DIGITS = 1e15;
  if (typeof raw === 'number' && Math.abs(raw) >= EXCEL_DIGITS)
    return `机构编码 ${String(raw)} 是超过 15 位的数字：Excel 只保留 15 位有效数字，后几位已变成 0；请把该列设为“文本”格式后重新填写编码`;
  if (typeof raw === 'string' && /^\s*[-+]?\d(\.\d+)?E\+\d+\s*$/i.test(raw))
    return `机构编码“${raw.trim()}”是科学计数法，原编码的后几位已丢失（长数字编码在 Excel 的“常规”格式下这样显示，另存为 CSV 时照样写出）；请把该列设为“文本”格式后重新填写编码`;
  return undefined;
}

/** The header row is -1 for `cellName`: the readers name it as the row above the first data row. */
export const HEADER_ROW = -1;

/** The rows of a table or of a roster read a row at a time, as one: a count and a row by its index. */
export function rowsOf(table: RosterTable | RosterRows): RosterRows {
  if ('row' in table) return table;
  const rows = table.rows;
  return {
    header: table.header,
    cellName: table.cellName,
    ...(table.source !== undefined && { source: table.source }),
    ...(table.unread && { unread: true }),
    count: rows.length,
    row: (i) => rows[i]!,
  };
}

/** Reads a roster's header and rows into institutions: every cell from outside checked, every problem
 * named by its cell, a bad row flagged while the others stay. With `factIds`, an institution's `facts` hold
 * those inputs alone (the peer measures, all that is read of the facts before a row is scored). */
export function readInstitutions(rubric: Rubric, table: RosterTable | RosterRows, policy?: Policy, factIds?: ReadonlySet<string>): ReadInstitutions {
  const problems: Problem[] = [];
  const rowProblems = new Map<number, Problem[]>();
  const flag = (row: number, problem: Problem) => {
    const list = rowProblems.get(row);
    if (list) list.push(problem);
    else rowProblems.set(row, [problem]);
  };
  const columns = readHeader(rubric, table, problems);
  const rows = rowsOf(table);
  const where = table.source ? `${table.source}：` : '';
  if (rows.count === 0) problems.push(problem('rows', `${where}名册没有数据行：第一行是表头，其下每行一家机构`, 'the roster has no data rows'));
  if (columns.fields.code === undefined || columns.fields.name === undefined) {
    // why nothing is scored, said first: a file that is no roster may name hundreds of other columns
    problems.unshift(...headerLacks(table.header, rows.count > 0 ? rows.row(0) : undefined, table.cellName));
    return { institutions: [], columns, problems, rowProblems };
  }
  const facts = factIds ? columns.inputs.filter(({ id }) => factIds.has(id)) : columns.inputs;
  // an object with every kept input's key, in the columns' order, made in one go: its copies share one
  // hidden class and keep their properties in place (a key added at a time, 100-odd of them, makes a hash
  // table per row: six times the memory)
  const shape = Object.fromEntries(facts.map(({ id }) => [id, undefined])) as Record<string, unknown>;
  const institutions: RosterInstitution[] = new Array(rows.count);
  // the cells read here: the institution's and the kept facts' (a reader that can give those alone does)
  const read = [...new Set([...Object.values(columns.fields), ...facts.map(({ column }) => column)])].sort((a, b) => a - b);
  const cellsOf = rows.cells ? (row: number) => rows.cells!(row, read) : (row: number) => rows.row(row);
  for (let row = 0; row < rows.count; row++)
    institutions[row] = readRow(cellsOf(row), row, columns, table, policy, (p) => flag(row, p), facts, shape);
  flagDuplicates(institutions, columns.fields.code, table, problems, flag);
  return { institutions, columns, problems, rowProblems };
}

/** Which column holds what, read from the header alone, as scoreRoster reads it: for the pane's 展开
 * links and the rows collect adds, without reading every row again. */
export function rosterColumns(rubric: Rubric, header: string[]): RosterColumns {
  return readHeader(rubric, { header, cellName: () => '' }, []);
}

function problem(field: string, message: string, messageEn: string): Problem {
  return { field, message, messageEn };
}

function readHeader(rubric: Rubric, table: Pick<RosterTable, 'header' | 'cellName'>, problems: Problem[]): RosterColumns {
  const columns: RosterColumns = { fields: {}, inputs: [] };
  const seen = new Map<string, number>();
  table.header.forEach((raw, column) => {
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text === '') return;
    const cell = table.cellName(HEADER_ROW, column);
    const field = fieldOfHeader(text);
    const key = field ?? resolveInputId(rubric, text);
    if (key === undefined) {
      problems.push(
        problem(
          cell,
          `${cell} 的列名“${clipped(text)}”既不是机构信息（${Object.values(FIELDS)
            .map((n) => n[0])
            .join('、')}），也不是${rubric.title}的输入编号：这一列不计`,
          `${cell}: column "${clipped(text)}" is neither an institution field nor an input id of ${rubric.id}; ignored`,
        ),
      );
      return;
    }
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const first = table.cellName(HEADER_ROW, earlier);
      problems.push(
        problem(cell, `${cell} 与 ${first} 是同一列（${key}）：只用 ${first}`, `${cell} repeats column ${first} (${key}); only ${first} is read`),
      );
      return;
    }
    seen.set(key, column);
    if (field) columns.fields[field] = column;
    else columns.inputs.push({ column, id: key });
  });
  return columns;
}

const text = (raw: unknown): string => (isBlank(raw) ? '' : String(raw).trim());

function readRow(
  cells: readonly unknown[],
  row: number,
  columns: RosterColumns,
  table: Pick<RosterTable, 'cellName'>,
  policy: Policy | undefined,
  flag: (p: Problem) => void,
  factColumns: readonly { column: number; id: string }[],
  shape: Record<string, unknown>,
): RosterInstitution {
  const { fields } = columns;
  const at = (field: Field) => (fields[field] === undefined ? undefined : cells[fields[field]!]);
  const cellOf = (field: Field) => table.cellName(row, fields[field]!);
  const bad = (field: Field, what: string, en: string) => {
    const cell = cellOf(field);
    // a blank cell is said to be blank by the message itself (机构名称不能为空): no "收到的是 空" after it
    const got = isBlank(at(field)) ? '' : `，收到的是 ${show(at(field))}`;
    flag(problem(cell, `${cell}：${what}${got}`, `${cell}: ${en}`));
  };
  const code = text(at('code'));
  const name = text(at('name'));
  if (code === '') bad('code', '机构编码不能为空', 'the institution code is blank');
  const mangled = code === '' ? undefined : mangledCode(at('code'));
  if (mangled) {
    const cell = cellOf('code');
    flag(problem(cell, `${cell}：${mangled}`, `${cell}: the institution code was turned into a number by Excel and lost digits`));
  }
  if (name === '') bad('name', '机构名称不能为空', 'the institution name is blank');
  const institution: RosterInstitution = { code, name, row, facts: {} };
  const level = text(at('level'));
  if (level !== '') institution.level = level;
  const ownership = parseOwnership(at('ownership'));
  if (ownership === null) bad('ownership', '公立/民营应填“公立”或“民营”', 'ownership should be 公立 or 民营');
  else if (ownership !== undefined) institution.ownership = ownership as Ownership;
  const deposit = at('deposit');
  if (!isBlank(deposit)) {
    const amount = amountNotNegative(deposit);
    const beyond = amount && depositBeyondRange(amount);
    if (beyond) bad('deposit', `质量保证金${beyond.zh}`, `the deposit ${beyond.en}`);
    else if (amount) institution.deposit = amount;
    else bad('deposit', '质量保证金应为不小于 0 的金额（元）', 'the deposit should be an amount ≥ 0');
  }
  const parent = text(at('parentCode'));
  if (parent !== '') institution.parentCode = parent;
  const downgrade = at('downgrade');
  if (!isBlank(downgrade)) readDowngrade(downgrade, policy, institution, (what, en) => bad('downgrade', what, en));
  const special = text(at('specialCase'));
  if (special !== '') {
    const kind: SpecialCase | undefined = specialCaseNamed(special);
    if (kind) institution.specialCase = kind;
    else
      bad(
        'specialCase',
        `情形应为以下之一：${specialCaseKinds.map((k) => specialCaseLabels[k].name).join('、')}`,
        `the special case should be one of ${specialCaseKinds.join(', ')}`,
      );
  }
  // 扣减情形 (挂牌督办 再扣除10%), by the policy's own names: an unknown name is the row's problem, never ignored
  const circumstances = circumstancesFrom(text(at('circumstances')));
  if (circumstances.length > 0) {
    const known = policy?.extraWithholding?.map((c) => c.name) ?? [];
    const unknown = circumstances.filter((name) => !known.includes(name));
    if (unknown.length === 0) institution.circumstances = circumstances;
    else
      bad(
        'circumstances',
        known.length > 0 ? `扣减情形应为政策规定的：${known.join('、')}（可填几个，用顿号分开）` : '政策没有规定另行扣减的情形，扣减情形应留空',
        `circumstances should be among ${known.join(', ') || '(none: the policy has none)'}`,
      );
  }
  const selfScore = at('selfScore');
  if (!isBlank(selfScore)) {
    const score = decimalOrNull(selfScore);
    if (score) institution.selfScore = score;
    else bad('selfScore', '自评得分应为数字', 'the self-score should be a number');
  }
  const fundGrowth = at('fundGrowth');
  if (!isBlank(fundGrowth)) {
    const growth = decimalOrNull(fundGrowth, true);
    if (growth) institution.fundGrowth = growth;
    else bad('fundGrowth', '基金收入增长幅度应为比率（5% 填 5% 或 0.05，可为负）', 'the fund income growth should be a rate');
  }
  // copied from the one shape every row shares, then filled
  const facts = { ...shape };
  for (const { column, id } of factColumns) facts[id] = cells[column];
  institution.facts = facts;
  return institution;
}

function readDowngrade(raw: unknown, policy: Policy | undefined, institution: RosterInstitution, bad: (what: string, en: string) => void) {
  const parsed = notNegative(raw);
  if (!parsed?.isInteger()) return bad('降档应为 0 或正整数', 'the downgrade should be a whole number ≥ 0');
  const steps = parsed.toNumber();
  const limit = policy && downgradeLimit(policy);
  if (limit && steps > limit.allowed) return bad(limit.zh, limit.en);
  if (steps > 0) institution.downgrade = steps;
}

/** Two rows with one 机构编码: both flagged (which one is right is the agency's to say), both still scored. */
function flagDuplicates(
  institutions: RosterInstitution[],
  codeColumn: number,
  table: Pick<RosterTable, 'cellName'>,
  problems: Problem[],
  flag: (row: number, p: Problem) => void,
) {
  const byCode = new Map<string, number[]>();
  for (const inst of institutions) {
    if (inst.code === '') continue;
    const rows = byCode.get(inst.code);
    if (rows) rows.push(inst.row);
    else byCode.set(inst.code, [inst.row]);
  }
  for (const [code, rows] of byCode) {
    if (rows.length < 2) continue;
    const cells = rows.map((r) => table.cellName(r, codeColumn));
    const message = `机构编码“${clipped(code)}”重复出现在 ${cells.join('、')}：每家机构只能占一行`;
    const found = problem(cells.join(','), message, `institution code "${clipped(code)}" appears in ${cells.join(', ')}`);
    problems.push(found);
    for (const row of rows) flag(row, found);
  }
}
