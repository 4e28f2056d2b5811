import { Combobox, Field, makeStyles, Option, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { Translate } from '../i18n';
import { type Item, matchingItems, nameOf } from '../itemSearch';

const useStyles = makeStyles({
  field: { marginBottom: tokens.spacingVerticalS },
  // Fluent's combobox asks for 250 px by default: in a 350 px pane it takes the row and no more
  combobox: { width: '100%', minWidth: 0, boxSizing: 'border-box' },
  listbox: { maxWidth: 'calc(100vw - 24px)' },
  option: { overflowWrap: 'anywhere' },
});

/** 说明's item picker: a combobox over every item, filtered as the reviewer types 序号, code or name. */
export function ItemPicker({
  items,
  selected,
  onPick,
  t,
}: {
  items: readonly Item[];
  selected: string | undefined;
  onPick: (no: string) => void;
  t: Translate;
}) {
  const styles = useStyles();
  const current = items.find((i) => i.no === selected);
  const [query, setQuery] = useState(current ? nameOf(current) : '');
  // opened by any input, not only by keys: Chinese typed through an IME (or pasted) sends no key presses
  const [open, setOpen] = useState(false);
  useEffect(() => setQuery(current ? nameOf(current) : ''), [current]);
  const shown = useMemo(() => matchingItems(items, current && query === nameOf(current) ? '' : query), [items, query, current]);
  return (
    <Field label={t('pickItem')} className={styles.field}>
      <Combobox
        className={styles.combobox}
        listbox={{ className: styles.listbox }}
        freeform
        placeholder={t('pickItemPlaceholder')}
        value={query}
        selectedOptions={selected ? [selected] : []}
        open={open}
        onOpenChange={(_, data) => setOpen(data.open)}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
        }}
        onOptionSelect={(_, data) => {
          if (!data.optionValue) return;
          setQuery(data.optionText ?? '');
          onPick(data.optionValue);
        }}
        data-testid="item-picker"
      >
        {shown.length === 0 ? (
          <Option disabled value="" text="">
            {t('noMatch')}
          </Option>
        ) : (
          shown.map((item) => (
            <Option key={item.no} value={item.no} text={nameOf(item)} className={styles.option}>
              {nameOf(item)}
            </Option>
          ))
        )}
      </Combobox>
    </Field>
  );
}
