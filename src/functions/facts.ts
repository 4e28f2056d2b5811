import { clipped, fromDouble, inputIndex, repeatedInputs, resolveInputId, type Rubric } from '../core';
import { asMatrix, cellsOf, isLine, readCell, shapeOf, showCell, showShape } from './cells';
import { fail, isFailure, type Outcome } from './failure';

/** One id/value pair as the sheet holds it. */
export interface FactCell {
  id: string;
  value: unknown;
  /** 1-based position of the pair in the ranges, for messages */
  position: number;
  /** the id cell held a number (4.2), not text ("4.2") */
  typedAsNumber: boolean;
}

const PAIRS_HINT = '只给一个区域时，它应为两列（左列编号、右列取值）或两行（上行编号、下行取值）';

/** The text of an id cell. Ids typed as numbers (4.2) are read back as Excel shows them, at 15
 * significant digits: an id computed as =4+0.2 (4.2) or =18+0.3 (18.3) is that id, never "18.299999999999997". */
function idOf(raw: unknown, position: number): Outcome<{ text: string; typedAsNumber: boolean } | null> {
  const cell = readCell(raw);
  if (cell.kind === 'blank') return null;
  if (cell.kind === 'error') return fail(`编号区域第 ${position} 个单元格是错误值 ${cell.text}，请先更正该单元格`);
  if (typeof cell.value === 'boolean') return fail(`编号区域第 ${position} 个单元格是 ${showCell(raw)}，应为输入编号，如 4.2 或 C16.3`);
  const text = typeof cell.value === 'number' ? fromDouble(cell.value).toString() : String(cell.value).trim();
  return { text, typedAsNumber: typeof cell.value === 'number' };
}

function pairUp(ids: unknown[], values: unknown[]): Outcome<FactCell[]> {
  const facts: FactCell[] = [];
  for (const [index, rawId] of ids.entries()) {
    const position = index + 1;
    const value = values[index];
    const id = idOf(rawId, position);
    if (isFailure(id)) return id;
    const valueCell = readCell(value);
    if (id === null) {
      if (valueCell.kind === 'blank') continue; // a spacer row: neither id nor value
      return fail(`取值区域第 ${position} 个单元格（${showCell(value)}）没有对应的编号：编号与取值应一一对应`);
    }
    if (valueCell.kind === 'error') return fail(`${id.text} 的取值单元格是错误值 ${valueCell.text}，请先更正该单元格`);
    facts.push({ id: id.text, value: valueCell.kind === 'blank' ? null : valueCell.value, position, typedAsNumber: id.typedAsNumber });
  }
  return facts;
}

/**
 * Reads the facts a formula passes, as Excel passes them: `ids` and `values` as parallel ranges (a column
 * or a row each, in either orientation, or two ranges of the same shape), or, with `values` omitted
 * (null), one range of id/value pairs: two columns (id | value) or two rows (ids above values); a 2×2
 * range is read as two columns.
 */
export function readFactCells(idsArg: unknown, valuesArg: unknown): Outcome<FactCell[]> {
  const ids = asMatrix(idsArg);
  const values = asMatrix(valuesArg);
  if (ids === null) return fail('缺少编号区域：请给出输入编号所在的区域，如 A2:A40');
  const idShape = shapeOf(ids);
  if (values === null) {
    if (idShape.columns === 2)
      return pairUp(
        ids.map((row) => row[0]),
        ids.map((row) => row[1]),
      );
    if (idShape.rows === 2) return pairUp([...(ids[0] ?? [])], [...(ids[1] ?? [])]);
    return fail(`${PAIRS_HINT}；收到的区域是 ${showShape(idShape)}`);
  }
  const valueShape = shapeOf(values);
  const sameShape = idShape.rows === valueShape.rows && idShape.columns === valueShape.columns;
  const parallelLines = isLine(idShape) && isLine(valueShape) && idShape.rows * idShape.columns === valueShape.rows * valueShape.columns;
  if (!sameShape && !parallelLines) {
    return fail(`编号区域（${showShape(idShape)}）与取值区域（${showShape(valueShape)}）不对应：两者应各为一列或一行且单元格数相同，或形状相同`);
  }
  return pairUp(cellsOf(ids), cellsOf(values));
}

/**
 * The facts as the core reads them (input id → raw value), after the checks a sheet needs: the same fact
 * given twice (also as 18.3 and C16.3; the core's repeatedInputs finds them, and this names the pairs'
 * positions in the ranges), and an id typed as a number that lost its trailing zero (4.10 → 4.1). Unknown
 * ids pass through: the core reports them.
 */
export function factsFor(rubric: Rubric, cells: FactCell[]): Outcome<Record<string, unknown>> {
  const { byId } = inputIndex(rubric);
  // the core finds the repeats (its parseInputs refuses them in JSON files too); a sheet names the pairs
  const [repeat] = repeatedInputs(
    rubric,
    cells.map((cell) => cell.id),
  );
  if (repeat) {
    const [earlier, later] = repeat.positions.map((p) => cells[p]!);
    const same = earlier!.id === later!.id ? `“${clipped(later!.id)}”` : `“${clipped(earlier!.id)}”与“${clipped(later!.id)}”（同一输入）`;
    return fail(`输入编号 ${same} 出现了两次（第 ${earlier!.position} 与第 ${later!.position} 对）：每个编号只能填一次`);
  }
  const facts: Record<string, unknown> = {};
  for (const cell of cells) {
    const padded = `${cell.id}0`;
    if (cell.typedAsNumber && /^\d+\.\d$/.test(cell.id) && byId.has(padded)) {
      return fail(`输入编号“${cell.id}”有歧义：考核表还有 ${padded}，编号单元格若是数字，Excel 会去掉末尾的 0。请把编号列设为文本格式后重新输入`);
    }
    // defined, not assigned: an id cell reading "__proto__" stays a key (the core reports it unknown)
    // instead of replacing the object's prototype
    Object.defineProperty(facts, resolveInputId(rubric, cell.id) ?? cell.id, {
      value: cell.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return facts;
}
