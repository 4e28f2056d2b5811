import { Button, Caption1, Field, Input, makeStyles, MessageBar, MessageBarBody, Select, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { getRubric, hasPublicOnlyClauses, listPolicies, listRubrics, type Ownership } from '../../core';
import { planSheet } from '../../sheet/plan';
import type { WorkbookPort } from '../../sheet/port';
import type { Locale, Translate } from '../i18n';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  provenance: { color: tokens.colorNeutralForeground3 },
});

/** 新建考核表: pick a table (grouped by region, year and kind, its source shown), a policy and the
 * institution, then create the live sheet through the writer. */
export function CreateView({ port, t, locale, onCreated }: { port: WorkbookPort; t: Translate; locale: Locale; onCreated: (name: string) => void }) {
  const styles = useStyles();
  const rubrics = useMemo(() => listRubrics(), []);
  const groups = useMemo(() => {
    const map = new Map<string, typeof rubrics>();
    for (const r of rubrics) map.set(`${r.region} ${r.year}`, [...(map.get(`${r.region} ${r.year}`) ?? []), r]);
    return [...map.entries()];
  }, [rubrics]);
  const policies = useMemo(() => listPolicies(), []);
  const [rubricId, setRubricId] = useState(rubrics[0]?.id ?? '');
  const [policyId, setPolicyId] = useState(policies[0]?.id ?? '');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const rubric = getRubric(rubricId);
  const [year, setYear] = useState(String(rubric.year));
  const [deposit, setDeposit] = useState('');
  const [ownership, setOwnership] = useState<Ownership | ''>('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ intent: 'error'; text: string } | null>(null);

  const depositError = deposit.trim() !== '' && !(Number.isFinite(Number(deposit)) && Number(deposit) >= 0) ? t('depositInvalid') : undefined;
  const yearError = !/^\d{4}$/.test(year.trim()) ? t('yearInvalid') : undefined;

  async function create() {
    if (depositError || yearError) return;
    setBusy(true);
    setMessage(null);
    try {
      const plan = planSheet(rubric, {
        ...(policyId && { policyId }),
        ...(deposit.trim() !== '' && { deposit: Number(deposit) }),
        ...(code.trim() && { institutionCode: code.trim() }),
        ...(name.trim() && { institutionName: name.trim() }),
        year: Number(year),
        ...(ownership && { ownership }),
        withAddinFunctions: port.connected,
        locale,
      });
      // the pane moves on to the new sheet and confirms there
      onCreated(await port.createSheet(plan));
    } catch (error) {
      setMessage({ intent: 'error', text: t('error', { message: error instanceof Error ? error.message : String(error) }) });
    } finally {
      setBusy(false);
    }
  }

  const p = rubric.provenance;
  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        void create();
      }}
    >
      <Field label={t('rubric')} hint={t('items', { count: rubric.items.length, total: rubric.total })}>
        <Select
          value={rubricId}
          onChange={(_, data) => {
            setRubricId(data.value);
            setYear(String(getRubric(data.value).year));
          }}
        >
          {groups.map(([group, list]) => (
            <optgroup key={group} label={group}>
              {list.map((r) => (
                <option key={r.id} value={r.id}>
                  {`${r.title}（${t(r.institution)}）`}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
      </Field>
      <Caption1 className={styles.provenance} data-testid="provenance">
        {`${t('provenance')}：${p.issuer} ${p.documentNumber} ${p.attachment}《${p.title}》`}
      </Caption1>
      <Field label={t('policy')}>
        <Select value={policyId} onChange={(_, data) => setPolicyId(data.value)}>
          <option value="">{t('noPolicy')}</option>
          {policies.map((policy) => (
            <option key={policy.id} value={policy.id}>{`${policy.region}：${policy.title}`}</option>
          ))}
        </Select>
      </Field>
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
        <Select value={ownership} onChange={(_, data) => setOwnership(data.value === 'public' || data.value === 'private' ? data.value : '')} data-testid="ownership">
          <option value="">{t('ownershipUnknown')}</option>
          <option value="public">{t('ownershipPublic')}</option>
          <option value="private">{t('ownershipPrivate')}</option>
        </Select>
      </Field>
      <Field label={t('deposit')} validationMessage={depositError}>
        <Input value={deposit} inputMode="decimal" onChange={(_, data) => setDeposit(data.value)} />
      </Field>
      <Button appearance="primary" type="submit" disabled={busy || Boolean(depositError || yearError)}>
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
