import {
  assess,
  assessmentJson,
  decisionReadings,
  clipped,
  evaluate,
  fmt,
  bundledPolicyIds,
  bundledRubricIds,
  type ItemResult,
  type Policy,
  type Rubric,
  readingLine,
  vetoConsequence,
  readingsOf,
  resultToJson,
  specialRefundText,
  UNSTATED,
  withheldText,
  documentName,
  sourceText,
} from '../../core';
import { decimalArg, type Flags, parseArg } from '../args';
import { readFacts } from '../files';
import { OwnershipArgSchema } from '../ownershipArg';
import { DEPOSIT, checkCircumstances, gradingOptions, policyOf, requirePositional, required } from './grading';
import type { CommandIo } from '../io';

export function score(io: CommandIo, positionals: string[], flags: Flags): number {
  const rubric = io.files.rubric(requirePositional(positionals, 0, '考核表编号'));
  const raw = readFacts(io, required(flags, 'input'));
  const ownership = typeof flags.ownership === 'string' ? parseArg(OwnershipArgSchema, flags.ownership, '--ownership') : undefined;
  const result = evaluate(rubric, raw, { ...(ownership && { ownership }) });
  if (result.invalid.length > 0) {
    for (const problem of result.invalid) io.err(`输入错误：${problem.message}`);
    io.err(
      `共 ${result.invalid.length} 处输入错误，未计分，不评定等次（${withheldText(result.invalid.length)}）。请更正 ${clipped(String(flags.input))} 后重试。`,
    );
    return 2;
  }
  const json: Record<string, unknown> = resultToJson(result);
  const policy = typeof flags.policy === 'string' ? policyOf(io, flags) : undefined;
  // beside the contract's `rubric` id: what the table (and policy) is, so a region's own file is named
  json.rubricInfo = rubricInfo(io, rubric);
  if (policy) json.policyInfo = policyInfo(io, policy);
  // every reading that bears on the result (口径说明): the table's, each clause's, the policy's
  const readings = readingsOf(rubric, { ...(policy && { policy }), ...(ownership && { ownership }) });
  json.readings = readings;
  const lines: string[] = [];
  let shownTotal = result.total;
  if (policy) {
    const options = gradingOptions(flags);
    checkCircumstances(policy, options);
    const assessed = assess(rubric, result, policy, {
      ...options,
      convert: flags.convert === true,
      complete: flags.complete === true,
      ...(typeof flags.deposit === 'string' && { deposit: decimalArg(flags.deposit, DEPOSIT) }),
    });
    Object.assign(json, assessmentJson(assessed));
    // the policy's veto governs the total beside it (tableTotal); the table's own text only without a policy
    json.total = assessed.total.toNumber();
    // and, where a veto changed it, the table's own sum it started from (what a composite weighs)
    if (result.veto) json.totalBeforeVeto = result.totalBeforeVeto.toNumber();
    shownTotal = assessed.total;
    // what a veto or a 降档 did, as `mib grade` / `mib refund` say it (the files' readings are listed already)
    if (assessed.grade) {
      const decided = decisionReadings(policy, assessed.grade, {
        ...(assessed.refund && { refund: assessed.refund }),
        ...(options.downgradeRefund && { downgradeRefund: options.downgradeRefund }),
      });
      readings.push(...decided.filter((d) => !readings.some((r) => r.text === d.text)));
    }
    if (assessed.conversion) lines.push(assessed.trace[0] ?? '');
    lines.push(`等次：${assessed.gradeText}（${policy.title}）`);
    // the notice prints no grade for the score: why none is given
    if (assessed.grade?.band.unstated) lines.push(`  ${UNSTATED}等次：${assessed.grade.band.text}`);
    if (assessed.refund) {
      const provisional = assessed.status.kind === 'provisional' ? '，暂计' : '';
      lines.push(`质量保证金返还：${assessed.refund.amount.toFixed(2)} 元（${fmt(assessed.refund.ratio.times(100))}%${provisional}）`);
    } else if (assessed.unstatedRefund) {
      lines.push(`质量保证金返还：${UNSTATED}（${assessed.unstatedRefund.unstated}）`);
    } else if (assessed.special?.refund) {
      lines.push(`质量保证金返还：${assessed.special.refund.amount?.toFixed(2) ?? specialRefundText(assessed.special.refund)}`);
    }
  }
  if (flags.json === true) {
    io.out(JSON.stringify(json, null, 2));
    return 0;
  }
  io.out(`${documentName(rubric)}（${sourceText(rubric.provenance)}）`);
  const ownTable = io.files.pathOf('rubric', rubric.id);
  if (ownTable)
    io.out(
      `地区自己的考核表：编号 ${rubric.id}，${rubric.region}，${rubric.provenance.issuer}《${rubric.provenance.title}》（${rubric.provenance.date}），文件 ${ownTable}`,
    );
  const ownPolicy = policy && io.files.pathOf('policy', policy.id);
  if (policy && ownPolicy) io.out(`地区自己的政策：编号 ${policy.id}，${policy.title}（${policy.provenance.documentNumber}），文件 ${ownPolicy}`);
  for (const item of result.items) {
    const flag = item.veto ? ' 【否决】' : itemLabels(item);
    io.out(`${item.id.padStart(3)} ${item.code ?? ''} ${item.indicator}：${fmt(item.score)} / ${fmt(item.max)}${flag}`);
  }
  io.out(`总分：${fmt(shownTotal)} / ${fmt(result.max)}${result.bonusMax.gt(0) ? `（含加分 ${fmt(result.bonus)}）` : ''}`);
  if (result.veto) io.out(`否决项：${result.vetoItems.join('、')}（${vetoConsequence(policy).zh}）`);
  if (result.missing.length > 0) io.out(`未填写的事实（${result.missing.length} 项）：${result.missing.join('、')}`);
  if (result.ownershipMissing) io.out('未填写的机构性质：公立/民营（本表有只适用于公立医疗机构的条款，按公立计并列为未填写）');
  for (const line of lines) io.out(line);
  io.out('口径说明：');
  for (const reading of readings) io.out(`  ${readingLine(reading)}`);
  return 0;
}

