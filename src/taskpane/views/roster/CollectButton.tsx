import { Badge, Body1, Field, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { bundledRubricIds, getRubric, type Rubric, rubricIds } from '../../../core';
import type { CollectLine } from '../../../sheet/collect';
import type { WorkbookPort } from '../../../sheet/port';
import { rowsIntoRoster } from '../../../sheet/roster/addRows';
import { rosterSource } from '../../../sheet/roster/source';
import type { Translate } from '../../i18n';
import { FilePickButton } from '../FilePickButton';
import { type Progress, runCollect } from '../../work/jobs';
import { JobProgress } from './JobProgress';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, listStyleType: 'none', margin: 0, padding: 0 },
  line: { overflowWrap: 'anywhere' },
});

const STATUS_COLOR: Record<CollectLine['status'], 'success' | 'warning' | 'important' | 'danger'> = {
  ok: 'success',
  flagged: 'warning',
  duplicate: 'important',
  refused: 'danger',
};

/**
 * 收集报送表: the assessment sheets institutions sent back, chosen in the page (several at once), read
 * by the collector's reader in a worker of its own (src/taskpane/work), audited and reported per file as `mib collect` does; the sheets that
 * go in become rows of the roster sheet (an institution already there is written over).
 */
export function CollectButton({
  port,
  sheetName,
  rubric,
  t,
  onAdded,
}: {
  port: WorkbookPort;
  sheetName: string;
  rubric: Rubric;
  t: Translate;
  onAdded: () => void;
}) {
  const styles = useStyles();
  // the files are read in a worker (the reader comes with it): a bar counts them
  const [busy, setBusy] = useState<Progress | null>(null);
  const [lines, setLines] = useState<CollectLine[]>([]);
  const [message, setMessage] = useState<{ intent: 'success' | 'warning' | 'error'; text: string } | null>(null);

  async function collect(files: File[]) {
    if (files.length === 0 || !sheetName) return;
    setBusy({ stage: 'files', done: 0, total: files.length });
    setLines([]);
    setMessage(null);
    try {
      const request = {
        files: await Promise.all(files.map(async (file) => ({ name: file.name, bytes: await file.arrayBuffer() }))),
        rubricId: rubric.id,
        // a region's own tables, registered in the pane: the worker has a registry of its own
        registered: rubricIds.filter((id) => !bundledRubricIds.includes(id)).map(getRubric),
      };
      const collected = await runCollect(request, setBusy);
      setLines(collected.lines);
      if (collected.rows.length === 0) {
        setMessage({ intent: 'warning', text: t('collectNone') });
        return;
      }
      const source = rosterSource(sheetName, await port.readValues(sheetName));
      const { blocks, added, updated } = rowsIntoRoster(rubric, source, collected);
      await port.writeCells(sheetName, blocks);
      onAdded();
      setMessage({ intent: 'success', text: t('collectAdded', { sheet: sheetName, added, updated }) });
    } catch (error) {
      setMessage({ intent: 'error', text: t('error', { message: error instanceof Error ? error.message : String(error) }) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className={styles.view} aria-label={t('collect')}>
      <Field label={t('collectPick')} hint={t('collectHelp')}>
        <FilePickButton
          label={t('collectPickButton')}
          multiple
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          testId="collect-files"
          disabled={busy !== null || !sheetName}
          onFiles={(files) => void collect(files)}
          t={t}
        />
      </Field>
      {busy !== null && <JobProgress progress={busy} t={t} testId="collect-progress" />}
      {message && (
        <MessageBar intent={message.intent} data-testid="collect-message">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {lines.length > 0 && (
        <ul className={styles.list} data-testid="collect-report">
          {lines.map((line, i) => (
            <li key={`${line.source}-${line.sheetName ?? ''}-${i}`} data-status={line.status}>
              <Badge color={STATUS_COLOR[line.status]} appearance="tint" size="small">
                {t(`collectStatus_${line.status}`)}
              </Badge>{' '}
              <Body1 className={styles.line}>{line.message}</Body1>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
