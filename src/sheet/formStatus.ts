import type { GradeStatus } from '../core';
import { type SheetLocale, sheetLabels } from './labels';

/**
 * What the form's 等次 and 退还保证金 cells show for an assessment's status: while facts are blank (and the
 * reviewer has not marked the form complete) no verdict, but 待填报 and the count of blanks, where `mib
 * score` and MIB.GRADE say 暂评 and the grade; otherwise what they say. The formulas of planResults build
 * the same words; this is the same rule for any reader that compares a form with them.
 */
export function formGrade(status: GradeStatus, gradeText: string, locale: SheetLocale = 'zh-CN'): string {
  const t = sheetLabels[locale];
  return status.kind === 'provisional' ? `${t.pendingOpen}${status.missing}${t.pendingClose}` : gradeText;
}

export function formRefund<T>(status: GradeStatus, refund: T, locale: SheetLocale = 'zh-CN'): T | string {
  return status.kind === 'provisional' ? sheetLabels[locale].pending : refund;
}
