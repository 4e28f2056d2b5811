import { cmp, D, type Dec, fmt, ZERO } from '../numbers/decimal';
import type { Rubric } from '../files/schema';
import { unfilledCount } from '../scoring/applicability';
import type { RosterResult } from './types';

/** An institution as a finding names it. */
export interface FoundInstitution {
  code: string;
  name: string;
}

/**
 * What a reviewer looks for in a scored roster, each finding naming the institutions: items whose deductions
 * went beyond the item's points (超出单项分值), vetoes, self-scores far from the table's total, invalid and
 * missing facts.
 */
export interface RosterFindings {
  /** per item (in the table's order), the institutions whose deductions exceeded its points, and by how much */
  overCap: { itemNo: string; label: string; indicator: string; institutions: (FoundInstitution & { points: Dec })[] }[];
  vetoes: (FoundInstitution & { items: string[] })[];
  /** the self-score differs from the table's own total by more than `selfGapThreshold` */
  selfGaps: (FoundInstitution & { selfScore: Dec; tableTotal: Dec; difference: Dec })[];
  /** points on the table's own scale: 5% of its total unless another is given */
  selfGapThreshold: Dec;
  invalid: (FoundInstitution & { count: number })[];
  /** facts left blank where the grade is not final for it (暂评) */
  missing: (FoundInstitution & { count: number })[];
}

/** The share of a table's total beyond which a self-score's difference is a finding (no text sets one). */
export const SELF_GAP_SHARE = 0.05;

/** "C21" (the table's code) or "第21项" (its 序号 where it has no codes). */
export const itemLabel = (item: { no: string; code?: string }) => item.code ?? `第${item.no}项`;

/** A veto item as a row lists it (the table's code, or its bare 序号 "1") as a reader names it: "C21", "第1项". */
export const vetoLabel = (item: string) => (/^\d+$/.test(item) ? `第${item}项` : item);

/** The findings at the table's own threshold, by roster: `mib roster -o` words them in its report and on
 * 汇总统计, from the same finished roster (a roster is not changed once it is scored). */
const findingsBy = new WeakMap<RosterResult, { rubric: Rubric; rows: RosterResult['institutions']; findings: RosterFindings }>();

export function rosterFindings(result: RosterResult, rubric: Rubric, selfGapThreshold?: Dec | number): RosterFindings {
  if (selfGapThreshold !== undefined) return findingsOf(result, rubric, selfGapThreshold);
  const known = findingsBy.get(result);
  if (known?.rubric === rubric && known.rows === result.institutions) return known.findings;
  const findings = findingsOf(result, rubric);
  findingsBy.set(result, { rubric, rows: result.institutions, findings });
  return findings;
}

function findingsOf(result: RosterResult, rubric: Rubric, selfGapThreshold?: Dec | number): RosterFindings {
  const threshold = selfGapThreshold === undefined ? new D(rubric.total).times(SELF_GAP_SHARE) : new D(selfGapThreshold);
  const who = (row: RosterResult['institutions'][number]): FoundInstitution => ({ code: row.institution.code, name: row.institution.name });
  // one pass over the rows and their items (a lookup per item and row would be items² × rows: 64 million
  // steps for 80 items and 10,000 institutions)
  const overBy = new Map<string, (FoundInstitution & { points: Dec })[]>();
  for (const row of result.institutions)
    for (const score of row.items)
      if (cmp(score.overCap, ZERO) > 0) {
        let found = overBy.get(score.id);
        if (!found) overBy.set(score.id, (found = []));
        found.push({ ...who(row), points: score.overCap });
      }
  const overCap = rubric.items.flatMap((item) => {
    const institutions = overBy.get(item.no);
    return institutions ? [{ itemNo: item.no, label: itemLabel(item), indicator: item.indicator, institutions }] : [];
  });
  const rows = result.institutions;
  return {
    overCap,
    vetoes: rows.filter((row) => row.vetoItems.length > 0).map((row) => ({ ...who(row), items: row.vetoItems.map(vetoLabel) })),
    selfGaps: rows
      .filter((row) => row.selfDifference !== undefined && row.institution.selfScore !== undefined && row.selfDifference.abs().gt(threshold))
      .map((row) => ({
        ...who(row),
        selfScore: row.institution.selfScore!,
        tableTotal: row.tableTotal ?? row.ownTotal ?? row.total,
        difference: row.selfDifference!,
      })),
    selfGapThreshold: threshold,
    invalid: rows.filter((row) => row.invalid.length > 0).map((row) => ({ ...who(row), count: row.invalid.length })),
    // blanks keep a grade provisional (暂评); once the facts are confirmed complete they are final, not a finding
    missing: rows
      .filter((row) => unfilledCount(row) > 0 && row.status !== 'final' && !(row.status === undefined && row.grade !== undefined))
      .map((row) => ({ ...who(row), count: unfilledCount(row) })),
  };
}

