import { typedFormula } from '../memory/formulaText';
import { plannedFormulas } from '../memory/snapshot';
import { sheetLabels } from '../labels';
import { itemCellsAt } from '../plan';
import { itemName } from './itemText';
import type { AuditCheck, AuditFlag } from './types';

/** Formula text compared as Excel gives it back: "=" first, no _xlfn. prefixes, case and spaces outside
 * string literals ignored. */
function normalized(formula: string): string {
  let done = normalizedOf.get(formula);
  if (done === undefined) {
    done = normalizedAnew(formula);
    // the plan's formulas come again with every sheet of the table: each is normalized once
    if (normalizedOf.size < 100_000) normalizedOf.set(formula, done);
  }
  return done;
}

const normalizedOf = new Map<string, string>();

function normalizedAnew(formula: string): string {
  return typedFormula(formula)
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/\s+/g, '').toUpperCase()))
    .join('');
}

/**
 * Score, total, grade and refund cells that no longer hold the plan's formula: edited, overwritten by
 * a typed value, or cleared. Each names the item whose cell it is.
 */
export const formulaCheck: AuditCheck = ({ snapshot, plan, rubric }) => {
  const planned = plannedFormulas(plan);
  const flags: AuditFlag[] = [];
  for (const cell of snapshot.computed) {
    const expected = planned.get(cell.address);
    if (expected === undefined) continue;
    const now = cell.formula;
    if (typeof now === 'string' && now.startsWith('=') && (now === expected || normalized(now) === normalized(expected))) continue;
    const item = itemCellsAt(plan, cell.address);
    const name = item ? itemName(rubric, item.itemNo) : undefined;
    const where = name ? name.zh : resultName(plan, cell.address);
    const whereEn = name ? name.en : resultNameEn(plan, cell.address);
    const typed = !(typeof now === 'string' && now.startsWith('='));
    flags.push({
      kind: typed ? 'valueOverFormula' : 'formulaChanged',
      ...(item && { itemNo: item.itemNo }),
      ...(name?.indicator && { indicator: name.indicator }),
      address: cell.address,
      message: typed
        ? `公式被数值覆盖：${where}的 ${cell.address} 应为公式 ${expected}，现为${now === null || now === '' ? '空白' : `“${String(now)}”`}`
        : `公式与考核表不符：${where}的 ${cell.address} 应为 ${expected}，现为 ${now}`,
      messageEn: typed
        ? `Value typed over a formula: ${cell.address} (${whereEn}) should hold ${expected}`
        : `Formula no longer matches the rubric: ${cell.address} (${whereEn}) should be ${expected}, is ${now}`,
    });
  }
  return flags;
};

/** The result cells a formula flag can name, by the plan's field: named by the sheet's own label. */
const RESULT_FIELDS = ['total', 'grade', 'refund', 'vetoCount', 'addinTotal', 'addinGrade', 'addinRefund', 'agreement'] as const;
type ResultField = (typeof RESULT_FIELDS)[number];
const isResultField = (key: string): key is ResultField => (RESULT_FIELDS as readonly string[]).includes(key);

function resultEntry(plan: Parameters<AuditCheck>[0]['plan'], at: string): [string, string] | undefined {
  const key = Object.entries(plan.fields).find(([, address]) => address === at)?.[0];
  return key !== undefined && isResultField(key) ? [sheetLabels['zh-CN'][key], sheetLabels['en-US'][key]] : undefined;
}
const resultName = (plan: Parameters<AuditCheck>[0]['plan'], at: string) => resultEntry(plan, at)?.[0] ?? '表头';
const resultNameEn = (plan: Parameters<AuditCheck>[0]['plan'], at: string) => resultEntry(plan, at)?.[1] ?? 'header';
