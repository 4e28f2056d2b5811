import { Body1, Button, Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { WorkbookPort } from '../../../sheet/port';
import type { Locale, Translate } from '../../i18n';
import type { RosterRun } from '../../roster/rosterRun';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, listStyleType: 'none', margin: 0, padding: 0 },
  item: {
    justifyContent: 'flex-start',
    textAlign: 'left',
    width: '100%',
    height: 'auto',
    whiteSpace: 'normal',
    overflowWrap: 'anywhere',
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  plain: { overflowWrap: 'anywhere' },
});

/** What to look at in the roster (vetoes, over-cap items, self-score gaps) and its problems, each naming its
 * cell; a click selects that cell on the roster sheet. */
export function RosterProblems({ run, port, t, locale }: { run: RosterRun; port: WorkbookPort; t: Translate; locale: Locale }) {
  const styles = useStyles();
  const { shown, more } = run.problems;
  if (shown.length === 0) return <Body1 data-testid="roster-no-problems">{t('rosterNoProblems')}</Body1>;
  const text = (entry: (typeof shown)[number]) => (locale === 'en-US' ? entry.messageEn : entry.message);
  return (
    <section aria-label={t('rosterProblems', { count: shown.length + more })}>
      <Subtitle2 as="h2">{t('rosterProblems', { count: shown.length + more })}</Subtitle2>
      <ul className={styles.list} data-testid="roster-problems">
        {shown.map((entry) => (
          <li key={entry.key}>
            {entry.address ? (
              <Button
                className={styles.item}
                appearance="subtle"
                data-address={entry.address}
                onClick={() => void port.select(run.source.sheetName, entry.address!).catch(() => undefined)}
              >
                {text(entry)}
              </Button>
            ) : (
              <Body1 className={styles.plain}>{text(entry)}</Body1>
            )}
          </li>
        ))}
      </ul>
      {more > 0 && <Caption1>{t('rosterMoreProblems', { count: more })}</Caption1>}
    </section>
  );
}
