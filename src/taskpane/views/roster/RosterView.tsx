import { Body1, Button, Caption1, Field, makeStyles, MessageBar, MessageBarBody, Select, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { getPolicy } from '../../../core';
import { bulletin } from '../../../core/roster/publish';
import type { MemoryWorkbook } from '../../../sheet/memory/memoryWorkbook';
import type { WorkbookPort } from '../../../sheet/port';
import type { Locale, Translate } from '../../i18n';
import { computeRoster, expandInstitution } from '../../roster/compute';
import { rosterSheetChoices } from '../../roster/sheetChoices';
import { onChangesSettled } from '../../settled';
import type { Progress } from '../../work/jobs';
import { TablePolicyFields, usePickerStyles } from '../TablePolicyFields';
import type { RosterChoices } from './rosterChoices';
import { CollectButton } from './CollectButton';
import { DemoPaste } from './DemoPaste';
import { InstitutionJump } from './InstitutionJump';
import { JobProgress } from './JobProgress';
import { RosterProblems } from './RosterProblems';
import { RosterReadings } from './RosterReadings';
import { RosterSummary } from './RosterSummary';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  help: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  button: { alignSelf: 'stretch' },
});

/**
 * 汇总: the roster as the clerk keeps it on a worksheet (pasted, typed or opened from CSV), scored with
 * its peers: 计算 writes the roster workbook's sheets, lists the problems by cell, shows the summary and
 * its charts, finds any institution and expands it to its full assessment sheet.
 */
export default function RosterView({
  port,
  t,
  locale,
  choices,
  demo,
  selection,
}: {
  port: WorkbookPort;
  t: Translate;
  locale: Locale;
  choices: RosterChoices;
  demo?: MemoryWorkbook;
  /** the selected cell, shown in the demo (there is no grid to see it in) */
  selection?: { sheetName: string; address: string } | null;
}) {
  const styles = useStyles();
  const pickerStyles = usePickerStyles();
  const { picked, sheetName, setSheetName, intervals, setIntervals, run, setRun, stale, markStale } = choices;
  const [sheets, setSheets] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  // 计算 runs in a worker: the pane stays responsive and shows how far it has got
  const [progress, setProgress] = useState<Progress>({ stage: 'read', done: 0, total: 0 });
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);

  // the sheets a roster may be on, read again after any change (a new sheet, a paste)
  const readSheets = useCallback(async () => {
    const found = await rosterSheetChoices(port);
    setSheets(found.sheets);
    setSheetName((current) => (found.sheets.includes(current) ? current : found.preferred));
  }, [port, setSheetName]);
  useEffect(() => {
    const read = () => void readSheets().catch(() => undefined);
    read();
    return onChangesSettled(port, read);
  }, [port, readSheets]);

  async function compute() {
    if (!sheetName || picked.convertError) return;
    setBusy(true);
    setProgress({ stage: 'read', done: 0, total: 0 });
    setMessage(null);
    try {
      const next = await computeRoster(
        port,
        {
          sheetName,
          rubric: picked.rubric,
          ...(picked.policyId && { policy: getPolicy(picked.policyId) }),
          convert: picked.converts && picked.convert,
          intervals,
        },
        run?.written ?? [],
        setProgress,
      );
      setRun(next);
      const done = t('computed', { count: next.result.institutions.length, sheets: next.written.join('、') });
      setMessage({ intent: 'success', text: next.expandedUpdated > 0 ? `${done}；${t('computedExpanded', { count: next.expandedUpdated })}` : done });
    } catch (error) {
      setMessage({ intent: 'error', text: t('error', { message: error instanceof Error ? error.message : String(error) }) });
    } finally {
      setBusy(false);
    }
  }

  const histogram = run?.histogram ?? null;
  return (
    <section className={styles.view} aria-label={t('tabRoster')}>
      <Body1 className={styles.help}>{t('rosterHelp')}</Body1>
      <Field label={t('rosterSheet')} validationMessage={sheets.length === 0 ? t('rosterNoSheet') : undefined}>
        <Select
          className={pickerStyles.select}
          select={{ className: pickerStyles.selectInner }}
          value={sheetName}
          onChange={(_, data) => setSheetName(data.value)}
          data-testid="roster-sheet"
        >
          {sheets.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      </Field>
      {demo && (
        <DemoPaste
          book={demo}
          sheetName={sheetName}
          t={t}
          onPasted={() => {
            setMessage(null);
            markStale();
          }}
        />
      )}
      <TablePolicyFields picked={picked} rubrics={picked.rubrics} t={t} />
      <Field label={t('peerIntervals')}>
        <Select
          className={pickerStyles.select}
          select={{ className: pickerStyles.selectInner }}
          value={intervals}
          onChange={(_, data) => setIntervals(data.value === 'equal-count' ? 'equal-count' : 'equal-width')}
        >
          <option value="equal-width">{t('peerEqualWidth')}</option>
          <option value="equal-count">{t('peerEqualCount')}</option>
        </Select>
      </Field>
      <CollectButton port={port} sheetName={sheetName} rubric={picked.rubric} t={t} onAdded={markStale} />
      <Button
        className={styles.button}
        appearance="primary"
        disabled={busy || !sheetName || Boolean(picked.convertError)}
        onClick={() => void compute()}
      >
        {busy ? t('computing') : t('compute')}
      </Button>
      {busy && <JobProgress progress={progress} t={t} testId="roster-progress" />}
      {message && (
        <MessageBar intent={message.intent} layout="multiline" data-testid="roster-message">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {demo && selection && (
        <Caption1 className={styles.help} data-testid="roster-selection">
          {t('selectedCell', { address: `${selection.sheetName}!${selection.address}` })}
        </Caption1>
      )}
      {run && stale && (
        <MessageBar intent="warning" data-testid="roster-stale">
          <MessageBarBody>{t('rosterStale')}</MessageBarBody>
        </MessageBar>
      )}
      {run && histogram && (
        <>
          {/* what needs looking at first, then the figures and the charts */}
          <RosterProblems run={run} port={port} t={t} locale={locale} />
          <Body1 data-testid="roster-bulletin">{t('rosterBulletin', { text: bulletin(run.result) })}</Body1>
          <RosterSummary
            summary={run.result.summary}
            {...(run.result.rules && { rules: run.result.rules })}
            histogram={histogram.bars}
            binWidth={histogram.width}
            t={t}
          />
          <RosterReadings result={run.result} t={t} />
          <InstitutionJump run={run} port={port} t={t} locale={locale} onExpand={(index) => expandInstitution(port, run, index, locale)} />
        </>
      )}
    </section>
  );
}
