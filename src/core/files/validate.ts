import { D, fmt, sum } from '../numbers/decimal';
import type { Problem } from '../messages/errors';
import { checkBandsInScale } from '../checks/bandsInScale';
import { checkClauses } from '../checks/clauseBounds';
import { problem as p } from '../checks/problem';
import { checkRefundTiers } from '../checks/refundTiers';
import { checkPreviousYear } from '../checks/previousYear';
import { checkRosterRules } from '../checks/rosterRules';
import { checkVetoEffect } from '../checks/vetoEffect';
import { placeholdersIn } from './placeholders';
import { checkBands } from '../policy/bands';
import { type Policy, PolicySchema } from '../policy/schema';
import { definitionOf } from '../rules';
import { type Rubric, RubricSchema } from './schema';
import { zodProblems } from '../messages/zodMessages';

export interface CheckReport {
  kind: 'rubric' | 'policy' | 'unknown';
  id?: string;
  /** problems that make the file unusable */
  errors: Problem[];
  /** contradictions inside an official document, reported and kept (never "fixed") */
  warnings: Problem[];
}

/** Checks a parsed rubric against itself: ids, sections, points versus printed totals, footer counts,
 * and each clause's numbers against its input (src/core/checks/clauseBounds.ts). */
export function checkRubric(rubric: Rubric): { errors: Problem[]; warnings: Problem[] } {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const sectionNames = new Set(rubric.sections.map((s) => s.name));
  const seenNo = new Set<string>();
  const seenCode = new Set<string>();
  const seenInput = new Set<string>();
  rubric.items.forEach((item, i) => {
    const at = `items.${i}`;
    if (seenNo.has(item.no)) errors.push(p(`${at}.no`, `序号 ${item.no} 重复`, `item number ${item.no} repeats`));
    seenNo.add(item.no);
    if (item.code) {
      if (seenCode.has(item.code)) errors.push(p(`${at}.code`, `类别代码 ${item.code} 重复`, `code ${item.code} repeats`));
      seenCode.add(item.code);
    }
    if (!sectionNames.has(item.section))
      errors.push(p(`${at}.section`, `第${item.no}项的类别“${item.section}”不在 sections 中`, `section "${item.section}" is not declared`));
    const roles = item.rules.map((r) => definitionOf(r).role(r));
    if (item.points === null && roles.some((r) => r !== 'veto')) {
      errors.push(p(`${at}.points`, `第${item.no}项没有分值（“/”），只能含否决项`, `item ${item.no} has no points and may hold veto clauses only`));
    }
    const ids = item.rules.flatMap((r) =>
      definitionOf(r)
        .inputs(r)
        .map((s) => s.id),
    );
    ids.forEach((id, n) => {
      if (seenInput.has(id)) errors.push(p(`${at}.rules`, `输入编号 ${id} 重复`, `input id ${id} repeats`));
      seenInput.add(id);
      if (id.split('.')[0] !== item.no)
        errors.push(p(`${at}.rules`, `输入编号 ${id} 应以本项序号 ${item.no} 开头`, `input id ${id} must start with ${item.no}`));
      else if (id !== `${item.no}.${n + 1}`)
        warnings.push(
          p(
            `${at}.rules`,
            `第${item.no}项的输入编号应按顺序为 ${item.no}.${n + 1}，实为 ${id}`,
            `input ids of item ${item.no} should run ${item.no}.1, ${item.no}.2, …`,
          ),
        );
    });
    if (item.points !== null && roles.includes('earn')) {
      const points = new D(item.points);
      const reachable = D.min(
        points,
        sum(item.rules.map((r) => (definitionOf(r).role(r) === 'earn' ? (definitionOf(r).maxEarn?.(r, points) ?? points) : new D(0)))),
      );
      if (reachable.lt(points)) {
        warnings.push(
          p(
            `${at}.points`,
            `第${item.no}项（${item.indicator}）印明 ${fmt(points)} 分，但计分方法最多只能得 ${fmt(reachable)} 分`,
            `item ${item.no} prints ${fmt(points)} points but its clauses reach ${fmt(reachable)}`,
          ),
        );
      }
    }
  });
  rubric.sections.forEach((section, i) => {
    if (section.points === undefined) return;
    const got = sum(rubric.items.filter((it) => it.section === section.name).map((it) => new D(it.points ?? 0)));
    if (!got.eq(section.points)) {
      warnings.push(
        p(
          `sections.${i}.points`,
          `“${section.name}”印明 ${section.points} 分，各项分值合计 ${fmt(got)} 分`,
          `section ${section.name} prints ${section.points}, items add up to ${fmt(got)}`,
        ),
      );
    }
  });
  const regular = sum(rubric.items.filter((it) => !it.bonus).map((it) => new D(it.points ?? 0)));
  if (regular.gt(rubric.total)) {
    // a total above the printed one would be graded beyond the table's (and the policy's) scale
    errors.push(
      p(
        'total',
        `各项（不含加分项）分值合计 ${fmt(regular)} 分，超过表格合计 ${rubric.total} 分：得分可能超出表格合计；请核对各项分值（points），或把 total 改为 ${fmt(regular)}`,
        `items add up to ${fmt(regular)}, above the table total ${rubric.total}`,
      ),
    );
  } else if (!regular.eq(rubric.total)) {
    warnings.push(
      p(
        'total',
        `表格合计印明 ${rubric.total} 分，各项（不含加分项）分值合计 ${fmt(regular)} 分`,
        `table total ${rubric.total} but items add up to ${fmt(regular)}`,
      ),
    );
  }
  const footer = rubric.footer;
  if (footer?.bonusTotal !== undefined) {
    const bonusItems = rubric.items.filter((it) => it.bonus);
    const bonus = sum(bonusItems.map((it) => new D(it.points ?? 0)));
    if (!bonus.eq(footer.bonusTotal)) {
      warnings.push(
        p(
          'footer.bonusTotal',
          `表尾写加分项共 ${footer.bonusTotal} 分，表中加分项（${bonusItems.map((it) => it.code ?? it.no).join('、')}）合计 ${fmt(bonus)} 分`,
          `footer states bonus ${footer.bonusTotal}, bonus rows add up to ${fmt(bonus)}`,
        ),
      );
    }
  }
  for (const [letter, stated] of Object.entries(footer?.categoryCounts ?? {})) {
    const rows = rubric.items.filter((it) => it.code?.startsWith(letter));
    if (rows.length !== stated) {
      warnings.push(
        p(
          `footer.categoryCounts.${letter}`,
          `表尾写${letter}类共 ${stated} 项，表中${letter}类有 ${rows.length} 项（${rows.map((it) => it.code).join('、')}）`,
          `footer states ${stated} items of class ${letter}, the table has ${rows.length}`,
        ),
      );
    }
  }
  const clauses = checkClauses(rubric);
  // 较上年 declarations (checks/previousYear.ts)
  return { errors: [...errors, ...clauses.errors, ...checkPreviousYear(rubric)], warnings: [...warnings, ...clauses.warnings] };
}

