import { Caption1, Input, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { blankMeaningOf } from '../../core';
import type { MemoryWorkbook } from '../../sheet/memory/memoryWorkbook';
import type { Locale, Translate } from '../i18n';
import type { SheetState } from '../useSheet';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  id: { width: '3.5em' },
  value: { width: '6.5em' },
  input: { width: '100%', minWidth: 0 },
  blank: { display: 'block', color: tokens.colorNeutralForeground3 },
});

/** Demo mode only: the sheet's input cells as a table a person (or a test) can type into, each fact with
 * what a blank counts as (不填视为未发现 / 不填视为未达到 / 不填按最后一档计 …). */
export function InputsView({ book, state, t, locale }: { book: MemoryWorkbook; state: SheetState; t: Translate; locale: Locale }) {
  const styles = useStyles();
  if (state.status !== 'ready') return <Caption1>{t('noSheet')}</Caption1>;
  const labels = new Map(state.audit.plan.inputs.map((i) => [i.id, i.label]));
  const blankOf = (id: string) => {
    const means = blankMeaningOf(state.audit.rubric, id);
    return means && (locale === 'en-US' ? means.en : means.zh);
  };
  return (
    <section className={styles.view}>
      <Caption1>{t('inputsHelp')}</Caption1>
      <Table size="extra-small" aria-label={t('inputs')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.id}>{t('inputId')}</TableHeaderCell>
            <TableHeaderCell>{t('inputLabel')}</TableHeaderCell>
            <TableHeaderCell className={styles.value}>{t('inputValue')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {state.snapshot.inputs.map((input) => (
            <TableRow key={input.id}>
              <TableCell className={styles.id}>{input.id}</TableCell>
              <TableCell>
                {labels.get(input.id)}
                <Caption1 className={styles.blank} data-blank={input.id}>
                  {blankOf(input.id)}
                </Caption1>
              </TableCell>
              <TableCell className={styles.value}>
                <FactInput
                  label={`${input.id} ${labels.get(input.id) ?? ''}`}
                  value={input.value}
                  className={styles.input}
                  onCommit={(text) => book.setCell(state.sheetName, input.address, text)}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

/** A cell editor that commits on Enter or when focus leaves, as typing into Excel does. */
function FactInput({ label, value, className, onCommit }: { label: string; value: unknown; className: string; onCommit: (text: string) => void }) {
  const shown = value === null || value === undefined ? '' : String(value);
  const [text, setText] = useState(shown);
  useEffect(() => setText(shown), [shown]);
  const commit = () => {
    if (text !== shown) onCommit(text);
  };
  return (
    <Input
      className={className}
      size="small"
      aria-label={label}
      data-fact={label.split(' ')[0]}
      value={text}
      onChange={(_, data) => setText(data.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
    />
  );
}
