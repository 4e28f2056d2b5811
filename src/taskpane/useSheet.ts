import { useCallback, useEffect, useRef, useState } from 'react';
import { type Audit, auditSheet } from '../sheet/audit';
import type { SheetSnapshot, WorkbookPort } from '../sheet/port';
import { onChangesSettled } from './settled';

export type SheetState =
  | { status: 'loading' }
  | { status: 'none' }
  | { status: 'error'; message: string }
  | { status: 'ready'; sheetName: string; snapshot: SheetSnapshot; audit: Audit };

/** The active assessment sheet and its audit, read once on start and again after changes settle
 * (300 ms debounce, one read per refresh). */
export function useSheet(port: WorkbookPort): { state: SheetState; refresh: () => void } {
  const [state, setState] = useState<SheetState>({ status: 'loading' });
  const generation = useRef(0);
  const refresh = useCallback(() => {
    const mine = ++generation.current;
    void (async () => {
      try {
        const name = await port.activeAssessmentSheet();
        if (mine !== generation.current) return;
        if (!name) return setState({ status: 'none' });
        const snapshot = await port.readSheet(name);
        if (mine !== generation.current) return;
        setState({ status: 'ready', sheetName: name, snapshot, audit: auditSheet(snapshot) });
      } catch (error) {
        if (mine === generation.current) setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    })();
  }, [port]);
  useEffect(() => {
    refresh();
    return onChangesSettled(port, refresh);
  }, [port, refresh]);
  return { state, refresh };
}

/** The selected cell, followed as it moves. */
export function useSelection(port: WorkbookPort): { sheetName: string; address: string } | null {
  const [where, setWhere] = useState<{ sheetName: string; address: string } | null>(null);
  useEffect(() => {
    void port.selection().then(setWhere, () => undefined);
    return port.onSelectionChanged(setWhere);
  }, [port]);
  return where;
}