/** Checks a policy: grade bands half-open with no gap or overlap, refund tiers present where a refund is
 * set, refunds never falling as the score rises (checks/refundTiers.ts), a veto never better than the
 * lowest grade (checks/vetoEffect.ts). */
export function checkPolicy(policy: Policy): { errors: Problem[]; warnings: Problem[] } {
  const bandProblems = [...checkBands(policy.grades), ...checkBandsInScale(policy)];
  const errors = [...bandProblems];
  const labels = policy.grades.map((g) => g.label);
  if (policy.veto.grade !== undefined && !labels.includes(policy.veto.grade))
    errors.push(p('veto.grade', `否决后的等次“${policy.veto.grade}”不在 grades 中`, `veto grade ${policy.veto.grade} is not a grade`));
  if (policy.refund) {
    policy.grades.forEach((g, i) => {
      if (!g.refund) errors.push(p(`grades.${i}.refund`, `等次“${g.label}”缺少返还规定（refund）`, `grade ${g.label} has no refund tier`));
    });
  }
  const tiers = bandProblems.length === 0 ? checkRefundTiers(policy) : [];
  errors.push(...tiers, ...checkVetoEffect(policy, bandProblems.length === 0 && tiers.length === 0));
  if (policy.composite && Math.abs(policy.composite.own + policy.composite.subordinates - 1) > 1e-9) {
    errors.push(
      p(
        'composite',
        `自身与下属机构的权重之和应为 1，实为 ${policy.composite.own + policy.composite.subordinates}`,
        'composite weights must add up to 1',
      ),
    );
  }
  const lowest = policy.specialCases?.requestedTerminationWithViolations?.lowestOfGrade;
  if (lowest && !labels.includes(lowest))
    errors.push(
      p('specialCases.requestedTerminationWithViolations.lowestOfGrade', `等次“${lowest}”不在 grades 中`, `grade ${lowest} is not a grade`),
    );
  // 名单规则 (checks/rosterRules.ts)
  const rosterRules = checkRosterRules(policy);
  return { errors: [...errors, ...rosterRules.errors], warnings: rosterRules.warnings };
}

