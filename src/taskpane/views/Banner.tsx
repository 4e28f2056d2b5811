import { Button, Link, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Translate } from '../i18n';

const useStyles = makeStyles({
  bar: { minHeight: 'auto', paddingTop: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalXXS },
  body: { minWidth: 0, overflowWrap: 'anywhere' },
  details: { display: 'block', marginTop: tokens.spacingVerticalXXS },
  // a small button is 64 px wide by default: the ✕ needs a fifth of that, the text the rest
  dismiss: { minWidth: 'auto', paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
});

/** A compact banner the reader can close: one line of what matters, the rest behind 详情. */
export function Banner({
  intent,
  testId,
  title,
  body,
  details,
  t,
  onDismiss,
}: {
  intent: 'warning' | 'success' | 'error' | 'info';
  testId: string;
  title?: string;
  body: string;
  details?: string;
  t: Translate;
  onDismiss: () => void;
}) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  return (
    <MessageBar intent={intent} data-testid={testId} layout="multiline" className={styles.bar}>
      <MessageBarBody className={styles.body}>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {body}
        {details && (
          <>
            {' '}
            <Link as="button" onClick={() => setOpen((v) => !v)} aria-expanded={open}>
              {open ? t('hideDetails') : t('details')}
            </Link>
            {open && <span className={styles.details}>{details}</span>}
          </>
        )}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button className={styles.dismiss} appearance="transparent" size="small" aria-label={t('dismiss')} title={t('dismiss')} onClick={onDismiss}>
            ✕
          </Button>
        }
      />
    </MessageBar>
  );
}
