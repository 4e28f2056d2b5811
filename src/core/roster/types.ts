import type { Ownership } from '../scoring/applicability';
import type { Assessment } from '../scoring/assess';
import type { Dec } from '../numbers/decimal';
import type { Problem } from '../messages/errors';
import type { Result } from '../scoring/evaluate';
import type { GradeStatusKind } from '../policy/gradeStatus';
import type { SpecialCase } from '../policy/schema';
import type { Reading } from '../readings/readings';
import type { PreviousYear } from './previous';

/**
 * The agency's roster (issue 14): one row per institution, scored together so that the clauses that
 * depend on the peers (威海 A1–A6, 一级 B3, 江北 23.1) and 吉林 第十一条 can be computed. This file is the
 * contract between the core (scoreRoster), the readers (CSV, .xlsx, collected sheets), the roster sheet
 * plan and the pane.
 */

/** A roster as read from a CSV, a workbook or pasted cells, before any checking: the header row and the
 * data rows as they came. */
export interface RosterTable {
  header: string[];
  /** data rows, each as long as it came (short rows are blanks at the end) */
  rows: unknown[][];
  /** how a message names a data cell: "B7" in a workbook, "第7行第2列" in a CSV (row and column 0-based
   * over `rows` and `header`) */
  cellName(row: number, column: number): string;
  /** the file or sheet, for messages */
  source?: string;
  /** only the first row under the header was read, the others left unread: the header lacks what its reader
   * needs (a roster's 机构编码 and 机构名称, namesInstitutions; last year's 机构编码, comparesYears), so
   * nothing under it could be read, and a file that is no roster is refused at its first rows (the first is
   * read, as it may be the header under a title row). `count` is then 1. */
  unread?: boolean;
}

/** A roster read a row at a time (`mib roster` on a large file): `row` makes a data row's cells as they are
 * asked for, as often as asked (scoreRoster asks twice: once for the institutions and the peer measures,
 * once to score the row), so that no array of all the rows' cells is held. */
export interface RosterRows extends Omit<RosterTable, 'rows'> {
  /** how many data rows */
  count: number;
  /** the cells of data row `index` (0-based, as `rows` of a RosterTable) */
  row(index: number): readonly unknown[];
  /** the same row's cells at `columns` (ascending), each as `row` gives it, the others left out: the first
   * pass over a roster reads the institution and the peer measures, a tenth of a row's cells */
  cells?(index: number, columns: readonly number[]): readonly unknown[];
}

/** Every reading the texts leave open in a peer computation, each named, each with a default in
 * `defaultPeerOptions`; the roster sheet and every trace line say which was used. */
export interface PeerOptions {
  /** "从低到高依次平均划分为三个区间": intervals of equal width over [min, max] or of equal count */
  intervals: 'equal-width' | 'equal-count';
  /** "可剔除部分过高或过低的数据": the share of the peers set aside at each end before dividing (0 = none);
   * a value set aside counts in the first (low) or last (high) interval */
  trim: number;
  /** A1 / A2 "合理设置低位区间": the low band is the lowest `lowBandShare` of the peers */
  lowBandShare: number;
  /** A6 "低位区间占比20%": `fixed` = a 占比 of 20% or less (the one-institution sheet's reading), `peers` =
   * the lowest 20% of the peers */
  a6LowBand: 'fixed' | 'peers';
  /** 一级 B3 "优秀，占比20%": how 20% of 7 peers becomes a count */
  tierRounding: 'round' | 'floor' | 'ceil';
  /** equal measures that straddle a cut (equal-count intervals, tiers, ranks) all go to the `better`
   * (lower-deduction, higher-tier) side, or all to the `worse` */
  ties: 'better' | 'worse';
  /** 威海 A5 "过高的增长率参照第三区间评分" over four intervals: a trimmed high measure is scored in the
   * interval the text names (`printed`, the default) or in the last one (`last`) */
  trimmedHighInterval: 'printed' | 'last';
  /** 威海 A5 "原则上，增长率第一区间最低值不应大于当年医保基金收入增长幅度": the year's fund income growth
   * (0.05 for 5%), an input of the roster; absent, the bound is not applied and said so in the reading */
  fundGrowth?: number;
}

