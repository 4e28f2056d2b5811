import { Caption1, Field, Input, makeStyles, Radio, RadioGroup, Select, Subtitle2, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { blankMeaningOf, D, type InputSpec, inputIndex } from '../../core';
import type { MemoryWorkbook } from '../../sheet/memory/memoryWorkbook';
import type { Locale, Translate } from '../i18n';
import type { SheetState } from '../useSheet';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    border: 'none',
    minWidth: 0,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  heading: { overflowWrap: 'anywhere', padding: 0 },
  field: { minWidth: 0, overflowWrap: 'anywhere' },
  number: { width: '9em', maxWidth: '100%' },
  select: { width: '100%', minWidth: 0 },
  radios: { flexWrap: 'wrap' },
});

type Fact = { id: string; address: string; value: unknown };

/** Demo mode only: the sheet's input cells, grouped by item as the official table groups them, each with
 * the control its kind asks for (是/否, a count, a percent, an option) and what a blank counts as
 * (不填视为未发现 / 不填视为未达到 / 不填按最后一档计 …). Every change is typed into the sheet's cell. */
export function InputsView({ book, state, t, locale }: { book: MemoryWorkbook; state: SheetState; t: Translate; locale: Locale }) {
  const styles = useStyles();
  if (state.status !== 'ready') return <Caption1>{t('noSheet')}</Caption1>;
  const { rubric } = state.audit;
  const { byId } = inputIndex(rubric);
  const labels = new Map(state.audit.plan.inputs.map((i) => [i.id, i.label]));
  const blankOf = (id: string) => {
    const means = blankMeaningOf(rubric, id);
    return means && (locale === 'en-US' ? means.en : means.zh);
  };
  const set = (fact: Fact) => (text: string) => book.setCell(state.sheetName, fact.address, text);
  return (
    <section className={styles.view} aria-label={t('inputs')}>
      <Caption1>{t('inputsHelp')}</Caption1>
      {rubric.items.map((item) => {
        const facts = state.snapshot.inputs.filter((input) => byId.get(input.id)?.item.no === item.no);
        if (facts.length === 0) return null;
        const heading = `${item.no}${item.code ? ` ${item.code}` : ''} ${item.indicator}`;
        return (
          <fieldset key={item.no} className={styles.item} data-item={item.no}>
            <legend className={styles.heading}>
              <Subtitle2>{heading}</Subtitle2>
            </legend>
            {facts.map((fact) => {
              const spec = byId.get(fact.id)?.spec;
              const label = `${fact.id} ${labels.get(fact.id) ?? ''}`;
              return (
                <Field key={fact.id} className={styles.field} label={label} hint={<span data-blank={fact.id}>{blankOf(fact.id)}</span>}>
                  {spec && <FactControl spec={spec} id={fact.id} label={label} value={fact.value} onCommit={set(fact)} t={t} />}
                </Field>
              );
            })}
          </fieldset>
        );
      })}
    </section>
  );
}

/** The cell's value as the control shows it: 是/否 for yes/no, 45 for a ratio of 45%. */
function shown(spec: InputSpec, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (spec.type === 'boolean')
    return value === true || value === '是' || value === 1 ? '是' : value === false || value === '否' || value === 0 ? '否' : String(value);
  if ((spec.type === 'ratio' || spec.type === 'signedRatio') && typeof value === 'number') return D(String(value)).times(100).toString();
  if ((spec.type === 'ratio' || spec.type === 'signedRatio') && typeof value === 'string') return value.replace(/%$/, '');
  return String(value);
}

/** One fact's control, committing as typing into Excel does: at once for a choice, on Enter or when focus
 * leaves for a number. */
function FactControl({
  spec,
  id,
  label,
  value,
  onCommit,
  t,
}: {
  spec: InputSpec;
  id: string;
  label: string;
  value: unknown;
  onCommit: (text: string) => void;
  t: Translate;
}) {
  const styles = useStyles();
  const current = shown(spec, value);
  const [text, setText] = useState(current);
  useEffect(() => setText(current), [current]);
  // a choice is shown at once and written to the cell; the sheet is read again a moment later
  const choose = (next: string) => {
    setText(next);
    onCommit(next);
  };
  if (spec.type === 'boolean')
    return (
      <RadioGroup
        layout="horizontal"
        className={styles.radios}
        aria-label={label}
        data-fact={id}
        value={text}
        onChange={(_, data) => choose(data.value)}
      >
        <Radio value="是" label={t('yes')} />
        <Radio value="否" label={t('no')} />
        <Radio value="" label={t('unset')} />
      </RadioGroup>
    );
  if ((spec.type === 'band' || spec.type === 'choice') && spec.options)
    return (
      <Select className={styles.select} aria-label={label} data-fact={id} value={text} onChange={(_, data) => choose(data.value)}>
        <option value="">{t('unset')}</option>
        {spec.options.map((option, i) => (
          <option key={option} value={String(i + 1)}>
            {option}
          </option>
        ))}
      </Select>
    );
  const percent = spec.type === 'ratio' || spec.type === 'signedRatio';
  const whole = spec.type === 'count' || spec.type === 'rank';
  const commit = () => {
    if (text !== current) onCommit(percent && text.trim() !== '' ? `${text.trim()}%` : text);
  };
  return (
    <Input
      className={styles.number}
      size="small"
      type="number"
      aria-label={label}
      data-fact={id}
      {...(whole && { min: spec.type === 'rank' ? 1 : 0, step: 1 })}
      {...(spec.max !== undefined && { max: spec.max })}
      {...(percent && { contentAfter: '%', title: t('percentHint'), min: spec.type === 'ratio' ? 0 : -100, max: 100 })}
      value={text}
      onChange={(_, data) => setText(data.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
    />
  );
}
