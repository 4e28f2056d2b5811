import { Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { readingLine } from '../../../core/readings/readings';
import type { RosterResult } from '../../../core/roster/types';
import type { Translate } from '../../i18n';

const useStyles = makeStyles({
  summary: { cursor: 'pointer' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, paddingLeft: tokens.spacingHorizontalL },
  item: { overflowWrap: 'anywhere' },
});

/** The rubric's and policy's readings that applied to the roster (rosterReadings), as the 口径说明 sheet
 * lists them; folded, since a table may carry thirty of them. */
export function RosterReadings({ result, t }: { result: RosterResult; t: Translate }) {
  const styles = useStyles();
  if (result.readings.length === 0) return null;
  return (
    <details data-testid="roster-readings">
      <summary className={styles.summary}>
        <Subtitle2 as="span">{t('rosterReadings', { count: result.readings.length })}</Subtitle2>
      </summary>
      <ul className={styles.list}>
        {result.readings.map((reading, k) => (
          <li key={k}>
            <Caption1 className={styles.item}>{readingLine(reading)}</Caption1>
          </li>
        ))}
      </ul>
    </details>
  );
}
