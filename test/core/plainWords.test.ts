// Issue 22 deliver 1: every reading, note and message a person reads is in the document's own words.
// Option names, ids and commands appear only in --json (Reading.id), the trace for developers and the
// guide for file authors. This walks every producer of a reading over the bundled tables and policies
// (rubrics/) and every value of their options, the pane's Chinese messages, and the text of `mib score`,
// `grade`, `refund` and `roster`, and fails on any word of the list below.
import { describe, expect, it } from 'vitest';
import {
  bundledPolicyIds,
  bundledRubricIds,
  clauseReadings,
  decisionReadings,
  downgradeRefundReading,
  EXTRA_WITHHOLDING_READING,
  getPolicy,
  getRubric,
  gradeOf,
  OUT_OF_SCALE,
  type Policy,
  provenanceText,
  readingLine,
  type Reading,
  readingsOf,
  readingSubject,
  refundOf,
  type Rubric,
  scoreRoster,
  sourceText,
  specialCaseKinds,
  specialCaseLabels,
  specialRefund,
  specialRefundText,
  vetoConsequence,
  vetoReading,
} from '../../src/core';
import { planReadingsSheet } from '../../src/sheet/roster/readingsSheet';
import { zhCN } from '../../src/taskpane/i18n/zh-CN';
import { withholdPolicy } from '../support/kindPolicies';
import { mibOnDisk } from '../support/mibOnDisk';
import { mibWith } from '../support/mibRunner';
import { scratch, writeCsv } from '../support/rosterFiles';
import { rosterOf } from './roster/rosterTable';

/** The words a clerk must never read: the files' option names and their values, the ids of the bundled
 * files, the command's name and its flags. */
const FORBIDDEN = [
  // rubric options and their values
  'partialSteps',
  'unpricedClauses',
  'boundaryReading',
  'vetoEffect',
  'proportional',
  'whole',
  'record',
  'method',
  'definition',
  'zero',
  'unpriced',
  'appliesTo',
  'otherReading',
  'ownership',
  // policy options and their values
  'veto',
  'effect',
  'fail',
  'setScore',
  'capScore',
  'refund',
  'refundFollows',
  'downgradeRefund',
  'fractionalPoints',
  'started',
  'ratioRounding',
  'percent-2',
  'fraction-2',
  'none',
  'grade',
  'score',
  'extraWithholding',
  'specialCases',
  'agreementEnds',
  'perPointBelow',
  'scale',
  ...specialCaseKinds,
  // roster options
  'trimmedHighInterval',
  'tierRounding',
  'printed',
  'last',
  'equal-width',
  'equal-count',
  // storage and commands
  'sessionStorage',
  'mib',
  ...bundledRubricIds,
  ...bundledPolicyIds,
];

const forbiddenWord = new RegExp(`(?<![A-Za-z0-9-])(${FORBIDDEN.map((w) => w.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|')})(?![A-Za-z0-9-])`);
/** any other option-like word: camelCase (fooBar), a flag (--foo), an assignment (x = y) */
const optionLike = /\b[a-z]+[A-Z][A-Za-z]*\b|--[a-z]|\b[A-Za-z]+ ?= ?[A-Za-z]/;

function offenders(texts: Iterable<string>): string[] {
  return [...texts].filter((text) => forbiddenWord.test(text) || optionLike.test(text));
}

const rubrics = bundledRubricIds.map(getRubric);
const policies = [...bundledPolicyIds.map(getPolicy), withholdPolicy()];

/** Each rubric under every value of its options. */
function variants(rubric: Rubric): Rubric[] {
  const out: Rubric[] = [];
  for (const partialSteps of ['proportional', 'whole'] as const)
    for (const unpricedClauses of ['record', 'score'] as const)
      for (const boundaryReading of ['method', 'definition'] as const) out.push({ ...rubric, partialSteps, unpricedClauses, boundaryReading });
  return out;
}

function readingTexts(readings: readonly Reading[]): string[] {
  return readings.flatMap((r) => [r.text, readingLine(r), readingSubject(r)]);
}

