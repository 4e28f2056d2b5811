import { Button, Caption1, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { fmt } from '../../../core';
import type { WorkbookPort } from '../../../sheet/port';
import type { Locale, Translate } from '../../i18n';
import { matchingInstitutions } from '../../roster/institutionSearch';
import type { RosterRun } from '../../roster/rosterRun';
import { SearchPicker } from '../SearchPicker';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  button: { alignSelf: 'flex-start' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * Any institution by code or name: choosing one selects its row on 汇总名单; 展开 then makes its full
 * assessment sheet (see expandPlan for how the two stay in step).
 */
export function InstitutionJump({
  run,
  port,
  t,
  onExpand,
}: {
  run: RosterRun;
  port: WorkbookPort;
  t: Translate;
  locale: Locale;
  onExpand: (index: number) => Promise<string>;
}) {
  const styles = useStyles();
  const institutions = useMemo(() => run.result.institutions.map((row) => row.institution), [run]);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string; detail?: string } | null>(null);
  const nameOf = (index: number) => `${institutions[index]!.code} ${institutions[index]!.name}`;
  const { shown, more } = useMemo(
    () => matchingInstitutions(institutions, chosen !== null && query === nameOf(chosen) ? '' : query),
    [institutions, query, chosen], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const row = chosen === null ? undefined : run.result.institutions[chosen];

  async function expand(index: number) {
    setBusy(true);
    setMessage(null);
    try {
      const name = await onExpand(index);
      setMessage({ intent: 'success', text: t('expanded', { name }), detail: t('expandedHow') });
    } catch (error) {
      setMessage({ intent: 'error', text: t('error', { message: error instanceof Error ? error.message : String(error) }) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={styles.view} aria-label={t('pickInstitution')}>
      <SearchPicker
        label={t('pickInstitution')}
        placeholder={t('pickInstitutionPlaceholder')}
        query={query}
        onQueryChange={setQuery}
        options={shown.map((listed) => ({ value: String(listed.index), text: `${listed.code} ${listed.name}` }))}
        selected={chosen === null ? undefined : String(chosen)}
        onSelect={(option) => {
          const index = Number(option.value);
          setChosen(index);
          setQuery(nameOf(index));
          setMessage(null);
          void port.select(run.rosterSheet, run.rosterRow(index)).catch(() => undefined);
        }}
        empty={t('noInstitution')}
        more={more > 0 ? t('moreInstitutions', { count: more }) : undefined}
        testId="institution-picker"
      />
      {row && <Caption1 data-testid="institution-result">{t('institutionResult', { total: fmt(row.total), grade: row.gradeText })}</Caption1>}
      {chosen !== null && (
        <Button className={styles.button} disabled={busy} onClick={() => void expand(chosen)}>
          {busy ? t('expanding') : t('expand')}
        </Button>
      )}
      {message && (
        <MessageBar intent={message.intent} layout="multiline" data-testid="expand-message">
          <MessageBarBody>
            {message.text}
            {message.detail && <div className={styles.muted}>{message.detail}</div>}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
