import { makeStyles, Spinner, Subtitle2, tokens } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { moneyDifference } from '../../../core/roster/money';
import type { RosterRuleOutcome, RosterSummary as Summary } from '../../../core/roster/types';
import type { Translate } from '../../i18n';
import { LoadBoundary } from '../LoadBoundary';
import type { ChartBar } from './RosterCharts';

// the chart library (d3 and Fluent's charts) comes in its own chunk when the summary first shows
const RosterCharts = lazy(() => import(/* webpackChunkName: "charts" */ './RosterCharts'));

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  figures: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    columnGap: tokens.spacingHorizontalM,
    rowGap: '2px',
    margin: 0,
  },
  term: { overflowWrap: 'anywhere' },
  value: { margin: 0, textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
});

const money = (value: { toFixed: (digits: number) => string }) => value.toFixed(2);

/** The roster's summary as the core counted it, then its charts. */
export function RosterSummary({
  summary,
  rules = [],
  histogram,
  binWidth,
  t,
}: {
  summary: Summary;
  /** the policy's 名单规则 as the roster applied them: how many each marked, per group */
  rules?: readonly RosterRuleOutcome[];
  histogram: ChartBar[];
  binWidth: number;
  t: Translate;
}) {
  const styles = useStyles();
  const figures: [string, string, string][] = [
    ['institutions', t('figInstitutions'), String(summary.institutions)],
    ...summary.perGrade.map((g): [string, string, string] => [`grade:${g.label}`, t('figGrade', { grade: g.label }), String(g.count)]),
    ['provisional', t('figProvisional'), String(summary.provisional)],
    ['withheld', t('figWithheld'), String(summary.withheld)],
    ['subordinates', t('figSubordinates'), String(summary.subordinates)],
    ['vetoes', t('figVetoes'), String(summary.vetoes)],
    ['rowsWithProblems', t('figRowsWithProblems'), String(summary.rowsWithProblems)],
    ['depositTotal', t('figDeposit'), money(summary.depositTotal)],
    ['refundPaid', t('figRefundPaid'), money(summary.refundPaid)],
    ['refundWithheld', t('figRefundWithheld'), money(summary.refundWithheld)],
    // 合计 = 返还 + 不予返还 + 暂缓 + 下属机构: each line shown, and the check that they add up
    ['deferred.withheld', t('figDeferredWithheld'), money(summary.deferred.withheld)],
    ['deferred.provisional', t('figDeferredProvisional'), money(summary.deferred.provisional)],
    ['deferred.unprescribed', t('figDeferredUnprescribed'), money(summary.deferred.unprescribed)],
    ['deferred.unstated', t('figDeferredUnstated'), money(summary.deferred.unstated)],
    ['deferred.nextYear', t('figDeferredNextYear'), money(summary.deferred.nextYear)],
    ['subordinateDeposits', t('figSubordinateDeposits'), money(summary.subordinateDeposits)],
    ['moneyCheck', t('figMoneyCheck'), money(moneyDifference(summary))],
    // 名单规则: the institutions each rule marked (the 汇总名单 column names them)
    ...rules.map((o): [string, string, string] => [
      `rule:${o.rule}:${o.group}`,
      o.group === '' ? t('figRosterRule', { consequence: o.consequence }) : t('figRosterRuleGroup', { consequence: o.consequence, group: o.group }),
      String(o.marked.length),
    ]),
  ];
  const grades = summary.perGrade.map((g) => ({ label: g.label, count: g.count }));
  return (
    <section className={styles.view} aria-label={t('rosterSummary')} data-testid="roster-summary">
      <Subtitle2 as="h2">{t('rosterSummary')}</Subtitle2>
      <dl className={styles.figures}>
        {figures.map(([key, term, value]) => (
          <div key={key} style={{ display: 'contents' }} data-figure={key}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value} data-value>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <LoadBoundary message={(error) => t('chartFailed', { message: error.message })}>
        <Suspense fallback={<Spinner size="tiny" label={t('chartLoading')} />}>
          <RosterCharts
            grades={grades}
            histogram={histogram}
            gradeTitle={t('gradeChart')}
            histogramTitle={t('histogramChart', { width: binWidth })}
            countLabel={t('chartCount')}
          />
        </Suspense>
      </LoadBoundary>
    </section>
  );
}