/** How many entries a finding's line names; the rest are counted (every one is in the JSON and on 汇总名单):
 * a line stays readable, and a cell of 汇总统计 stays within Excel's 32,767 characters, at 100,000 rows. */
const LISTED = 10;

/** The first entries, joined, and how many more there are (另 N 家 / 项). */
function listed(entries: readonly string[], join: string, unit: '家' | '项'): string {
  return entries.length <= LISTED ? entries.join(join) : `${entries.slice(0, LISTED).join(join)}${join}……另 ${entries.length - LISTED} ${unit}`;
}

/** An institution as a line names it: its name, or its code where the name is blank (a row flagged for the
 * blank name is still scored, and its finding must say whose it is). */
const shown = (i: FoundInstitution) => i.name || i.code;

const names = (list: FoundInstitution[], most = 5) =>
  list.length <= most ? list.map(shown).join('、') : `${list.slice(0, most).map(shown).join('、')}等 ${list.length} 家`;

/**
 * The findings in Chinese, one line each, for the text report, 汇总统计 and the pane ("超出单项分值扣分：2 项、3 家次
 * （C21 基本医疗保险政策执行：市立医院 超出 2 分；…）"); none when the roster has nothing to look at.
 */
export function findingLines(findings: RosterFindings): string[] {
  const lines: string[] = [];
  if (findings.overCap.length > 0) {
    const times = findings.overCap.reduce((n, item) => n + item.institutions.length, 0);
    const items = findings.overCap.map(
      (item) =>
        `${item.label} ${item.indicator}：${listed(
          item.institutions.map((i) => `${shown(i)} 超出 ${fmt(i.points)} 分`),
          '，',
          '家',
        )}`,
    );
    lines.push(`超出单项分值扣分：${findings.overCap.length} 项、${times} 家次（${listed(items, '；', '项')}）`);
  }
  if (findings.vetoes.length > 0)
    lines.push(
      `否决项：${findings.vetoes.length} 家（${listed(
        findings.vetoes.map((v) => `${shown(v)} ${v.items.join('、')}`),
        '；',
        '家',
      )}）`,
    );
  if (findings.selfGaps.length > 0)
    lines.push(
      `自评与考核表得分相差超过 ${fmt(findings.selfGapThreshold)} 分：${findings.selfGaps.length} 家（${listed(
        findings.selfGaps.map((g) => `${shown(g)} 自评 ${fmt(g.selfScore)}，考核 ${fmt(g.tableTotal)}，差 ${fmt(g.difference)}`),
        '；',
        '家',
      )}）`,
    );
  if (findings.invalid.length > 0)
    lines.push(`填报无效：${findings.invalid.length} 家、${findings.invalid.reduce((n, i) => n + i.count, 0)} 项（${names(findings.invalid)}）`);
  if (findings.missing.length > 0)
    lines.push(`尚有未填：${findings.missing.length} 家、${findings.missing.reduce((n, i) => n + i.count, 0)} 项（${names(findings.missing)}）`);
  return lines;
}

/** The findings as plain JSON (`mib roster --json`'s summary.findings). */
export function findingsJson(findings: RosterFindings) {
  return {
    overCap: findings.overCap.map((item) => ({
      item: item.itemNo,
      label: item.label,
      indicator: item.indicator,
      institutions: item.institutions.map((i) => ({ code: i.code, name: i.name, points: i.points.toNumber() })),
    })),
    vetoes: findings.vetoes,
    selfGapThreshold: findings.selfGapThreshold.toNumber(),
    selfGaps: findings.selfGaps.map((g) => ({
      code: g.code,
      name: g.name,
      selfScore: g.selfScore.toNumber(),
      tableTotal: g.tableTotal.toNumber(),
      difference: g.difference.toNumber(),
    })),
    invalid: findings.invalid,
    missing: findings.missing,
  };
}
