// Loaded on demand (React.lazy in RosterSummary): the chart library stays out of taskpane.js and the
// pane's first render; webpack puts it in a chunk of its own, fetched from the add-in's origin.
import { makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { ResponsiveContainer, VerticalBarChart, type VerticalBarChartDataPoint } from '@fluentui/react-charts';

const useStyles = makeStyles({
  chart: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0, width: '100%', overflow: 'hidden' },
});

// the bars' colours as SVG attributes take them (a CSS variable does not work there): Fluent's brand
// blue and teal
const GRADE_COLOR = '#0F6CBD';
const HISTOGRAM_COLOR = '#038387';

export interface ChartBar {
  label: string;
  count: number;
}

/** One bar chart, as wide as the pane. */
function Bars({ title, bars, color, testId, countLabel }: { title: string; bars: ChartBar[]; color: string; testId: string; countLabel: string }) {
  const styles = useStyles();
  const data: VerticalBarChartDataPoint[] = bars.map((bar) => ({
    x: bar.label,
    y: bar.count,
    legend: bar.label,
    color,
    xAxisCalloutData: bar.label,
    yAxisCalloutData: `${countLabel} ${bar.count}`,
  }));
  return (
    <figure className={styles.chart} data-testid={testId} aria-label={title} style={{ margin: 0 }}>
      <Subtitle2 as="h3">{title}</Subtitle2>
      <ResponsiveContainer height={200}>
        <VerticalBarChart data={data} hideLegend chartTitle={title} yAxisTickCount={4} wrapXAxisLables barWidth="auto" maxBarWidth={36} />
      </ResponsiveContainer>
    </figure>
  );
}

/** The grade distribution and the score histogram of a scored roster. */
export default function RosterCharts({
  grades,
  histogram,
  gradeTitle,
  histogramTitle,
  countLabel,
}: {
  grades: ChartBar[];
  histogram: ChartBar[];
  gradeTitle: string;
  histogramTitle: string;
  countLabel: string;
}) {
  return (
    <>
      {grades.length > 0 && <Bars title={gradeTitle} bars={grades} color={GRADE_COLOR} testId="grade-chart" countLabel={countLabel} />}
      {histogram.length > 0 && (
        <Bars title={histogramTitle} bars={histogram} color={HISTOGRAM_COLOR} testId="histogram-chart" countLabel={countLabel} />
      )}
    </>
  );
}
