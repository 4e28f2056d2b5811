import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Select, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { DecimalValue, hasPublicOnlyClauses, type Ownership, parsedOrNull } from '../../core';
import { planSheet } from '../../sheet/plan';
import type { WorkbookPort } from '../../sheet/port';
import { storedVersion } from '../../sheet/storedFiles/load';
import type { Locale, Translate } from '../i18n';
import { TablePolicyFields, usePickerStyles, useTablePolicy } from './TablePolicyFields';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
});

/** 新建考核表: pick a table (grouped by region, year and kind, its source shown), a policy and the
 * institution, then create the live sheet through the writer. The bundled tables and policies and a
 * region's own imported ones are listed alike; `catalog` changes when an import adds one. */
export function CreateView({
  port,
  t,
  locale,
  catalog,
  onCreated,
}: {
  port: WorkbookPort;
  t: Translate;
  locale: Locale;
  catalog: number;
  onCreated: (name: string) => void;
}) {
  const styles = useStyles();
  const pickerStyles = usePickerStyles();
  const picked = useTablePolicy(catalog, t);
  const { rubric, rubrics, policyId, converts, convert, convertError } = picked;
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [year, setYear] = useState(String(rubric.year));
  const [deposit, setDeposit] = useState('');
  const [ownership, setOwnership] = useState<Ownership | ''>('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ intent: 'error'; text: string } | null>(null);

  // the deposit is read as the sheet and the functions read it: decimal text, thousands by three
  const depositValue = deposit.trim() === '' ? null : parsedOrNull(DecimalValue, deposit);
  const depositError = deposit.trim() !== '' && !(depositValue !== null && depositValue.gte(0)) ? t('depositInvalid') : undefined;
  const yearError = !/^\d{4}$/.test(year.trim()) ? t('yearInvalid') : undefined;

  async function create() {
    if (depositError || yearError || convertError) return;
    setBusy(true);
    setMessage(null);
    try {
      const plan = planSheet(rubric, {
        ...(policyId && { policyId }),
        ...(depositValue !== null && { deposit: depositValue.toString() }),
        convert: converts && convert,
        ...(code.trim() && { institutionCode: code.trim() }),
        ...(name.trim() && { institutionName: name.trim() }),
        year: Number(year),
        ...(ownership && { ownership }),
        withAddinFunctions: port.connected,
        locale,
        // a region's own table: the version this sheet is made from (考核表已更新 once it changes)
        ...(storedVersion('rubric', rubric.id) !== undefined && { rubricVersion: storedVersion('rubric', rubric.id) }),
      });
      // the pane moves on to the new sheet and confirms there
      onCreated(await port.createSheet(plan));
    } catch (error) {
      setMessage({ intent: 'error', text: t('error', { message: error instanceof Error ? error.message : String(error) }) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        void create();
      }}
    >
      <TablePolicyFields picked={picked} rubrics={rubrics} t={t} onRubricChange={(r) => setYear(String(r.year))} />
      <Field label={t('institutionCode')}>
        <Input value={code} onChange={(_, data) => setCode(data.value)} />
      </Field>
      <Field label={t('institutionName')}>
        <Input value={name} onChange={(_, data) => setName(data.value)} />
      </Field>
      <Field label={t('year')} validationMessage={yearError}>
        <Input value={year} inputMode="numeric" onChange={(_, data) => setYear(data.value)} />
      </Field>
      <Field label={t('ownership')} hint={hasPublicOnlyClauses(rubric) ? t('ownershipHint') : undefined}>
        <Select
          className={pickerStyles.select}
          value={ownership}
          onChange={(_, data) => setOwnership(data.value === 'public' || data.value === 'private' ? data.value : '')}
          data-testid="ownership"
        >
          <option value="">{t('ownershipUnknown')}</option>
          <option value="public">{t('ownershipPublic')}</option>
          <option value="private">{t('ownershipPrivate')}</option>
        </Select>
      </Field>
      <Field label={t('deposit')} validationMessage={depositError}>
        <Input value={deposit} inputMode="decimal" onChange={(_, data) => setDeposit(data.value)} />
      </Field>
      <Button appearance="primary" type="submit" disabled={busy || Boolean(depositError || yearError || convertError)}>
        {busy ? t('creating') : t('create')}
      </Button>
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}
