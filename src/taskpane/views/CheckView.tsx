import {
  Badge,
  Body1,
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { UNSTATED } from '../../core';
import type { AuditFlag, AuditFlagKind } from '../../sheet/audit';
import { auditOrder } from '../../sheet/audit';
import type { WorkbookPort } from '../../sheet/port';
import { flagBody } from '../flagText';
import type { Locale, Translate } from '../i18n';
import type { SheetState } from '../useSheet';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  summary: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, listStyleType: 'none', margin: 0, padding: 0 },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, listStyleType: 'none', margin: 0, padding: 0 },
  flag: {
    justifyContent: 'flex-start',
    textAlign: 'left',
    width: '100%',
    height: 'auto',
    whiteSpace: 'normal',
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  flagText: { display: 'flex', flexDirection: 'column', gap: '2px', alignItems: 'flex-start', minWidth: 0, overflowWrap: 'anywhere' },
  // a veto decides the grade: it stands out from the other flags
  veto: { backgroundColor: tokens.colorPaletteRedBackground2, borderLeft: `3px solid ${tokens.colorPaletteRedBorder2}` },
  fail: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** 不合格 (and its English) in a grade line: shown in red. */
const failing = (grade: string | undefined) => grade !== undefined && grade.includes('不合格');

const COLORS: Record<AuditFlagKind, 'danger' | 'warning' | 'important' | 'informative' | 'subtle'> = {
  rubricChanged: 'danger',
  veto: 'danger',
  overCap: 'warning',
  clauseCap: 'subtle',
  invalidInput: 'danger',
  missingInput: 'informative',
  formulaChanged: 'important',
  valueOverFormula: 'important',
  selfScoreDiffers: 'warning',
};

/** 检查: the summary line, then every flag (vetoes first); a flag selects its cell when clicked. */
export function CheckView({ port, state, t, locale }: { port: WorkbookPort; state: SheetState; t: Translate; locale: Locale }) {
  const styles = useStyles();
  const [showMissing, setShowMissing] = useState(false);
  if (state.status === 'loading') return <Spinner size="tiny" label={t('reading')} />;
  if (state.status === 'none') return <Body1>{t('noSheet')}</Body1>;
  if (state.status === 'error')
    return (
      <MessageBar intent="error">
        <MessageBarBody>{t('error', { message: state.message })}</MessageBarBody>
      </MessageBar>
    );
  const { audit, sheetName } = state;
  const { summary } = audit;
  const text = (flag: AuditFlag) => (locale === 'en-US' ? flag.messageEn : flag.message);
  const shown = audit.flags.filter((f) => f.kind !== 'missingInput' || showMissing);
  const missing = summary.counts.missingInput;
  return (
    <section className={styles.view} aria-label={t('countsLabel')}>
      <div className={styles.summary} data-testid="summary">
        <Subtitle2>{t('summary', { total: summary.total, max: summary.max })}</Subtitle2>
        {summary.conversion && <Body1 data-testid="conversion">{summary.conversion}</Body1>}
        {summary.grade && (
          <Body1 data-testid="grade" data-fail={failing(summary.grade) || undefined} className={failing(summary.grade) ? styles.fail : undefined}>
            {t('grade', { grade: locale === 'en-US' ? (summary.gradeEn ?? summary.grade) : summary.grade })}
          </Body1>
        )}
        {summary.refund && <Body1>{summary.refund === UNSTATED ? t('refundUnstated') : t('refund', { refund: summary.refund })}</Body1>}
        {summary.unstated && <Body1 data-testid="unstated">{t('unstated', { reason: summary.unstated })}</Body1>}
      </div>
      <ul className={styles.counts} data-testid="counts">
        {auditOrder
          .filter((kind) => summary.counts[kind] > 0)
          .map((kind) => (
            <li key={kind}>
              <Badge appearance="tint" color={COLORS[kind]} data-kind={kind}>
                {`${t(`kind_${kind}`)} ${summary.counts[kind]}`}
              </Badge>
            </li>
          ))}
      </ul>
      {audit.flags.length === 0 ? (
        <Body1>{t('noFlags')}</Body1>
      ) : (
        <>
          <Caption1 id="flags-label">{t('flagsLabel')}</Caption1>
          <ul className={styles.list} aria-labelledby="flags-label" data-testid="flags">
            {shown.map((flag, i) => (
              <li key={`${flag.kind}-${flag.address}-${i}`}>
                <Button
                  className={mergeClasses(styles.flag, flag.kind === 'veto' && styles.veto)}
                  appearance="subtle"
                  data-kind={flag.kind}
                  data-address={flag.address}
                  onClick={() => void port.select(sheetName, flag.address)}
                >
                  <span className={styles.flagText}>
                    <Badge appearance="filled" color={COLORS[flag.kind]} size="small">
                      {t(`kind_${flag.kind}`)}
                    </Badge>
                    <span>{flagBody(flag.kind, text(flag))}</span>
                  </span>
                </Button>
              </li>
            ))}
          </ul>
          {missing > 0 && (
            <Button appearance="secondary" onClick={() => setShowMissing((v) => !v)} aria-expanded={showMissing}>
              {showMissing ? t('hideMissing') : t('showMissing', { count: missing })}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
