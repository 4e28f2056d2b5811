import { Combobox, Field, makeStyles, Option } from '@fluentui/react-components';
import { useState } from 'react';

const useStyles = makeStyles({
  // Fluent's combobox asks for 250 px by default: in a 350 px pane it takes the row and no more
  combobox: { width: '100%', minWidth: 0, boxSizing: 'border-box' },
  listbox: { maxWidth: 'calc(100vw - 24px)' },
  option: { overflowWrap: 'anywhere' },
});

export interface PickerOption {
  value: string;
  text: string;
}

/**
 * A combobox the reader types into to narrow a long list (说明's items, the roster's institutions): the
 * caller keeps what was typed and filters the options; this opens the list on any input and says when
 * nothing matches, or how many more there are than it shows.
 */
export function SearchPicker({
  label,
  placeholder,
  className,
  query,
  onQueryChange,
  options,
  selected,
  onSelect,
  empty,
  more,
  testId,
}: {
  label: string;
  placeholder: string;
  className?: string;
  query: string;
  onQueryChange: (query: string) => void;
  options: readonly PickerOption[];
  selected: string | undefined;
  onSelect: (option: PickerOption) => void;
  /** shown when no option matches */
  empty: string;
  /** shown after the options when some were left out */
  more?: string;
  testId: string;
}) {
  const styles = useStyles();
  // opened by any input, not only by keys: Chinese typed through an IME (or pasted) sends no key presses
  const [open, setOpen] = useState(false);
  return (
    <Field label={label} className={className}>
      <Combobox
        className={styles.combobox}
        listbox={{ className: styles.listbox }}
        freeform
        placeholder={placeholder}
        value={query}
        selectedOptions={selected ? [selected] : []}
        open={open}
        onOpenChange={(_, data) => setOpen(data.open)}
        onChange={(event) => {
          onQueryChange(event.target.value);
          setOpen(true);
        }}
        onOptionSelect={(_, data) => {
          if (!data.optionValue) return;
          onSelect({ value: data.optionValue, text: data.optionText ?? '' });
        }}
        data-testid={testId}
      >
        {options.length === 0 ? (
          <Option disabled value="" text="">
            {empty}
          </Option>
        ) : (
          options.map((option) => (
            <Option key={option.value} value={option.value} text={option.text} className={styles.option}>
              {option.text}
            </Option>
          ))
        )}
        {more !== undefined && (
          <Option disabled value="" text="">
            {more}
          </Option>
        )}
      </Combobox>
    </Field>
  );
}
