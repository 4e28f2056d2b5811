import { Body1, Button, Field, makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle2, Textarea, tokens } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import { excelSelfTestHost } from '../../excel/selfTest/excelHost';
import { ADDIN_VERSION, memorySelfTestHost, reportText, runSelfTest, statusCounts, type SelfTestReport } from '../../excel/selfTest';
import { selfTestTranslator } from '../../excel/selfTest/text';
import type { MemoryWorkbook } from '../../sheet/memory/memoryWorkbook';
import type { WorkbookPort } from '../../sheet/port';
import type { FileStorePort } from '../../sheet/storedFiles/contract';
import type { Locale, Translate } from '../i18n';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  report: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, minHeight: '16em' },
});

/**
 * 自检, reached from the 更多 menu (not a tab: it is for the agency's IT on deployment, not for the clerk).
 * Runs the self-test (src/excel/selfTest) on this workbook — Excel, or the in-memory workbook outside it —
 * and shows the report as text to copy, with a 复制 button.
 */
export default function SelfTestView({
  port,
  files,
  demo,
  locale,
  t,
  onBack,
}: {
  port: WorkbookPort;
  files: FileStorePort;
  demo?: MemoryWorkbook;
  locale: Locale;
  t: Translate;
  onBack: () => void;
}) {
  const styles = useStyles();
  const steps = useMemo(() => selfTestTranslator(locale), [locale]);
  const [running, setRunning] = useState<{ count: number; step: string } | null>(null);
  const [report, setReport] = useState<SelfTestReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const text = report ? reportText(report, locale) : '';
  const counts = report ? statusCounts(report) : null;

  async function run() {
    setReport(null);
    setError(null);
    setCopied(null);
    setRunning({ count: 0, step: '' });
    try {
      const host = demo ? memorySelfTestHost(demo, files) : excelSelfTestHost(port, files);
      let count = 0;
      const done = await runSelfTest(host, {
        locale,
        addinVersion: ADDIN_VERSION,
        onStep: (step) => setRunning({ count: ++count, step: `${steps(`step_${step.step}`)}${step.subject ? ` (${step.subject})` : ''}` }),
      });
      setReport(done);
    } catch (failure) {
      setError(t('error', { message: failure instanceof Error ? failure.message : String(failure) }));
    } finally {
      setRunning(null);
    }
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      // the clipboard may be refused in an add-in's frame: select the text for Ctrl+C instead
      area.current?.select();
      setCopied(document.execCommand?.('copy') ? 'yes' : 'failed');
    }
  }

  return (
    <section className={styles.view} data-testid="self-test">
      <Subtitle2 as="h2">{t('selfTestTitle')}</Subtitle2>
      <Body1>{t('selfTestHelp')}</Body1>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={running !== null} onClick={() => void run()}>
          {t('selfTestRun')}
        </Button>
        <Button onClick={onBack}>{t('selfTestBack')}</Button>
      </div>
      {running && <Spinner size="tiny" label={t('selfTestRunning', { count: running.count, step: running.step })} data-testid="self-test-running" />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {report && counts && (
        <>
          <MessageBar intent={counts.failed > 0 ? 'error' : 'success'} data-testid="self-test-result" data-failed={counts.failed}>
            <MessageBarBody>{counts.failed > 0 ? t('selfTestFailed', counts) : t('selfTestPassed', counts)}</MessageBarBody>
          </MessageBar>
          <Field label={t('selfTestReport')}>
            <Textarea ref={area} className={styles.report} value={text} readOnly resize="vertical" data-testid="self-test-report" />
          </Field>
          <div className={styles.actions}>
            <Button onClick={() => void copy()} data-testid="self-test-copy">
              {t('selfTestCopy')}
            </Button>
            {copied && <Body1 role="status">{t(copied === 'yes' ? 'selfTestCopied' : 'selfTestCopyFailed')}</Body1>}
          </div>
        </>
      )}
    </section>
  );
}
