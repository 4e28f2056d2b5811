import { useState } from 'react';
import type { Rubric } from '../../../core';
import type { PeerOptions } from '../../../core/roster/types';
import type { Translate } from '../../i18n';
import type { RosterRun } from '../../roster/rosterRun';
import { type TablePolicy, useTablePolicy } from '../TablePolicyFields';

export interface RosterChoices {
  picked: TablePolicy & { rubrics: Rubric[] };
  sheetName: string;
  setSheetName: (name: string | ((current: string) => string)) => void;
  intervals: PeerOptions['intervals'];
  setIntervals: (intervals: PeerOptions['intervals']) => void;
  run: RosterRun | null;
  setRun: (run: RosterRun | null) => void;
}

/** The 汇总 tab's choices and last result, held by the App so that they outlive a visit to another tab
 * (展开 → 检查 → back to 汇总); the tab itself is loaded on demand. */
export function useRosterChoices(catalog: number, t: Translate): RosterChoices {
  const picked = useTablePolicy(catalog, t);
  const [sheetName, setSheetName] = useState('');
  const [intervals, setIntervals] = useState<PeerOptions['intervals']>('equal-width');
  const [run, setRun] = useState<RosterRun | null>(null);
  return { picked, sheetName, setSheetName, intervals, setIntervals, run, setRun };
}