export interface RosterOptions {
  peer?: Partial<PeerOptions>;
  /** grade on the policy's scale after converting (折算), as `mib score --convert` */
  convert?: boolean;
  /** blanks are final: grades are not 暂评 */
  complete?: boolean;
  /** keep each institution's Result and Assessment with its trace lines (the pane's 展开, --json's
   * trace); a 10,000-row run leaves it off */
  trace?: boolean;
  /** last year's roster (`--previous`, previous.ts readPreviousYear): results compared, 较上年 facts computed */
  previous?: PreviousYear;
  /** called as each institution is scored (a progress bar: `mib roster` on a terminal) */
  onRow?: (done: number, total: number) => void;
  /** called with each institution's result in the roster's order, as soon as it and every row above it
   * are scored (a parent under 第十一条 after its subordinates), so that a caller writes the rows as they
   * come; what it returns is kept in the result's `institutions` in the row's place (a copy without what
   * was written already: `mib roster` at 100,000 rows), else the row itself */
  onScored?: (row: RosterRowResult, index: number) => RosterRowResult | void;
  /** under 名单规则, which rank the final scores and so hold every row until all are scored: called with each
   * row as soon as it is scored (and compared with last year's), in the order they are done; what it returns
   * is held in the row's place, marked by the rules and then given to `onScored` (a copy without what was
   * taken already: a 100,000-row roster held whole took over a gigabyte), else the row itself */
  onHeld?: (row: RosterRowResult, index: number) => RosterRowResult | void;
}

/** One institution as its row says, after checking the institution fields (not yet the facts). */
export interface RosterInstitution {
  code: string;
  name: string;
  /** the data row index in the table (0-based), for messages and for writing results back */
  row: number;
  /** 级别/类型: the peer group within the roster (all rows form one group when absent) */
  level?: string;
  ownership?: Ownership;
  deposit?: Dec;
  parentCode?: string;
  downgrade?: number;
  specialCase?: SpecialCase;
  /** 扣减情形: the policy's circumstances that withhold a further share of the deposit (挂牌督办) */
  circumstances?: string[];
  /** 自评得分, where the institution gave one */
  selfScore?: Dec;
  /** 基金收入增长幅度 (威海 A5's bound of the first interval), where the row gives one */
  fundGrowth?: Dec;
  /** the fact cells by input id, raw (a peer clause's column holds the measure, not the band) */
  facts: Record<string, unknown>;
}

/** How one peer clause was computed for one institution. */
export interface PeerReading {
  inputId: string;
  itemNo: string;
  code?: string;
  /** the raw measure in the row (absent when blank or invalid) */
  measure?: Dec;
  /** the peer group's key (its 级别, or "" for the whole roster) */
  group: string;
  /** the value fed to the clause as a one-institution sheet would hold it: the interval number, the
   * excess over the low band, the tier */
  value?: string | number;
  /** one Chinese line: measure, cut points, option, result */
  line: string;
}

/** One peer clause over one peer group: what every member's reading is computed from. */
export interface PeerGroupResult {
  inputId: string;
  itemNo: string;
  code?: string;
  group: string;
  /** which computation: interval, low band, tiers, ranking */
  kind: 'intervals' | 'lowBand' | 'tiers' | 'ranking';
  /** the option readings used, in words ("等宽区间，不剔除") */
  reading: string;
  /** members with a measure */
  count: number;
  /** interval cut points (ascending), the low band's upper limit, or the tier boundaries */
  cutPoints: Dec[];
  /** measures set aside by `trim` at the low and the high end */
  trimmedLow: number;
  trimmedHigh: number;
  /** where the fund-growth bound (威海 A5) set the first interval's lowest value below the lowest measure */
  firstIntervalFrom?: Dec;
  lines: string[];
}

export interface RosterItemScore {
  id: string;
  code?: string;
  score: Dec;
  overCap: Dec;
}

export interface RosterRowResult {
  institution: RosterInstitution;
  /** the final score: a parent's composite under 第十一条, else its own total (converted where asked) */
  total: Dec;
  /** the table's own total, where a composite applies */
  ownTotal?: Dec;
  /** absent for a subordinate under 第十一条, and while a grade is withheld */
  grade?: string;
  /** the grade as shown (暂评 …, 暂不评定 …, the special case) */
  gradeText: string;
  /** final, provisional (暂评) or withheld (暂不评定); absent without a policy and for a subordinate */
  status?: GradeStatusKind;
  refund?: Dec;
  /** the notice's text where it leaves this row's refund unstated (shown as 方案未规定, no amount) */
  refundUnstated?: string;
  vetoItems: string[];
  items: RosterItemScore[];
  peer: PeerReading[];
  overCap: Dec;
  invalid: Problem[];
  missing: string[];
  /** 公立/民营 is blank where the table has clauses for public institutions only: one more fact to fill
   * (unfilledCount), beside the blank inputs in `missing` */
  ownershipMissing?: true;
  /** the table's own total on the table's own scale (795 points for 威海), where the final score is not
   * it: converted (折算) or a composite (第十一条). The self-score is met with this total. */
  tableTotal?: Dec;
  /** self-score minus the table's own total (复核: before 折算 and 第十一条), where a self-score is given */
  selfDifference?: Dec;
  /** where the row's deposit goes in the summary (depositStateOf); absent where no deposit is given */
  depositState?: DepositState;
  /** row-level problems (a bad institution field, a missing parent); each names the cell */
  problems: Problem[];
  /** 名单规则 that marked this row (src/core/roster/rosterRules.ts); absent where none did */
  consequences?: RosterConsequence[];
  /** last year's score and grade (`--previous`, src/core/roster/previous.ts); absent for a newcomer */
  previous?: PreviousResult;
  /** kept when `trace` is asked for */
  result?: Result;
  assessment?: Assessment;
}

