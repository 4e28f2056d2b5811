import type { Assessment } from '../scoring/assess';
import { type Dec, sum, ZERO } from '../numbers/decimal';
import type { DeferredState, DepositState, RosterRowResult } from './types';

/**
 * Where one row's 质量保证金 goes in the roster's money (issue 19): every deposit is in exactly one place,
 * so that 合计 = 返还 + 不予返还 + 暂缓 + 下属机构.
 * - `subordinate`: 吉林 第十一条's subordinate, graded through its parent (随上级);
 * - a special case by what the policy says of it: an amount (settled), 第十三条's "下一年度一并返还"
 *   (nextYear), or nothing (unprescribed, 宁德's 准入不满一年);
 * - `withheld` while a fact is invalid (暂不评定: no grade, no refund);
 * - `provisional` while facts are missing (暂评: the refund shown is not yet confirmed, so not paid);
 * - `settled`: a final grade and its refund (返还 and 不予返还 = deposit − refund);
 * - `unprescribed`: no refund the policy decides (no policy, no refund rule, a score beyond its scale);
 * - `unstated`: a final grade in a band whose refund the notice leaves unstated (灌南 below 70).
 * Absent where the row gives no deposit.
 */
export function depositStateOf(deposit: Dec | undefined, subordinate: boolean, assessment: Assessment | undefined): DepositState | undefined {
  if (deposit === undefined) return undefined;
  if (subordinate) return 'subordinate';
  if (!assessment) return 'unprescribed';
  if (assessment.special) {
    const refund = assessment.special.refund;
    return refund?.amount ? 'settled' : refund?.deferred ? 'nextYear' : 'unprescribed';
  }
  if (assessment.status.kind === 'withheld') return 'withheld';
  if (assessment.status.kind === 'provisional') return 'provisional';
  if (assessment.unstatedRefund) return 'unstated';
  return assessment.refund ? 'settled' : 'unprescribed';
}

/** The reasons a deposit waits (暂缓), in the order every summary lists them. */
export const DEFERRED_STATES: readonly DeferredState[] = ['withheld', 'provisional', 'unprescribed', 'unstated', 'nextYear'];

/** Each state in one word, as the roster sheet's 保证金去向 column holds it and the summary's SUMIFS
 * match it (exact words: no wildcard, no comparison sign). */
export const DEPOSIT_STATE_WORDS: Record<DepositState, string> = {
  settled: '已定',
  withheld: '暂不评定',
  provisional: '暂评未确认',
  unprescribed: '方案未规定',
  unstated: '分数段未规定',
  nextYear: '下一年度返还',
  subordinate: '随上级',
};

/** The money of a roster, split so that the lines add up to the deposits' total. */
export interface RosterMoney {
  depositTotal: Dec;
  /** 返还: the refunds of the settled rows */
  refundPaid: Dec;
  /** 不予返还: deposit − refund of the settled rows */
  refundWithheld: Dec;
  /** 暂缓: deposits whose refund is not decided yet, by why */
  deferred: Record<DeferredState, Dec>;
  /** 下属机构（随上级）: the subordinates' deposits, which follow their parent's grade */
  subordinateDeposits: Dec;
}

export function rosterMoney(rows: readonly RosterRowResult[]): RosterMoney {
  const byState = (state: DepositState) => rows.filter((r) => r.depositState === state);
  const deposits = (state: DepositState) => sum(byState(state).map((r) => r.institution.deposit!));
  const settled = byState('settled');
  const paid = sum(settled.map((r) => r.refund ?? ZERO));
  return {
    depositTotal: sum(rows.map((r) => r.institution.deposit ?? ZERO)),
    refundPaid: paid,
    refundWithheld: sum(settled.map((r) => r.institution.deposit!)).minus(paid),
    deferred: {
      withheld: deposits('withheld'),
      provisional: deposits('provisional'),
      unprescribed: deposits('unprescribed'),
      unstated: deposits('unstated'),
      nextYear: deposits('nextYear'),
    },
    subordinateDeposits: deposits('subordinate'),
  };
}

/** One line of a roster's money: `deferred.withheld` for 暂缓's 暂不评定, and so on. */
export type MoneyKey = 'depositTotal' | 'refundPaid' | 'refundWithheld' | `deferred.${DeferredState}` | 'subordinateDeposits';

/** The lines in the order every summary lists them (text, JSON, 汇总统计, the pane): 合计 first, then the
 * parts that add up to it. */
export const MONEY_KEYS: readonly MoneyKey[] = [
  'depositTotal',
  'refundPaid',
  'refundWithheld',
  ...DEFERRED_STATES.map((state) => `deferred.${state}` as const),
  'subordinateDeposits',
];

/** Each line in the clerk's words, as `mib roster` and 汇总统计 print it. */
export const MONEY_LABELS: Record<MoneyKey, string> = {
  depositTotal: '质量保证金合计',
  refundPaid: '返还',
  refundWithheld: '不予返还',
  'deferred.withheld': '暂缓：暂不评定（有无效填报）',
  'deferred.provisional': '暂缓：暂评未确认（尚有未填）',
  'deferred.unprescribed': '暂缓：方案未规定',
  'deferred.unstated': '暂缓：方案未规定该分数段的返还',
  'deferred.nextYear': '暂缓：纳入下一年度考核后返还',
  subordinateDeposits: '下属机构（随上级）',
};

export function moneyAmount(money: RosterMoney, key: MoneyKey): Dec {
  if (key.startsWith('deferred.')) return money.deferred[key.slice('deferred.'.length) as DeferredState];
  return money[key as 'depositTotal' | 'refundPaid' | 'refundWithheld' | 'subordinateDeposits'];
}

/** 合计 − (返还 + 不予返还 + 暂缓 + 下属机构): zero when every deposit is in one line. */
export function moneyDifference(money: RosterMoney): Dec {
  return MONEY_KEYS.slice(1).reduce((left, key) => left.minus(moneyAmount(money, key)), money.depositTotal);
}
