import { pct } from '../../core/numbers/decimal';
import { peerOptionWords } from '../../core/roster/peer/options';
import type { PeerGroupResult, RosterResult } from '../../core/roster/types';
import type { Rubric } from '../../core/files/schema';
import type { GridPlan, PlanCell } from '../types';
import type { RosterSheet } from './rosterSheet';
import { rosterGridPlan } from './gridPlan';
import { clauseLabel, PEER_KIND_WORDS, PEER_SHEET, ROSTER_SHEET } from './words';

const FIXED_HEADERS = ['条款', '序号', '考核指标', '同级分组', '计算', '口径', '机构数', '剔除（低端）', '剔除（高端）'];

/**
 * Whether a formula can say a group's cut points: equal-width intervals with nothing trimmed are
 * MIN + (MAX − MIN) × k / n over the group's measures. Equal-count intervals, trimming, low bands and
 * tiers depend on the sorted measures: their cut points are the core's values.
 */
function formulaSaysIt(group: PeerGroupResult, result: RosterResult): boolean {
  return (
    group.kind === 'intervals' &&
    result.options.intervals === 'equal-width' &&
    group.trimmedLow === 0 &&
    group.trimmedHigh === 0 &&
    group.firstIntervalFrom === undefined
  );
}

/**
 * 同级分组: one row per peer clause and group, with the option readings in words, the count, the cut
 * points and the lines of the core's computation; a column says for each row whether its cut points are
 * formulas over 汇总名单's measures or values the core computed.
 */
export function planPeerGroupsSheet(result: RosterResult, rubric: Rubric, roster: RosterSheet): GridPlan {
  const cutCount = Math.max(1, ...result.groups.map((group) => group.cutPoints.length));
  const headers = [...FIXED_HEADERS, ...Array.from({ length: cutCount }, (_, k) => `分界点${k + 1}`), '分界点来源', '说明'];
  const indicator = new Map(rubric.items.map((item) => [item.no, item.indicator]));
  const hasLevels = roster.columns.some((column) => column.key === 'level');
  const firstRow = 5;

  const rows = result.groups.map((group, g): (PlanCell | null)[] => {
    const row = firstRow + g;
    const measures = roster.range(`measure:${group.inputId}`);
    const grouped = group.group !== '' && hasLevels;
    const bound = (fn: 'MIN' | 'MAX') => (grouped ? `_xlfn.${fn}IFS(${measures},${roster.range('level')},$D${row})` : `${fn}(${measures})`);
    const byFormula = formulaSaysIt(group, result);
    const n = group.cutPoints.length + 1;
    const cuts: (PlanCell | null)[] = Array.from({ length: cutCount }, (_, k) => {
      const value = group.cutPoints[k];
      if (value === undefined) return null;
      if (byFormula) return { formula: `${bound('MIN')}+(${bound('MAX')}-${bound('MIN')})*${k + 1}/${n}`, style: 'number' };
      return { value: value.toNumber(), style: 'number' };
    });
    return [
      { value: clauseLabel(group), style: 'label' },
      { value: group.itemNo, text: true, style: 'label' },
      { value: indicator.get(group.itemNo) ?? '', style: 'label' },
      { value: group.group === '' ? '（全部机构）' : group.group, text: true, style: 'label' },
      { value: PEER_KIND_WORDS[group.kind], style: 'label' },
      { value: group.reading, style: 'label' },
      { value: group.count, style: 'count' },
      { value: group.trimmedLow, style: 'count' },
      { value: group.trimmedHigh, style: 'count' },
      ...cuts,
      {
        value: byFormula
          ? `公式：按“${ROSTER_SHEET}”${clauseLabel(group)} 测量值的最小值、最大值等分`
          : group.kind === 'ranking'
            ? '排名无分界点'
            : '数值：由程序按所列口径算出（排序后取值，公式不便表达）',
        // wrapped, so that the sentence is not cut by the 说明 beside it
        style: 'listText',
      },
      { value: group.lines.join('\n'), style: 'formulaNote' },
    ];
  });

  const options = result.options;
  return rosterGridPlan({
    name: PEER_SHEET,
    grid: [
      [{ value: '同级分组：与同级机构比较计算的条款', style: 'title' }],
      [
        {
          value: `口径：${options.intervals === 'equal-width' ? '等宽区间' : '等量区间'}；两端各剔除 ${pct(options.trim)}；低位区间取最低 ${pct(options.lowBandShare)}；A6 低位区间${options.a6LowBand === 'fixed' ? '按占比 20% 以下' : '按同级最低 20%'}；分档人数${{ round: '四舍五入', floor: '向下取整', ceil: '向上取整' }[options.tierRounding]}；并列${options.ties === 'better' ? '从优' : '从低'}；剔除的过高值${peerOptionWords.trimmedHighInterval[options.trimmedHighInterval]}${options.fundGrowth === undefined ? '' : `；当年医保基金收入增长幅度 ${pct(options.fundGrowth)}`}。`,
          style: 'basis',
        },
      ],
      [],
      headers.map((header) => ({ value: header, style: 'header' })),
      ...rows,
    ],
    columnCount: headers.length,
    columns: headers.map((header, i) => ({
      header,
      width: i === 2 ? 24 : i === 5 ? 20 : i === headers.length - 1 ? 60 : i === headers.length - 2 ? 30 : 10,
    })),
    rowHeights: { 1: 24 },
    freezeRows: 4,
    printTitles: { rows: 4 },
  });
}
