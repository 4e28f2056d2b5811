import { Button, Field, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { isCodeHeader } from '../../../core/roster/institutions';
import type { MemoryWorkbook } from '../../../sheet/memory/memoryWorkbook';
import type { Translate } from '../../i18n';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  area: { width: '100%', minWidth: 0 },
  button: { alignSelf: 'flex-start' },
});

/** Outside Excel there is no grid to type a roster into: a paste box stands in for it (as 填报 does for
 * an assessment sheet), putting the cells from A1 of the chosen sheet as Excel would paste them. */
export function DemoPaste({
  book,
  sheetName,
  t,
  onPasted,
}: {
  book: MemoryWorkbook;
  sheetName: string;
  t: Translate;
  onPasted: (rows: number) => void;
}) {
  const styles = useStyles();
  const [text, setText] = useState('');
  return (
    <div className={styles.box}>
      <Field label={t('demoPaste')} hint={t('demoPasteHint')}>
        <Textarea
          className={styles.area}
          resize="vertical"
          rows={4}
          value={text}
          onChange={(_, data) => setText(data.value)}
          data-testid="demo-paste"
        />
      </Field>
      <Button
        className={styles.button}
        disabled={text.trim() === '' || sheetName === ''}
        onClick={() => {
          // the code columns keep their text ("03720"), as a column formatted as text does in Excel
          onPasted(book.paste(sheetName, 'A1', text, isCodeHeader));
          setText('');
        }}
      >
        {t('demoPasteButton')}
      </Button>
    </div>
  );
}
