import type { WorkbookPort } from '../../sheet/port';
import { PEER_SHEET, READINGS_SHEET, ROSTER_SHEET, SUMMARY_SHEET } from '../../sheet/roster/words';

/** The sheets 汇总 writes: never offered as a roster to read. */
const ROSTER_OUTPUT_SHEETS = [ROSTER_SHEET, SUMMARY_SHEET, PEER_SHEET, READINGS_SHEET];

const ROSTER_NAME = /名单|花名册|roster/i;

/**
 * The worksheets a roster may be on: every sheet but the assessment sheets and the roster's own output
 * (including their numbered copies, "汇总名单 (2)"). The one to offer first: a sheet named like a roster
 * (名单, 花名册, roster), else the first.
 */
export async function rosterSheetChoices(port: WorkbookPort): Promise<{ sheets: string[]; preferred: string }> {
  const [all, assessments] = await Promise.all([port.listSheets(), port.listAssessmentSheets()]);
  const output = (name: string) => ROSTER_OUTPUT_SHEETS.some((sheet) => name === sheet || name.startsWith(`${sheet} (`));
  const sheets = all.filter((name) => !assessments.includes(name) && !output(name));
  return { sheets, preferred: sheets.find((name) => ROSTER_NAME.test(name)) ?? sheets[0] ?? '' };
}