/** The table's id, title and provenance, and whether it is bundled or read from a file this command. */
export function rubricInfo(io: CommandIo, rubric: Rubric) {
  const p = rubric.provenance;
  const file = io.files.pathOf('rubric', rubric.id);
  return {
    id: rubric.id,
    title: rubric.title,
    region: rubric.region,
    year: rubric.year,
    source: `${p.documentNumber} ${p.attachment}`,
    issuer: p.issuer,
    document: p.title,
    date: p.date,
    bundled: bundledRubricIds.includes(rubric.id),
    ...(file !== undefined && { file }),
  };
}

export function policyInfo(io: CommandIo, policy: Policy) {
  const p = policy.provenance;
  const file = io.files.pathOf('policy', policy.id);
  return {
    id: policy.id,
    title: policy.title,
    region: policy.region,
    source: p.documentNumber,
    issuer: p.issuer,
    document: p.title,
    date: p.date,
    bundled: bundledPolicyIds.includes(policy.id),
    ...(file !== undefined && { file }),
  };
}

/** 【扣分超过单项分值 N 分】 only when the item's deductions run past its points; a clause's own
 * "最多扣N分" is named as that clause's cap (【第k条封顶，N 分未计】). */
export function itemLabels(item: ItemResult): string {
  const labels = item.clauses.flatMap((c, k) => (c.capped.gt(0) ? [` 【第${k + 1}条封顶，${fmt(c.capped)} 分未计】`] : []));
  if (item.overCap.gt(0)) labels.unshift(` 【扣分超过单项分值 ${fmt(item.overCap)} 分】`);
  return labels.join('');
}
