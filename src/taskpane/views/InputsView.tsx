import {
  Badge,
  Body1,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { blankMeaningOf, D, type InputSpec, inputIndex } from '../../core';
import type { AuditFlag, AuditFlagKind } from '../../sheet/audit';
import type { WorkbookPort } from '../../sheet/port';
import type { PlainValue } from '../../sheet/types';
import { flagBody } from '../flagText';
import type { Locale, Translate } from '../i18n';
import type { SheetState } from '../useSheet';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  // the running total stays in sight while the form scrolls
  running: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'baseline',
    backgroundColor: tokens.colorNeutralBackground1,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
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
  flag: { overflowWrap: 'anywhere' },
});

type Fact = { id: string; address: string; value: unknown };

/** What an item shows as it is entered: a veto, deductions beyond its points, a fact that is not valid. */
const SHOWN_AT_ITEM: readonly AuditFlagKind[] = ['veto', 'overCap', 'invalidInput'];

/**
 * 填报: the sheet's own input cells, grouped by item as the official table groups them, each with the
 * control its kind asks for (是/否, a count, a percent, an option) and what a blank counts as (不填视为未发现
 * / 不填视为未达到 / 不填按最后一档计 …). The sheet stays the record: every change is written into the
 * sheet's cell (in Excel as in the pane's own workbook), and the form is read back from the sheet when it
 * changes, so an edit in either shows in the other. Above the items, the running total, grade and refund;
 * under an item, a veto, deductions beyond its points or a fact that is not valid, as soon as it is entered.
 */
export function InputsView({
  port,
  state,
  t,
  locale,
  onWritten,
}: {
  port: WorkbookPort;
  state: SheetState;
  t: Translate;
  locale: Locale;
  /** reads the sheet again once a value is written (Excel may not tell the pane of its own writes) */
  onWritten: () => void;
}) {
  const styles = useStyles();
  const [failed, setFailed] = useState<string | null>(null);
  if (state.status !== 'ready') return <Caption1>{t('noSheet')}</Caption1>;
  const { rubric, summary, flags } = state.audit;
  const { byId } = inputIndex(rubric);
  const labels = new Map(state.audit.plan.inputs.map((i) => [i.id, i.label]));
  const blankOf = (id: string) => {
    const means = blankMeaningOf(rubric, id);
    return means && (locale === 'en-US' ? means.en : means.zh);
  };
  const text = (flag: AuditFlag) => flagBody(flag.kind, locale === 'en-US' ? flag.messageEn : flag.message);
  const set = (fact: Fact, spec: InputSpec | undefined) => (typed: string) => {
    setFailed(null);
    port
      .writeCells(state.sheetName, [{ address: fact.address, rows: [[cellValue(spec, typed)]] }])
      .then(onWritten)
      .catch((error: unknown) =>
        setFailed(t('inputsWriteFailed', { address: fact.address, message: error instanceof Error ? error.message : String(error) })),
      );
  };
  return (
    <section className={styles.view} aria-label={t('inputs')}>
      <div className={styles.running} data-testid="inputs-running" role="status" aria-live="polite">
        <Subtitle2>{t('summary', { total: summary.total, max: summary.max })}</Subtitle2>
        {summary.grade && (
          <Body1 data-testid="inputs-grade">{t('grade', { grade: locale === 'en-US' ? (summary.gradeEn ?? summary.grade) : summary.grade })}</Body1>
        )}
        {summary.refund && <Body1>{t('refund', { refund: summary.refund })}</Body1>}
        {summary.veto && (
          <Badge appearance="filled" color="danger">
            {t('kind_veto')}
          </Badge>
        )}
      </div>
      {failed && (
        <MessageBar intent="error" data-testid="inputs-failed">
          <MessageBarBody>{failed}</MessageBarBody>
        </MessageBar>
      )}
      <Caption1>{t('inputsHelp')}</Caption1>
      {rubric.items.map((item) => {
        const facts = state.snapshot.inputs.filter((input) => byId.get(input.id)?.item.no === item.no);
        if (facts.length === 0) return null;
        const heading = `${item.no}${item.code ? ` ${item.code}` : ''} ${item.indicator}`;
        const itemFlags = flags.filter((flag) => flag.itemNo === item.no && SHOWN_AT_ITEM.includes(flag.kind));
        return (
          <fieldset key={item.no} className={styles.item} data-item={item.no}>
            <legend className={styles.heading}>
              <Subtitle2>{heading}</Subtitle2>
            </legend>
            {itemFlags.map((flag, i) => (
              <MessageBar
                key={`${flag.kind}-${i}`}
                intent={flag.kind === 'overCap' ? 'warning' : 'error'}
                data-item-flag={flag.kind}
                className={styles.flag}
                layout="multiline"
              >
                <MessageBarBody>
                  <Badge appearance="filled" color={flag.kind === 'overCap' ? 'warning' : 'danger'} size="small">
                    {t(`kind_${flag.kind}`)}
                  </Badge>{' '}
                  {text(flag)}
                </MessageBarBody>
              </MessageBar>
            ))}
            {facts.map((fact) => {
              const spec = byId.get(fact.id)?.spec;
              const label = `${fact.id} ${labels.get(fact.id) ?? ''}`;
              return (
                <Field key={fact.id} className={styles.field} label={label} hint={<span data-blank={fact.id}>{blankOf(fact.id)}</span>}>
                  {spec && <FactControl spec={spec} id={fact.id} label={label} value={fact.value} onCommit={set(fact, spec)} t={t} />}
                </Field>
              );
            })}
          </fieldset>
        );
      })}
    </section>
  );
}

/**
 * What the pane writes into an input cell for what was typed or chosen, as Excel would store it had the
 * clerk typed it into the cell: 是/否 as text; a count or an option's number as a number; a percent as its
 * fraction (45 → 0.45, in a cell formatted as a percent); a blank clears the cell. Text that is not a
 * number is written as typed, so the sheet's own check names it (输入无效) with what was typed.
 */
export function cellValue(spec: InputSpec | undefined, typed: string): PlainValue | null {
  const text = typed.trim();
  if (text === '') return null;
  if (spec?.type === 'boolean') return text;
  const plain = text.replace(/%$/, '').trim();
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(plain)) return typed;
  const number = D(plain);
  const percent = spec?.type === 'ratio' || spec?.type === 'signedRatio' || text.endsWith('%');
  return (percent ? number.div(100) : number).toNumber();
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
