import { Button, Caption1, Combobox, Field, makeStyles, MessageBar, MessageBarBody, Option, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { fmt } from '../../../core';
import type { WorkbookPort } from '../../../sheet/port';
import type { Locale, Translate } from '../../i18n';
import { matchingInstitutions } from '../../roster/institutionSearch';
import type { RosterRun } from '../../roster/rosterRun';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  // Fluent's combobox asks for 250 px by default: in a 350 px pane it takes the row and no more
  combobox: { width: '100%', minWidth: 0, boxSizing: 'border-box' },
  listbox: { maxWidth: 'calc(100vw - 24px)' },
  option: { overflowWrap: 'anywhere' },
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
  const [open, setOpen] = useState(false);
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
      <Field label={t('pickInstitution')}>
        <Combobox
          className={styles.combobox}
          listbox={{ className: styles.listbox }}
          freeform
          placeholder={t('pickInstitutionPlaceholder')}
          value={query}
          selectedOptions={chosen === null ? [] : [String(chosen)]}
          open={open}
          onOpenChange={(_, data) => setOpen(data.open)}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpen(true);
          }}
          onOptionSelect={(_, data) => {
            if (!data.optionValue) return;
            const index = Number(data.optionValue);
            setChosen(index);
            setQuery(nameOf(index));
            setMessage(null);
            void port.select(run.rosterSheet, run.rosterRow(index)).catch(() => undefined);
          }}
          data-testid="institution-picker"
        >
          {shown.length === 0 ? (
            <Option disabled value="" text="">
              {t('noInstitution')}
            </Option>
          ) : (
            shown.map((listed) => (
              <Option key={listed.index} value={String(listed.index)} text={`${listed.code} ${listed.name}`} className={styles.option}>
                {`${listed.code} ${listed.name}`}
              </Option>
            ))
          )}
          {more > 0 && (
            <Option disabled value="" text="">
              {t('moreInstitutions', { count: more })}
            </Option>
          )}
        </Combobox>
      </Field>
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
