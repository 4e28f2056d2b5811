import type { Rule } from '../rules';
import type { Rubric } from '../files/schema';

/** Who owns the institution: a fact of the institution (公立 / 民营), not an input of any item. */
export type Ownership = 'public' | 'private';

export const ownershipLabels: Record<Ownership, string> = { public: '公立', private: '民营' };

/** The sheet's list and the command line's words for ownership, read back to the core's value. */
const OWNERSHIP_WORDS: Record<string, Ownership> = {
  公立: 'public',
  public: 'public',
  民营: 'private',
  非公立: 'private',
  private: 'private',
};

/** 公立 / 民营 (or public / private) as an Ownership; blank is unknown (undefined); anything else null. */
export function parseOwnership(value: unknown): Ownership | undefined | null {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '') return undefined;
  return OWNERSHIP_WORDS[text.toLowerCase()] ?? OWNERSHIP_WORDS[text] ?? null;
}

/** How many facts are left to fill: the blank inputs, and a blank 公立/民营 where the table has clauses for
 * public institutions only (ownershipMissing). The one count behind 暂评's "尚有 N 项未填", a roster's 未填项数
 * and its findings, and what a subordinate's blanks weigh on its parent (第十一条). */
export function unfilledCount(of: { readonly missing: readonly unknown[]; readonly ownershipMissing?: boolean }): number {
  return of.missing.length + (of.ownershipMissing ? 1 : 0);
}

export interface EvaluateOptions {
  /** 公立 / 民营; unknown keeps the public-only clauses and lists the ownership as a missing fact */
  ownership?: Ownership;
  /** false: no trace lines (ItemResult.trace and ClauseResult.lines empty), every figure the same; for
   * scoring many institutions at once, where the words cost more than the scoring. Default true. */
  trace?: boolean;
}

/** Why a clause gives nothing although its facts may say otherwise: a public-only clause of a private
 * institution does not apply; an unpriced clause under `unpricedClauses: record` is recorded only. */
export type ClauseSkip = { reason: 'notApplicable' | 'recordOnly'; line: string };

/** Whether a clause counts for this institution under this rubric's options, and if not, the trace
 * line that says why. One answer for the core's evaluate and the sheet's clause formulas. */
export function clauseSkip(rubric: Rubric, rule: Rule, ownership: Ownership | undefined): ClauseSkip | null {
  if (rule.appliesTo && isPublicOnly(rule) && ownership === 'private') {
    return { reason: 'notApplicable', line: `本条只适用于公立医疗机构（原文：“${rule.appliesTo.text}”）；本机构为民营，本条不适用，不计扣分` };
  }
  if (isRecordOnly(rubric, rule)) {
    return { reason: 'recordOnly', line: '原文本条未写分值：只记录、不扣分（经办机构决定计分的，在考核表文件中写明后按说明计分）' };
  }
  return null;
}

/** The clause applies to public institutions only (江北 19, 威海 C13.4 / 一级 C6.4). */
export function isPublicOnly(rule: Rule): boolean {
  return rule.appliesTo?.ownership === 'public';
}

/** The table prints no points for the clause and the rubric chooses to record it only. */
export function isRecordOnly(rubric: Rubric, rule: Rule): boolean {
  return rule.unpriced === true && rubric.unpricedClauses === 'record';
}

/** The rule as this rubric's options read it: a threshold whose bound the 指标释义 puts differently takes
 * that bound under `boundaryReading: definition`. The core and the sheet's formulas both score this. */
export function effectiveRule<R extends Rule>(rubric: Rubric, rule: R): R {
  if (rule.kind === 'threshold' && rule.otherReading && rubric.boundaryReading === 'definition') {
    return { ...rule, when: { ...rule.when, op: rule.otherReading.op } };
  }
  return rule;
}

/** Whether the rubric has a clause that only public institutions are scored on. */
export function hasPublicOnlyClauses(rubric: Rubric): boolean {
  return rubric.items.some((item) => item.rules.some(isPublicOnly));
}
