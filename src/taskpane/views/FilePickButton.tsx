import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { Translate } from '../i18n';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, minWidth: 0 },
  chosen: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere', minWidth: 0 },
});

/**
 * A file picker in the pane's own words: a Fluent button that opens a hidden file input, and beside it
 * the chosen files' names (or 未选择文件), never the browser's own "Choose Files / No file chosen". The
 * input keeps the test id, so a test (or a keyboard user through the button) picks files as before.
 */
export function FilePickButton({
  label,
  accept,
  multiple = false,
  disabled = false,
  testId,
  onFiles,
  t,
}: {
  label: string;
  accept: string;
  multiple?: boolean;
  disabled?: boolean;
  testId: string;
  onFiles: (files: File[]) => void;
  t: Translate;
}) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [names, setNames] = useState<string[]>([]);
  return (
    <div className={styles.row}>
      <Button disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </Button>
      <Caption1 className={styles.chosen} data-testid={`${testId}-chosen`}>
        {chosenText(names, t)}
      </Caption1>
      <input
        ref={input}
        hidden
        type="file"
        multiple={multiple}
        accept={accept}
        aria-label={label}
        data-testid={testId}
        disabled={disabled}
        onChange={(event) => {
          const target = event.currentTarget;
          const files = Array.from(target.files ?? []);
          target.value = ''; // the same file may be chosen again after a correction
          setNames(files.map((file) => file.name));
          onFiles(files);
        }}
      />
    </div>
  );
}

/** 未选择文件; 已选择：a.json; 已选择 3 个文件：a.xlsx、b.xlsx、c.xlsx (the first few named). */
export function chosenText(names: readonly string[], t: Translate): string {
  if (names.length === 0) return t('fileNoneChosen');
  if (names.length === 1) return t('fileChosen', { name: names[0]! });
  const shown = names.slice(0, 3).join('、') + (names.length > 3 ? '…' : '');
  return t('filesChosen', { count: names.length, names: shown });
}