describe('plain words: no option names, ids or commands where a person reads', () => {
  it('the forbidden list finds what the issue found', () => {
    for (const bad of [
      '（partialSteps: proportional）',
      '按 veto.effect = fail 计',
      '（refundFollows = grade：…）',
      '可选：fractionalPoints = whole',
      '（unpricedClauses = record，默认）',
      '（boundaryReading = method，默认）',
      '将 unpricedClauses 设为 score。',
      '`mib refund` 对本政策报错。',
      '【考核表 ownership】',
      '政策“jilin-2025”没有降档规定',
      '用 --ownership 公立|民营 填写',
    ])
      expect(offenders([bad])).toEqual([bad]);
    expect(offenders(['“每高于1个百分点”按比例计', 'PSAM卡未妥善保管扣2分', '“低位区间占比20%”', '第30项 30.1'])).toEqual([]);
  });

  it('readingsOf, each clause’s readings and readingLine: every bundled table under every option value, with and without each policy', () => {
    const texts: string[] = [];
    for (const rubric of rubrics) {
      for (const variant of variants(rubric)) {
        for (const clause of variant.items.flatMap((item) => item.rules)) texts.push(...clauseReadings(clause, variant).map((r) => r.text));
        for (const policy of [undefined, ...policies])
          for (const ownership of [undefined, 'public', 'private'] as const)
            texts.push(...readingTexts(readingsOf(variant, { ...(policy && { policy }), ...(ownership && { ownership }) })));
        texts.push(...readingTexts(readingsOf(variant, { ownershipCounts: { public: 2, private: 1, unknown: 1 } })));
      }
    }
    expect(texts.length).toBeGreaterThan(1000);
    expect(offenders(texts)).toEqual([]);
  });

  it('the readings that decide a grade or a refund (mib grade / refund): veto, 降档 either way, 另行扣减, 折算; special cases; the veto beside a total', () => {
    const texts: string[] = [];
    for (const policy of policies) {
      texts.push(...readingTexts([vetoReading(policy, true), vetoReading(policy, false)]));
      texts.push(vetoConsequence(policy).zh, vetoConsequence().zh);
      const top = policy.grades[0]!.min ?? 100;
      const steps = policy.downgrade ? [0, 1] : [0];
      for (const downgrade of steps)
        for (const veto of [false, true]) {
          const grade = gradeOf(policy, top, { downgrade, veto });
          texts.push(...grade.consequences);
          texts.push(...readingTexts(decisionReadings(policy, grade, { conversion: '折算为百分制：700 × 100 / 795 = 88.05' })));
          if (!policy.refund) continue;
          for (const downgradeRefund of ['grade', 'score'] as const) {
            const circumstances = policy.extraWithholding?.map((c) => c.name) ?? [];
            const refund = refundOf(policy, top, 10000, { downgrade, veto, downgradeRefund, circumstances });
            texts.push(...readingTexts(decisionReadings(policy, refund.grade, { refund, downgradeRefund, circumstances })));
            texts.push(...readingTexts([downgradeRefundReading(downgradeRefund), downgradeRefundReading(downgradeRefund, refund.grade)]));
          }
        }
      for (const kind of Object.keys(policy.specialCases ?? {}) as (keyof typeof specialCaseLabels)[]) {
        texts.push(specialCaseLabels[kind].zh, specialCaseLabels[kind].name);
        texts.push(specialRefundText(specialRefund(policy, kind, 10000)) ?? '');
      }
    }
    texts.push(EXTRA_WITHHOLDING_READING, OUT_OF_SCALE);
    expect(offenders(texts)).toEqual([]);
  });

  it('the messages a policy gives a person: a grade it does not allow, a refund it does not set, a score off its scale', () => {
    const messages: string[] = [];
    const caught = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        messages.push((error as Error).message);
      }
    };
    for (const policy of policies) {
      caught(() => gradeOf(policy, 1000));
      caught(() => gradeOf(policy, 80, { downgrade: 9 }));
      caught(() => refundOf(policy, 80, 10000, { circumstances: ['约谈'] }));
      caught(() => refundOf(policy, 80, 10000));
      for (const kind of Object.keys(specialCaseLabels) as (keyof typeof specialCaseLabels)[]) caught(() => specialRefund(policy, kind, 10000));
    }
    expect(messages.length).toBeGreaterThanOrEqual(policies.length * 2);
    expect(offenders(messages)).toEqual([]);
  });

  it('a roster’s readings and its 口径说明 sheet (来源, 条款或事项, the basis line)', () => {
    const jiangbei = getRubric('cq-jiangbei-2025-hospital');
    const jiangbeiPolicy = getPolicy('cq-jiangbei-2025');
    const weihai = getRubric('weihai-2021-hospital-l2');
    const jilin = getPolicy('jilin-2025');
    const results = [
      {
        rubric: jiangbei,
        policy: jiangbeiPolicy as Policy | undefined,
        result: scoreRoster(
          jiangbei,
          rosterOf([
            { 机构编码: 'J0', 机构名称: '甲医院', '公立/民营': '公立', '15.1': '是' },
            { 机构编码: 'J1', 机构名称: '乙医院', '公立/民营': '民营' },
            { 机构编码: 'J2', 机构名称: '丙医院' },
          ]),
          jiangbeiPolicy,
        ),
      },
      {
        rubric: weihai,
        policy: jilin as Policy | undefined,
        result: scoreRoster(
          weihai,
          rosterOf([
            { 机构编码: 'R0', 机构名称: '甲医院', 质量保证金: 10000, 降档: 1 },
            { 机构编码: 'R1', 机构名称: '乙医院', 质量保证金: 10000 },
          ]),
          jilin,
          { convert: true },
        ),
      },
    ];
    const texts: string[] = [];
    for (const { rubric, policy, result } of results) {
      expect(result.readings.length).toBeGreaterThan(3);
      texts.push(...readingTexts(result.readings));
      const plan = planReadingsSheet(result, rubric, policy);
      texts.push(
        ...JSON.stringify(plan.grid ?? plan)
          .match(/"value":"[^"]*"/g)!
          .map((v) => v.slice(9, -1)),
      );
    }
    expect(texts.some((t) => t.includes('否决'))).toBe(true);
    expect(texts.some((t) => t.includes('降档同时改变返还档次'))).toBe(true);
    expect(offenders(texts)).toEqual([]);
  });

  it('the source line says what the text says: 江北’s number and attachment; 威海, which prints none, by its title', () => {
    const jiangbei = getRubric('cq-jiangbei-2025-hospital').provenance;
    const weihai = getRubric('weihai-2021-hospital-l2').provenance;
    expect(sourceText(jiangbei)).toBe('江医保中心发〔2024〕16号 附件2');
    expect(provenanceText(jiangbei)).toBe(
      '重庆市江北区医疗保障事务中心 江医保中心发〔2024〕16号 附件2《关于开展重庆市江北区2025年定点医药机构协议签订工作的通知》',
    );
    expect(sourceText(weihai)).toBe('原文未载文号');
    expect(provenanceText(weihai)).toBe('威海市医疗保障部门（原文未署发文机关）《2021年定点医疗机构考核评分标准（二级及以上）》（原文未载文号）');
    const mib = mibWith({ 'none.json': '{}' });
    expect(mib('score', 'weihai-2021-hospital-l2', '--input', 'none.json').out.split('\n')[0]).toBe(
      '山东省威海市2021年定点医疗机构考核评分标准（二级及以上）（原文未载文号）',
    );
  });

  it('the pane’s Chinese messages (zh-CN), but for 自检, which is for the people who deploy it', () => {
    const texts = Object.entries(zhCN)
      .filter(([key]) => !key.startsWith('selfTest'))
      .map(([, text]) => text.replace(/\{[A-Za-z]+\}/g, '…'));
    expect(texts.length).toBeGreaterThan(100);
    expect(offenders(texts)).toEqual([]);
  });

  it('mib score, grade, refund and roster text: the words a clerk reads; --json keeps the ids', async () => {
    const mib = mibWith({ 'veto.json': JSON.stringify({ '15.1': '是' }), 'none.json': '{}' });
    const outputs: string[] = [];
    for (const rubric of bundledRubricIds) {
      const facts = rubric.startsWith('cq-jiangbei-2025-hospital') ? 'veto.json' : 'none.json';
      const plain = mib('score', rubric, '--input', facts);
      expect(plain.code).toBe(0);
      outputs.push(plain.out);
      for (const policy of bundledPolicyIds) {
        const run = mib('score', rubric, '--input', facts, '--policy', policy, '--convert', '--deposit', '10000');
        if (run.code === 0) outputs.push(run.out);
      }
    }
    for (const policy of bundledPolicyIds) {
      for (const args of [['--veto'], ['--downgrade', '1'], []]) {
        for (const command of ['grade', 'refund']) {
          const run = mib(command, '95', '--policy', policy, ...args, ...(command === 'refund' ? ['--deposit', '10000'] : []));
          outputs.push(run.out, run.err);
        }
      }
    }
    const path = scratch('mib-plain-words-');
    const jiangbei = writeCsv(path('jiangbei.csv'), [
      { 机构编码: 'J0', 机构名称: '甲医院', '公立/民营': '公立', 质量保证金: 10000, '15.1': '是' },
      { 机构编码: 'J1', 机构名称: '乙医院', '公立/民营': '民营', 质量保证金: 10000 },
      { 机构编码: 'J2', 机构名称: '丙医院' },
    ]);
    const weihai = writeCsv(path('weihai.csv'), [
      { 机构编码: 'R0', 机构名称: '甲医院', 质量保证金: 10000, 降档: 1, '30.2': '-1%' },
      { 机构编码: 'R1', 机构名称: '乙医院', 质量保证金: 10000, '30.2': '0%' },
    ]);
    for (const args of [
      ['cq-jiangbei-2025-hospital', '--input', jiangbei, '--policy', 'cq-jiangbei-2025'],
      ['cq-jiangbei-2025-hospital', '--input', jiangbei, '--policy', 'jilin-2025'],
      ['weihai-2021-hospital-l2', '--input', weihai, '--policy', 'jilin-2025', '--convert'],
      ['weihai-2021-hospital-l2', '--input', weihai],
    ]) {
      const run = await mibOnDisk('roster', ...args);
      expect(run.code).toBe(0);
      // the report's opening line names the input file, which is the user's own path
      outputs.push(
        run.out
          .split('\n')
          .filter((line) => !line.includes(path('')))
          .join('\n'),
      );
    }
    expect(outputs.filter((o) => o.includes('口径说明')).length).toBeGreaterThan(20);
    // the lines a clerk reads (the first line of a refused command is the refusal, said in its own words)
    expect(offenders(outputs.flatMap((o) => o.split('\n')))).toEqual([]);
    const json = JSON.parse(mib('score', 'cq-jiangbei-2025-hospital', '--input', 'veto.json', '--policy', 'cq-jiangbei-2025', '--json').out);
    expect(json.readings.map((r: Reading) => r.id)).toEqual(
      expect.arrayContaining(['partialSteps', 'unpricedClauses', 'boundaryReading', 'ownership', 'veto']),
    );
  });
});
