/**
 * Whether a grade may be given yet. While any fact is invalid the grade and the refund are withheld
 * (暂不评定): scoring a bad fact as blank would give a number nobody entered. While facts are
 * missing the grade is provisional (暂评), until every fact is filled or the reviewer marks the
 * assessment complete (a blank then means what the table says it means: no finding, not achieved).
 */
export type GradeStatusKind = 'final' | 'provisional' | 'withheld';

export interface GradeStatus {
  kind: GradeStatusKind;
  invalid: number;
  missing: number;
}

export function gradeStatusOf(counts: { invalid: number; missing: number }, complete = false): GradeStatus {
  const { invalid, missing } = counts;
  if (invalid > 0) return { kind: 'withheld', invalid, missing };
  if (missing > 0 && !complete) return { kind: 'provisional', invalid, missing };
  return { kind: 'final', invalid, missing };
}

/** The words around the counts, kept apart so the sheet's formulas build the same text. */
export const STATUS_WORDS = {
  withheld: ['暂不评定（', ' 项无效）'],
  provisional: ['暂评 ', '（尚有 ', ' 项未填）'],
} as const;

/** "暂不评定（2 项无效）": what stands in the grade and refund cells while facts are invalid. */
export function withheldText(invalid: number | string): string {
  const [open, close] = STATUS_WORDS.withheld;
  return `${open}${invalid}${close}`;
}

/** "暂评 良（尚有 3 项未填）" */
export function provisionalText(label: string, missing: number | string): string {
  const [open, middle, close] = STATUS_WORDS.provisional;
  return `${open}${label}${middle}${missing}${close}`;
}

/** The grade as it is shown under a status: the label, 暂评 …, or 暂不评定. */
export function shownGrade(status: GradeStatus, label: string): string {
  if (status.kind === 'withheld') return withheldText(status.invalid);
  if (status.kind === 'provisional') return provisionalText(label, status.missing);
  return label;
}

export function shownGradeEn(status: GradeStatus, label: string): string {
  if (status.kind === 'withheld') return `not graded (${status.invalid} invalid)`;
  if (status.kind === 'provisional') return `provisional ${label} (${status.missing} not filled)`;
  return label;
}
