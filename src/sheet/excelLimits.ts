import { parseRange } from './memory/a1';
import { SHEET_NAME_MAX } from './sheetName';
import { type GridPlan, type SheetPlan, VALIDATION_PROMPT_MAX, VALIDATION_TITLE_MAX } from './types';

/**
 * Excel's documented limits that a sheet plan must keep, in one place: the planner and the writers keep
 * them, the in-memory workbook refuses a plan that breaks one (as Excel would), and the Office.js test
 * double (test/excel/fakeExcel.ts) refuses the calls. Each rule names where Microsoft writes it.
 */

/** "Row height: 409 points" — support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3 */
export const MAX_ROW_HEIGHT = 409;
/** "Column width: 255 characters" — same page */
export const MAX_COLUMN_WIDTH = 255;
/** "Total number of characters that a cell can contain: 32,767 characters" — same page */
export const MAX_CELL_CHARS = 32_767;
/** "Length of formula contents: 8,192 characters" — same page */
export const MAX_FORMULA_CHARS = 8_192;
/** An inline list source is "a comma-separated list" (learn.microsoft.com/javascript/api/excel/excel.listdatavalidation#excel-excel-listdatavalidation-source-member);
 * Excel refuses one over 255 characters (support.microsoft.com/office/apply-data-validation-to-cells-29fecbcc-d1b9-42c1-9d76-eff3ce5f7249). */
export const MAX_LIST_SOURCE = 255;
/** "Print page scale value can be between 10 and 400" — learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions#excel-excel-pagelayoutzoomoptions-scale-member */
export const MIN_PRINT_SCALE = 10;
export const MAX_PRINT_SCALE = 400;
/** "1,048,576 rows by 16,384 columns" — Excel specifications and limits */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
/** Excel on the web: "a payload size limit for requests and responses of 5MB" —
 * learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins */
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Defined names: at most 255 characters, first a letter, "_" or "\", then letters, digits, "." and "_", not a cell
 * reference — support.microsoft.com/office/define-and-use-names-in-formulas-4d0f13ac-53b7-422e-afd2-abd7ff379c64 */
export const MAX_NAME_CHARS = 255;

/** The inline source Excel would take for these options, or why it would not: a comma inside an option
 * splits it in two, and the whole source is at most 255 characters. */
export function listSourceProblem(options: readonly string[]): string | undefined {
  const split = options.find((option) => option.includes(','));
  if (split !== undefined) return `下拉选项“${split}”含英文逗号，Excel 会把它拆成两项`;
  const source = options.join(',');
  if (source.length > MAX_LIST_SOURCE) return `下拉列表共 ${source.length} 个字符，Excel 限 ${MAX_LIST_SOURCE} 个`;
  if (options.length === 0 || options.some((option) => option.trim() === '')) return '下拉列表有空选项';
  return undefined;
}

/** Why Excel would refuse this worksheet name, or undefined. */
export function sheetNameProblem(name: string): string | undefined {
  if (name.trim() === '') return '工作表名称为空';
  if (name.length > SHEET_NAME_MAX) return `工作表名称“${name}”超过 ${SHEET_NAME_MAX} 个字符`;
  if (/[:\\/?*[\]]/.test(name)) return `工作表名称“${name}”含有 : \\ / ? * [ ] 之一`;
  if (/^'|'$/.test(name)) return `工作表名称“${name}”以单引号开头或结尾`;
  if (name.toLowerCase() === 'history') return '工作表名称不能是 History';
  return undefined;
}

/** Why Excel would refuse this defined name, or undefined. */
export function definedNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > MAX_NAME_CHARS) return `名称“${name}”的长度不在 1–${MAX_NAME_CHARS} 之间`;
  if (!/^[\p{L}_\\][\p{L}\p{N}._\\]*$/u.test(name)) return `名称“${name}”含有不允许的字符`;
  // a name that reads as a cell (A1, XFD1048576) or an R1C1 reference (R, C, R1C1) is refused
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name)) return `名称“${name}”与单元格引用相同`;
  return undefined;
}

/** Whether a row height in points is one Excel takes. */
export const rowHeightProblem = (points: number): string | undefined =>
  Number.isFinite(points) && points >= 0 && points <= MAX_ROW_HEIGHT ? undefined : `行高 ${points} 磅超出 0–${MAX_ROW_HEIGHT}`;

/**
 * Every documented limit the plan breaks, in Chinese, naming the cell or part: the in-memory workbook
 * refuses such a plan, and the tests run every bundled table, a 10,000-row roster and an own table at the
 * schema's limits through it.
 */
