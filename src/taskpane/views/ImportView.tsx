import {
  Body1,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { Problem } from '../../core';
import type { FileStorePort, StoredFile } from '../../sheet/storedFiles/contract';
import { type ImportOutcome, importFileText } from '../../sheet/storedFiles/load';
import type { Locale, Translate } from '../i18n';
import { FilePickButton } from './FilePickButton';
import { ProblemList } from './ProblemList';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, wordBreak: 'break-all' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Reads a chosen file as text in the page: no upload, no network. */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error(file.name));
    reader.readAsText(file, 'utf-8');
  });
}

type Shown = { name: string; outcome: ImportOutcome } | { name: string; error: string };

/**
 * 导入: a region's own table or policy file, checked as `mib check` checks it; every problem is shown
 * with its field, an accepted file is stored in the workbook (MIB_FILES) and registered, and `onImported`
 * lets the other views list it.
 */
export function ImportView({ files, t, locale, onImported }: { files: FileStorePort; t: Translate; locale: Locale; onImported: () => void }) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Shown | null>(null);
  const [stored, setStored] = useState<StoredFile[] | null>(null);
  const text = (p: Problem) => (locale === 'en-US' ? p.messageEn : p.message);
  const refreshStored = useCallback(() => void files.listFiles().then(setStored, () => setStored([])), [files]);
  useEffect(refreshStored, [refreshStored]);

  async function pick(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    setShown(null);
    try {
      const outcome = await importFileText(files, await readText(file), file.name);
      setShown({ name: file.name, outcome });
      if (outcome.status === 'stored') {
        onImported();
        refreshStored();
      }
    } catch (error) {
      setShown({ name: file.name, error: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={styles.view} aria-label={t('tabImport')}>
      <Body1>{t('importHelp')}</Body1>
      <Field label={t('importPick')}>
        <FilePickButton
          label={t('importPickButton')}
          accept=".json,application/json"
          testId="import-file"
          disabled={busy}
          onFiles={(files) => void pick(files[0])}
          t={t}
        />
      </Field>
      {busy && <Spinner size="tiny" label={t('importChecking')} />}
      {shown && 'error' in shown && (
        <MessageBar intent="error" data-testid="import-result">
          <MessageBarBody>{t('error', { message: shown.error })}</MessageBarBody>
        </MessageBar>
      )}
      {shown && 'outcome' in shown && shown.outcome.status === 'rejected' && (
        <MessageBar intent="error" data-testid="import-result" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('importRejected', { name: shown.name, count: shown.outcome.problems.length })}</MessageBarTitle>
            <ProblemList problems={shown.outcome.problems} text={text} t={t} testId="import-problems" />
          </MessageBarBody>
        </MessageBar>
      )}
      {shown && 'outcome' in shown && shown.outcome.status === 'stored' && (
        <MessageBar intent="success" data-testid="import-result" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {t(shown.outcome.file.kind === 'rubric' ? 'importStoredRubric' : 'importStoredPolicy', {
                title: shown.outcome.check.rubric?.title ?? shown.outcome.check.policy?.title ?? '',
                id: shown.outcome.file.id,
              })}
            </MessageBarTitle>
            {shown.outcome.replaced === 'changed' && <div>{t('importReplaced')}</div>}
            {shown.outcome.replaced === 'same' && <div>{t('importSame')}</div>}
            {shown.outcome.check.warnings.length > 0 && (
              <>
                <div>{t('importWarnings')}</div>
                <ProblemList problems={shown.outcome.check.warnings} text={text} t={t} testId="import-warnings" />
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      <Subtitle2>{t('storedFiles')}</Subtitle2>
      {stored === null ? (
        <Spinner size="tiny" />
      ) : stored.length === 0 ? (
        <Caption1 className={styles.muted}>{t('storedNone')}</Caption1>
      ) : (
        <ul className={styles.list} data-testid="stored-files">
          {stored.map((file) => (
            <li key={`${file.kind}:${file.id}`}>
              <Caption1>{`${t(file.kind === 'rubric' ? 'storedKind_rubric' : 'storedKind_policy')} ${file.id}（${file.version}）`}</Caption1>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
