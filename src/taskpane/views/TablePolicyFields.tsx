import { Caption1, Checkbox, Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { bonusMaxOf, getRubric, listPolicies, listRubrics, type Policy, provenanceText, type Rubric, rubricLabels, scaleFits } from '../../core';
import type { Translate } from '../i18n';

export const usePickerStyles = makeStyles({
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

/** The numbers of the bonus-only message: the table's bonus, the policy's, and the top the policy grades. */
function bonusWords(rubric: Rubric, policy: Policy): { tableBonus: string; bonus: number; top: number } {
  return { tableBonus: bonusMaxOf(rubric).toString(), bonus: policy.scale.bonus, top: policy.scale.points + policy.scale.bonus };
}

/** The table, policy and 折算 a sheet or a roster is made with: 新建考核表 and 汇总 choose them alike. */
export interface TablePolicy {
  rubric: Rubric;
  rubricId: string;
  setRubricId: (id: string) => void;
  policies: Policy[];
  choices: { policy: Policy; converts: boolean }[];
  policyId: string;
  setPolicyId: (id: string) => void;
  /** the chosen policy grades on another scale than the table's */
  converts: boolean;
  convert: boolean;
  setConvert: (convert: boolean) => void;
  /** set while a conversion is needed and not yet asked for */
  convertError?: string;
}

/** The bundled tables and policies and a region's own imported ones alike; `catalog` changes when an
 * import adds one. The first policy on the table's own scale is chosen at first. */
export function useTablePolicy(catalog: number, t: Translate): TablePolicy & { rubrics: Rubric[] } {
  const rubrics = useMemo(() => listRubrics(), [catalog]); // eslint-disable-line react-hooks/exhaustive-deps
  const policies = useMemo(() => listPolicies(), [catalog]); // eslint-disable-line react-hooks/exhaustive-deps
  const [rubricId, setRubricId] = useState(rubrics[0]?.id ?? '');
  const rubric = getRubric(rubricId);
  const choices = useMemo(() => policiesFor(rubric, policies), [rubric, policies]);
  const [policyId, setPolicyId] = useState(choices.find((c) => !c.converts)?.policy.id ?? '');
  const [convert, setConvert] = useState(false);
  const converts = choices.find((c) => c.policy.id === policyId)?.converts === true;
  const chosen = policies.find((p) => p.id === policyId);
  // the same total and only more bonus than the policy allows: nothing to convert, the choice is to grade as is
  const bonusOnly = chosen !== undefined && rubric.total === chosen.scale.points;
  const convertError =
    converts && !convert
      ? bonusOnly
        ? t('gradeAsIsRequired', bonusWords(rubric, chosen))
        : t('convertRequired', { total: rubric.total, points: chosen?.scale.points ?? 100 })
      : undefined;
  return {
    rubrics,
    rubric,
    rubricId,
    setRubricId,
    policies,
    choices,
    policyId,
    setPolicyId,
    converts,
    convert,
    setConvert,
    ...(convertError !== undefined && { convertError }),
  };
}

/** 考核表 (grouped by region, year and kind, its source shown), 政策 and, where the scales differ, 折算. */
export function TablePolicyFields({
  picked,
  rubrics,
  t,
  onRubricChange,
}: {
  picked: TablePolicy;
  rubrics: Rubric[];
  t: Translate;
  onRubricChange?: (rubric: Rubric) => void;
}) {
  const styles = usePickerStyles();
  const { rubric, rubricId, policyId, choices, policies, converts, convert, convertError } = picked;
  // region, level, year and kind: two tables never read alike (the full title is the field's hint)
  const labels = useMemo(() => rubricLabels(rubrics, { hospital: t('kindShort_hospital'), pharmacy: t('kindShort_pharmacy') }), [rubrics, t]);
  const policy = policies.find((p) => p.id === policyId);
  const points = policy?.scale.points ?? 100;
  const p = rubric.provenance;
  return (
    <>
      <Field label={t('rubric')} hint={`${rubric.title}：${t('items', { count: rubric.items.length, total: rubric.total })}`}>
        <Select
          className={styles.select}
          select={{ className: styles.selectInner }}
          value={rubricId}
          onChange={(_, data) => {
            picked.setRubricId(data.value);
            onRubricChange?.(getRubric(data.value));
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
        {`${t('provenance')}：${provenanceText(p)}`}
      </Caption1>
      <Field label={t('policy')}>
        <Select
          className={styles.select}
          select={{ className: styles.selectInner }}
          value={policyId}
          onChange={(_, data) => picked.setPolicyId(data.value)}
        >
          <option value="">{t('noPolicy')}</option>
          {choices.map(({ policy, converts: needs }) => (
            <option key={policy.id} value={policy.id}>
              {`${policy.region}：${policy.title}${
                !needs
                  ? ''
                  : rubric.total === policy.scale.points
                    ? t('needsBonusChoice', { bonus: policy.scale.bonus })
                    : t('needsConversion', { points: policy.scale.points })
              }`}
            </option>
          ))}
        </Select>
      </Field>
      {converts && (
        <Field validationMessage={convertError}>
          <Checkbox
            checked={convert}
            onChange={(_, data) => picked.setConvert(data.checked === true)}
            label={
              policy && rubric.total === policy.scale.points
                ? t('gradeAsIs', bonusWords(rubric, policy))
                : t('convert', { total: rubric.total, points })
            }
          />
        </Field>
      )}
    </>
  );
}
