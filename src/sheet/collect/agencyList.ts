import { DecimalValue, isBlank, ownershipLabels, parsedOrNull, parseOwnership, readInstitutions, type Rubric } from '../../core';
import type { RosterInstitution, RosterTable } from '../../core/roster/types';
import type { CollectLine } from './collect';
import type { RosterRecord } from './rosterRows';

/** The agency's own list of institutions (`mib collect --roster`), as merged into the collected roster. */
export interface AgencyList {
  /** the file, as given */
  source: string;
  /** institutions on the list that sent no sheet, in the list's order */
  unsubmitted: { code: string; name: string }[];
  /** sheets collected whose 机构编码 is not on the list (or is blank), in the order collected */
  notOnList: { code: string; place: string }[];
  /** the list's own problems (a bad cell, a code given twice, an unknown column), each naming its cell */
  problems: string[];
}

const text = (value: unknown) => (isBlank(value) ? '' : String(value).trim());
const amount = (value: unknown) => (isBlank(value) ? null : parsedOrNull(DecimalValue, value));

/**
 * Merges the agency's list into the records collected, by 机构编码 (codes compared as text: "03720" is not
 * "3720"): the list's 机构名称, 级别, 公立/民营, 质量保证金 and 上级机构编码 fill the row, and where the sheet
 * said otherwise the list is taken and the line says what the sheet said. A sheet whose code is not on
 * the list, and an institution on the list that sent nothing, are named. The list is read by the roster
 * reader's rules (readInstitutions): a bad cell is the list's problem, and that field is not taken.
 */
export function mergeAgencyList(table: RosterTable, rubric: Rubric, records: RosterRecord[], lines: CollectLine[]): AgencyList {
  const source = table.source ?? '名单';
  const read = readInstitutions(rubric, table);
  const problems = [...read.problems, ...[...read.rowProblems.values()].flat()].map((p) => p.message);
  const byCode = new Map<string, RosterInstitution>();
  for (const institution of read.institutions)
    if (institution.code !== '' && !byCode.has(institution.code)) byCode.set(institution.code, institution);
  const submitted = new Set<string>();
  const notOnList: AgencyList['notOnList'] = [];
  records.forEach((record, i) => {
    const line = lines[i]!;
    const listed = record.code === '' ? undefined : byCode.get(record.code);
    if (!listed) {
      notOnList.push({ code: record.code, place: line.place });
      if (record.code !== '') note(line, `机构编码 ${record.code} 不在机构名单“${source}”中，请核对编码`);
      return;
    }
    submitted.add(record.code);
    const differs: string[] = [];
    const take = (what: string, sheet: string, list: string) => {
      if (sheet !== '' && sheet !== list) differs.push(`${what}考核表填“${sheet}”，名单为“${list}”`);
    };
    take('机构名称', record.name, listed.name);
    record.name = listed.name;
    if (listed.level !== undefined) {
      take('级别', record.level ?? '', listed.level);
      record.level = listed.level;
    }
    if (listed.ownership !== undefined) {
      const sheet = parseOwnership(record.ownership);
      if (sheet !== listed.ownership && !isBlank(record.ownership))
        differs.push(`公立/民营考核表填“${text(record.ownership)}”，名单为“${ownershipLabels[listed.ownership]}”`);
      record.ownership = ownershipLabels[listed.ownership];
    }
    if (listed.deposit !== undefined) {
      const sheet = amount(record.deposit);
      if (!isBlank(record.deposit) && !(sheet && sheet.eq(listed.deposit)))
        differs.push(`质量保证金考核表填“${text(record.deposit)}”，名单为“${listed.deposit.toFixed()}”`);
      record.deposit = listed.deposit.toNumber();
    }
    if (listed.parentCode !== undefined) {
      take('上级机构编码', record.parentCode ?? '', listed.parentCode);
      record.parentCode = listed.parentCode;
    }
    if (differs.length > 0) note(line, `${differs.join('，')}：按名单`);
  });
  const unsubmitted = read.institutions.filter((i) => i.code !== '' && !submitted.has(i.code)).map(({ code, name }) => ({ code, name }));
  return { source, unsubmitted: unique(unsubmitted), notOnList, problems };
}

/** A note that asks the reviewer to look: the line is no longer plain "已收集". */
function note(line: CollectLine, text: string) {
  line.notes.push(text);
  if (line.status === 'ok') line.status = 'flagged';
}

/** A code the list gives twice is one institution that sent nothing (the list's problem names both rows). */
function unique(list: { code: string; name: string }[]) {
  const seen = new Set<string>();
  return list.filter(({ code }) => !seen.has(code) && seen.add(code));
}