export function planProblems(plan: GridPlan): string[] {
  const problems: string[] = [];
  const name = sheetNameProblem(plan.name);
  if (name) problems.push(name);
  for (const [row, height] of Object.entries(plan.rowHeights)) {
    const problem = rowHeightProblem(height);
    if (problem) problems.push(`第 ${row} 行：${problem}`);
  }
  plan.columns.forEach((column, i) => {
    if (!(column.width >= 0 && column.width <= MAX_COLUMN_WIDTH)) problems.push(`第 ${i + 1} 列：列宽 ${column.width} 超出 0–${MAX_COLUMN_WIDTH}`);
  });
  plan.grid.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell) return;
      if ('formula' in cell && cell.formula.length > MAX_FORMULA_CHARS) problems.push(`R${r + 1}C${c + 1}：公式超过 ${MAX_FORMULA_CHARS} 个字符`);
      if ('value' in cell && String(cell.value).length > MAX_CELL_CHARS) problems.push(`R${r + 1}C${c + 1}：内容超过 ${MAX_CELL_CHARS} 个字符`);
    }),
  );
  plan.body?.rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null && String(value).length > MAX_CELL_CHARS)
        problems.push(`R${plan.body!.top + r + 1}C${c + 1}：内容超过 ${MAX_CELL_CHARS} 个字符`);
    }),
  );
  for (const validation of plan.validations) {
    if (validation.rule.kind === 'list') {
      const problem = listSourceProblem(validation.rule.options);
      if (problem) problems.push(`${validation.range}：${problem}`);
    }
    if ((validation.title ?? '').length > VALIDATION_TITLE_MAX) problems.push(`${validation.range}：提示标题超过 ${VALIDATION_TITLE_MAX} 个字符`);
    if (validation.prompt.length > VALIDATION_PROMPT_MAX) problems.push(`${validation.range}：提示超过 ${VALIDATION_PROMPT_MAX} 个字符`);
  }
  const names = new Set<string>();
  for (const { name: defined } of plan.names) {
    const problem = definedNameProblem(defined);
    if (problem) problems.push(problem);
    if (names.has(defined.toUpperCase())) problems.push(`名称“${defined}”重复`);
    names.add(defined.toUpperCase());
  }
  const rows = plan.grid.length + (plan.body?.rows.length ?? 0);
  if (rows > MAX_ROWS) problems.push(`共 ${rows} 行，超过 Excel 的 ${MAX_ROWS} 行`);
  if ('print' in plan) problems.push(...printProblems(plan as SheetPlan));
  return problems;
}

/** The print layout's limits: scale 10–400, page breaks on rows of the sheet (not the first), title rows whole rows. */
function printProblems(plan: SheetPlan): string[] {
  const problems: string[] = [];
  const { scale, pageBreaks, areas } = plan.print;
  if (!(scale >= MIN_PRINT_SCALE && scale <= MAX_PRINT_SCALE)) problems.push(`打印缩放 ${scale}% 超出 ${MIN_PRINT_SCALE}–${MAX_PRINT_SCALE}`);
  for (const row of pageBreaks) if (!(Number.isInteger(row) && row > 1 && row <= MAX_ROWS)) problems.push(`分页符在第 ${row} 行`);
  // "The range must span the entire row to be valid" — learn.microsoft.com/javascript/api/excel/excel.pagelayout#excel-excel-pagelayout-setprinttitlerows-member(1)
  if (plan.printTitleRows && !/^\$?\d+:\$?\d+$/.test(plan.printTitleRows)) problems.push(`打印标题行“${plan.printTitleRows}”不是整行`);
  for (const area of areas) {
    try {
      parseRange(area);
    } catch {
      problems.push(`打印区域“${area}”无效`);
    }
  }
  return problems;
}

/**
 * True where Excel, reading the string as typed input, would store something else: a formula
 * ("=", "+", "-", "@"), a number, percent, date or time ("1.1", "45%", "3-5", "1月2日"), a boolean,
 * an error. Such strings get the text format "@" before they are written, so they stay as given.
 */
export function excelWouldConvert(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === '') return false;
  if (/^[=+\-@#']/.test(trimmed)) return true;
  if (/^(true|false)$/i.test(trimmed)) return true;
  // only digits, separators and date/currency marks: Excel may read it as a number or a date
  return /\d/.test(trimmed) && /^[\d\s.,:/%$¥￥()年月日时分秒eE+-]+$/.test(trimmed);
}