/** Where a row's 质量保证金 is counted (src/core/roster/money.ts): 已定 (返还 and 不予返还), one of the
 * reasons it waits (暂缓), or with its parent (下属机构). */
export type DepositState = 'settled' | DeferredState | 'subordinate';
/** 暂缓: 暂不评定, 暂评未确认, 方案未规定, and 第十三条's 下一年度一并返还 */
export type DeferredState = 'withheld' | 'provisional' | 'unprescribed' | 'unstated' | 'nextYear';

export interface RosterSummary {
  institutions: number;
  /** graded institutions per grade label, in the policy's order */
  perGrade: { label: string; count: number }[];
  provisional: number;
  withheld: number;
  subordinates: number;
  vetoes: number;
  /** 合计 = refundPaid + refundWithheld + the deferred + subordinateDeposits, to the fen */
  depositTotal: Dec;
  /** 返还: refunds of the rows whose refund is settled (a final grade, a special case with an amount) */
  refundPaid: Dec;
  /** 不予返还: deposit − refund of those rows */
  refundWithheld: Dec;
  /** 暂缓: deposits whose refund is not decided yet, by why */
  deferred: Record<DeferredState, Dec>;
  /** 下属机构（随上级）: subordinates' deposits, which follow their parent's grade */
  subordinateDeposits: Dec;
  /** rows with any problem */
  rowsWithProblems: number;
}

export interface RosterResult {
  rubricId: string;
  policyId?: string;
  options: PeerOptions;
  institutions: RosterRowResult[];
  groups: PeerGroupResult[];
  summary: RosterSummary;
  /** table-level problems: an unknown column, a duplicate 机构编码, a cycle of parents, a peer group of one */
  problems: Problem[];
  /** the rubric's and policy's readings that applied (口径说明, rosterReadings) */
  readings: Reading[];
  /** each 名单规则 over each group it ranks, where the policy has any */
  rules?: RosterRuleOutcome[];
  /** last year's roster (`--previous`): who is new, who is gone */
  previousYear?: PreviousYearSummary;
}

/** One 名单规则 as it marked one row. */
export interface RosterConsequence {
  /** the rule's position in the policy's `rosterRules` */
  rule: number;
  consequence: string;
  /** the rule's end and amount: "后 5%", "前 3 家" */
  amount: string;
  rank: 'top' | 'bottom';
  /** the place from the rule's end (1 = the lowest score for a bottom rule, the highest for a top rule);
   * equal scores share a place */
  place: number;
  /** institutions ranked in the row's group */
  of: number;
  /** the group ranked: "" for all, else the 级别/类型 */
  group: string;
  /** ranked among grades not yet final (暂评): the mark may still change */
  provisional: boolean;
}

/** One 名单规则 over one group: how many it names, whom it marked, and in words. */
export interface RosterRuleOutcome {
  rule: number;
  rank: 'top' | 'bottom';
  consequence: string;
  text: string;
  group: string;
  /** institutions ranked (a final or provisional grade of their own) */
  ranked: number;
  /** institutions of the group left out of the ranking, by why */
  excluded: { withheld: number; subordinate: number; special: number; ungraded: number };
  /** the count the share or count gives before ties (0: nobody) */
  target: number;
  /** the codes marked, in ranking order */
  marked: string[];
  /** the score at the cut (the last marked row's), where someone was marked */
  cutScore?: Dec;
  provisional: boolean;
  /** the outcome in Chinese, one or two lines */
  lines: string[];
}

/** Last year's score and grade of one institution, and the change. */
export interface PreviousResult {
  total?: Dec;
  grade?: string;
  /** this year's final score minus last year's, where both are known */
  change?: Dec;
  /** how the grade moved in the policy's order (`other`: a grade the policy does not list), where both years have one */
  gradeChange?: 'up' | 'down' | 'same' | 'other';
}

/** What `--previous` brought: the file, whether its results were scored here, newcomers and leavers. */
export interface PreviousYearSummary {
  source: string;
  /** institutions in last year's roster */
  institutions: number;
  /** last year's results were not in the file and were scored under this year's table and policy */
  scored: boolean;
  newcomers: { code: string; name: string }[];
  leavers: { code: string; name: string; total?: Dec; grade?: string }[];
  /** what was read from last year for clauses that compare with it, in words */
  lines: string[];
}
