import { type Flag, type FlagKind, flagsOf } from '../core';
import { guard, isFailure, type Outcome } from './failure';
import { scoreRanges } from './score';

/** A spilled table: first row the headings, then one row per flag. Empty cells are "" (null would show 0). */
export type Table = (string | number)[][];

export const FLAG_HEADINGS = ['类型', '项目', '编号', '未计入分值', '说明'];

export const FLAG_KIND_LABELS: Record<FlagKind, string> = {
  veto: '否决项',
  overCap: '扣分超过单项分值',
  clauseCap: '条款扣分封顶',
  earnedOverCap: '得分超过上限',
  invalid: '输入无效',
  missing: '未填写',
};

export const NO_FLAGS_ROW = ['无', '', '', '', '未发现否决项、超出单项分值的扣分、条款封顶的扣分、无效或未填写的输入'];

function flagRow(flag: Flag): (string | number)[] {
  const label = FLAG_KIND_LABELS[flag.kind];
  switch (flag.kind) {
    case 'veto':
      return [label, flag.itemId, flag.inputIds.join('、'), '', flag.message];
    case 'clauseCap':
      return [label, flag.itemId, flag.inputIds.join('、'), flag.notApplied, flag.message];
    case 'overCap':
    case 'earnedOverCap':
      return [label, flag.itemId, '', flag.notApplied, flag.message];
    case 'invalid':
      return [label, flag.itemId ?? '', flag.inputId, '', flag.message];
    case 'missing':
      return [label, flag.itemId, flag.inputId, '', flag.message];
  }
}

/** MIB.FLAGS: what a reviewer must see, spilled under a heading row: veto items, deductions beyond an
 * item's points (with the points not applied), a clause's own cap at work ("最多扣5分"), earnings beyond a cap, bad and missing facts. Bad facts
 * are listed here rather than failing, so a sheet can show all of them at once. */
export function flagTable(rubricArg: unknown, ids: unknown, values: unknown, ownership?: unknown): Outcome<Table> {
  return guard(() => {
    const scored = scoreRanges(rubricArg, ids, values, ownership);
    if (isFailure(scored)) return scored;
    const rows = flagsOf(scored.rubric, scored.result).map(flagRow);
    return [FLAG_HEADINGS, ...(rows.length > 0 ? rows : [NO_FLAGS_ROW])];
  });
}
