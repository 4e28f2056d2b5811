import { makeStyles, tokens } from '@fluentui/react-components';
import type { Problem } from '../../core';
import type { Translate } from '../i18n';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, wordBreak: 'break-word' },
});

/** zod's messages already begin with their path ("total：过小…"): the field is shown once. */
function withoutField(field: string, message: string): string {
  for (const colon of ['：', ': ']) if (message.startsWith(`${field}${colon}`)) return message.slice(field.length + colon.length);
  return message;
}

/** A file's problems, each with its field (items.1.points: …), as `mib check` lists them. */
export function ProblemList({ problems, text, t, testId }: { problems: Problem[]; text: (p: Problem) => string; t: Translate; testId: string }) {
  const styles = useStyles();
  return (
    <ul className={styles.list} data-testid={testId}>
      {problems.map((p, i) => (
        <li key={`${p.field}-${i}`} data-field={p.field}>
          {t('problem', { field: p.field, message: withoutField(p.field, text(p)) })}
        </li>
      ))}
    </ul>
  );
}
