import { useCallback, useEffect, useState } from 'react';
import type { Rubric } from '../../../core';
import type { PeerOptions } from '../../../core/roster/types';
import type { WorkbookPort } from '../../../sheet/port';
import type { Translate } from '../../i18n';
import { onChangesSettled } from '../../settled';
import type { RosterRun } from '../../roster/rosterRun';
import { type TablePolicy, useTablePolicy } from '../TablePolicyFields';

export interface RosterChoices {
  picked: TablePolicy & { rubrics: Rubric[] };
  sheetName: string;
  setSheetName: (name: string | ((current: string) => string)) => void;
  intervals: PeerOptions['intervals'];
  setIntervals: (intervals: PeerOptions['intervals']) => void;
  run: RosterRun | null;
  /** a new result: no longer stale */
  setRun: (run: RosterRun | null) => void;
  /** the roster changed since the last 计算 */
  stale: boolean;
  markStale: () => void;
}

/**
 * The 汇总 tab's choices and last result, held by the App so that they outlive a visit to another tab
 * (展开 → 检查 → back to 汇总); the tab itself is loaded on demand. While a result stands, a change made
 * while the roster's sheet is the active one marks it stale (one cheap read of the selection, not of the
 * roster: a 10,000-row roster is not read again on every keystroke); the pane's own writes into the
 * roster (a paste, 收集报送表) mark it themselves.
 */
export function useRosterChoices(port: WorkbookPort, catalog: number, t: Translate): RosterChoices {
  const picked = useTablePolicy(catalog, t);
  const [sheetName, setSheetName] = useState('');
  const [intervals, setIntervals] = useState<PeerOptions['intervals']>('equal-width');
  const [run, setRunState] = useState<RosterRun | null>(null);
  const [stale, setStale] = useState(false);
  const setRun = useCallback((next: RosterRun | null) => {
    setRunState(next);
    setStale(false);
  }, []);
  const markStale = useCallback(() => setStale(true), []);
  const source = run?.source.sheetName;
  useEffect(() => {
    if (source === undefined) return;
    return onChangesSettled(port, () => {
      void port.selection().then(
        (where) => {
          if (where?.sheetName === source) setStale(true);
        },
        () => undefined,
      );
    });
  }, [port, source]);
  return { picked, sheetName, setSheetName, intervals, setIntervals, run, setRun, stale, markStale };
}
