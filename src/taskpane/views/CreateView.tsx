import { Button, Caption1, Checkbox, Field, Input, makeStyles, MessageBar, MessageBarBody, Select, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import {
  DecimalValue,
  getRubric,
  hasPublicOnlyClauses,
  listPolicies,
  listRubrics,
  type Ownership,
  parsedOrNull,
  type Policy,
  type Rubric,
  rubricLabels,
  scaleFits,
} from '../../core';
import { planSheet } from '../../sheet/plan';
import type { WorkbookPort } from '../../sheet/port';
import { storedVersion } from '../../sheet/storedFiles/load';
import type { Locale, Translate } from '../i18n';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  provenance: { color: tokens.colorNeutralForeground3 },
  // a native select is as wide as its longest option unless told otherwise: keep it to the pane
  select: { width: '100%', minWidth: 0, maxWidth: '100%' },
  selectInner: { minWidth: 0, textOverflow: 'ellipsis' },
});

/** The policies for a table: its own region's first, then those on its scale, then the rest (which
 * need 折算). */
function policiesFor(rubric: Rubric, policies: Policy[]): { policy: Policy; converts: boolean }[] {
  const rank = (p: Policy) => (p.region === rubric.region ? 0 : 2) + (scaleFits(rubric, p) ? 0 : 1);
  return policies.map((policy) => ({ policy, converts: !scaleFits(rubric, policy) })).sort((a, b) => rank(a.policy) - rank(b.policy));
}

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
  const rubrics = useMemo(() => listRubrics(), [catalog]); // eslint-disable-line react-hooks/exhaustive-deps
  // region, level, year and kind: two tables never read alike (the full title is the field's hint)
  const labels = useMemo(() => rubricLabels(rubrics, { hospital: t('kindShort_hospital'), pharmacy: t('kindShort_pharmacy') }), [rubrics, t]);
  const policies = useMemo(() => listPolicies(), [catalog]); // eslint-disable-line react-hooks/exhaustive-deps
  const [rubricId, setRubricId] = useState(rubrics[0]?.id ?? '');
  const rubric = getRubric(rubricId);
  const choices = useMemo(() => policiesFor(rubric, policies), [rubric, policies]);
  const [policyId, setPolicyId] = useState(choices.find((c) => !c.converts)?.policy.id ?? '');
  const [convert, setConvert] = useState(false);
  const converts = choices.find((c) => c.policy.id === policyId)?.converts === true;
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
  const convertError =
    converts && !convert
      ? t('convertRequired', { total: rubric.total, points: policies.find((p) => p.id === policyId)?.scale.points ?? 100 })
      : undefined;
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

  const p = rubric.provenance;
  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        void create();
      }}
    >
      <Field label={t('rubric')} hint={`${rubric.title}：${t('items', { count: rubric.items.length, total: rubric.total })}`}>
        <Select
          className={styles.select}
          select={{ className: styles.selectInner }}
          value={rubricId}
          onChange={(_, data) => {
            setRubricId(data.value);
            setYear(String(getRubric(data.value).year));
          }}
        >
          {rubrics.map((r) => (
            <option key={r.id} value={r.id}>
              {labels.get(r.id)}
            </option>
          ))}
        </Select>
      </Field>
      <Caption1 className={styles.provenance} data-testid="provenance">
        {`${t('provenance')}：${p.issuer} ${p.documentNumber} ${p.attachment}《${p.title}》`}
      </Caption1>
      <Field label={t('policy')}>
        <Select className={styles.select} select={{ className: styles.selectInner }} value={policyId} onChange={(_, data) => setPolicyId(data.value)}>
          <option value="">{t('noPolicy')}</option>
          {choices.map(({ policy, converts: needs }) => (
            <option key={policy.id} value={policy.id}>
              {`${policy.region}：${policy.title}${needs ? t('needsConversion', { points: policy.scale.points }) : ''}`}
            </option>
          ))}
        </Select>
      </Field>
      {converts && (
        <Field validationMessage={convertError}>
          <Checkbox
            checked={convert}
            onChange={(_, data) => setConvert(data.checked === true)}
            label={t('convert', { total: rubric.total, points: policies.find((p) => p.id === policyId)?.scale.points ?? 100 })}
          />
        </Field>
      )}
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
          className={styles.select}
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
