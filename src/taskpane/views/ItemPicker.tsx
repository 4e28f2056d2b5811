import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { Translate } from '../i18n';
import { type Item, matchingItems, nameOf } from '../itemSearch';
import { SearchPicker } from './SearchPicker';

const useStyles = makeStyles({
  field: { marginBottom: tokens.spacingVerticalS },
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
  useEffect(() => setQuery(current ? nameOf(current) : ''), [current]);
  const shown = useMemo(() => matchingItems(items, current && query === nameOf(current) ? '' : query), [items, query, current]);
  return (
    <SearchPicker
      label={t('pickItem')}
      placeholder={t('pickItemPlaceholder')}
      className={styles.field}
      query={query}
      onQueryChange={setQuery}
      options={shown.map((item) => ({ value: item.no, text: nameOf(item) }))}
      selected={selected}
      onSelect={(option) => {
        setQuery(option.text);
        onPick(option.value);
      }}
      empty={t('noMatch')}
      testId="item-picker"
    />
  );
}
