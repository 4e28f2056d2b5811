import type { WorkbookPort } from '../sheet/port';

/** How long the workbook must stay unchanged before the pane reacts: typing or a paste fires many changes. */
export const SETTLE_MS = 300;

/** Calls `handler` once changes to the workbook have settled; returns the unsubscribe function (for an
 * effect's cleanup), which also drops a call still waiting. */
export function onChangesSettled(port: WorkbookPort, handler: () => void, ms = SETTLE_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const off = port.onChanged(() => {
    clearTimeout(timer);
    timer = setTimeout(handler, ms);
  });
  return () => {
    off();
    clearTimeout(timer);
  };
}
