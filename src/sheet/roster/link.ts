import { columnLetters, normalizeAddress, parseCell } from '../memory/a1';
import { quotedSheet } from '../sheetName';

/**
 * The formula 展开 puts in an expanded sheet's input cell so that it follows the roster: the roster
 * cell's value, or blank while that cell is blank. A bare reference would show 0 for a blank cell, and
 * 0 is a fact (0 次, 0%) where blank means "not filled in". Built and recognised here only, so that the
 * in-memory workbook computes exactly what Excel computes for it and nothing more.
 */
export function linkFormula(sheetName: string, address: string): string {
  const ref = `${quotedSheet(sheetName)}!${absolute(address)}`;
  return `=IF(ISBLANK(${ref}),"",${ref})`;
}

/** The roster cell a link formula reads, or undefined for any other formula. */
export function linkTarget(formula: string): { sheetName: string; address: string } | undefined {
  const match = /^=IF\(ISBLANK\(('(?:[^']|'')+'|[^'!(),"]+)!(\$?[A-Z]{1,3}\$?\d+)\),"",('(?:[^']|'')+'|[^'!(),"]+)!(\$?[A-Z]{1,3}\$?\d+)\)$/i.exec(
    formula.trim(),
  );
  if (!match || match[1] !== match[3] || normalizeAddress(match[2]!) !== normalizeAddress(match[4]!)) return undefined;
  const sheet = match[1]!;
  const sheetName = sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
  return { sheetName, address: normalizeAddress(match[2]!) };
}

function absolute(address: string): string {
  const { row, col } = parseCell(address);
  return `$${columnLetters(col)}$${row + 1}`;
}