/** The columns only the 威海 layout shows (类别代码, 考核方法, 考核科室, 备注): a table that fills them but
 * leaves `layout` to its default (jiangbei) would lose them on the sheet, so the author is told. */
function layoutWarnings(json: unknown, rubric: Rubric): Problem[] {
  if (typeof json !== 'object' || json === null || 'layout' in json) return [];
  const shown = rubric.items.filter(
    (item) => item.code !== undefined || item.assessment !== undefined || item.departments !== undefined || item.remarks !== undefined,
  );
  if (shown.length === 0) return [];
  return [
    p(
      'layout',
      `layout 未写，按 jiangbei 的列生成工作表，不显示类别代码、考核方法、考核科室、备注，而第${shown
        .map((item) => item.no)
        .slice(0, 5)
        .join('、')}${shown.length > 5 ? '等' : ''}项写了这些内容：要显示它们，写 "layout": "weihai"`,
      'layout is not given (jiangbei): the sheet will not show the codes, assessment methods, departments and remarks some items give; write "layout": "weihai" to show them',
    ),
  ];
}

/** Checks any rubric or policy file's parsed JSON: schema first, then the file against itself; texts
 * still holding `mib new`'s placeholder are warned about one by one. */
export function checkFile(json: unknown): CheckReport {
  const report = checkParsed(json);
  return { ...report, warnings: [...report.warnings, ...placeholdersIn(json)] };
}

function checkParsed(json: unknown): CheckReport {
  const kind = typeof json === 'object' && json !== null && 'kind' in json ? (json as { kind: unknown }).kind : undefined;
  if (kind === 'policy') {
    const parsed = PolicySchema.safeParse(json);
    if (!parsed.success) return { kind: 'policy', errors: zodProblems(parsed.error, json), warnings: [] };
    return { kind: 'policy', id: parsed.data.id, ...checkPolicy(parsed.data) };
  }
  if (kind === 'rubric') {
    const parsed = RubricSchema.safeParse(json);
    if (!parsed.success) return { kind: 'rubric', errors: zodProblems(parsed.error, json), warnings: [] };
    const checked = checkRubric(parsed.data);
    return { kind: 'rubric', id: parsed.data.id, errors: checked.errors, warnings: [...checked.warnings, ...layoutWarnings(json, parsed.data)] };
  }
  return {
    kind: 'unknown',
    errors: [
      p('kind', '文件须有 "kind": "rubric"（考核表）或 "kind": "policy"（等次与返还政策）', 'the file needs "kind": "rubric" or "kind": "policy"'),
    ],
    warnings: [],
  };
}
