// A region's own table and policy drawn at random, field by field as the schemas (src/core/schema.ts,
// src/core/policy/schema.ts) allow them, for the features × faces property (issue 19): every clause kind,
// peer declarations, appliesTo, unpriced clauses, bonus items, the table's reading options; every veto
// effect with and without a grade, refund tiers of every kind, both fraction and rounding options,
// extraWithholding, downgrade, composite and special cases. A pair is kept only when `mib check`'s own code
// passes both files (checkFile), and `ownCaseOf` draws the facts and the per-assessment options for it.
import fc from 'fast-check';
import { checkFile, type Policy, PolicySchema, type Rubric, RubricSchema, specialCaseKinds, specialCaseLabels } from '../../src/core';
import { peerClauses } from '../../src/core/roster';
import { factsOf } from './randomFacts';

/**
 * The one switch for the seams other branches are fixing (issue 19). While it is on, drawn pairs avoid:
 * - `extraWithholdingTemplate` (a): a policy with extraWithholding makes `mib template` crash on a merge at row 10;
 * - `vetoEffectOwner` (b): a policy veto that sets or caps the score at a number other than 0, against the
 *   table's own veto (score 0): two places decide a veto's consequence;
 * - `setScoreWithoutGrade` (c): setScore with no grade lifts a failing score;
 * - `scaleBonusPairing` (d): a table whose bonus exceeds the policy's is refused as "分制不同";
 * - `rosterCircumstances` (found here): a roster has no 扣减情形 column, so a roster (and `mib collect`'s
 *   roster) cannot apply extraWithholding (test/agreement/ownSeams.test.ts).
 * Turning it off after the merges is this one edit.
 */
export const AVOID_KNOWN_SEAMS = true;

export const OWN_RUBRIC_ID = 'own-drawn-table';
export const OWN_POLICY_ID = 'own-drawn-policy';

type Json = Record<string, unknown>;

// --- clause pieces -----------------------------------------------------------------------------------

const text = (what: string) => fc.constant(`${what}（原文）`);

/** The fields every clause carries: its text, maybe a note, appliesTo 公立, or unpriced. */
const clauseBase = (what: string) =>
  fc.record(
    {
      text: text(what),
      note: fc.constant(`${what}的口径说明`),
      appliesTo: fc.constant({ ownership: 'public', text: '（公立医疗机构）' }),
      unpriced: fc.constant(true),
      $comment: fc.constant('编写者的说明'),
    },
    { requiredKeys: ['text'] },
  );

const small = fc.constantFrom(0.1, 0.25, 0.5, 1, 2, 3, 5);
const ratioBound = fc.constantFrom(0, 0.05, 0.1, 0.2, 0.5, 0.8, 0.9, 0.95, 1);
const signedBound = fc.constantFrom(-0.02, -0.01, 0, 0.01, 0.02, 0.1);
const op = fc.constantFrom('<', '<=', '>', '>=', '=');
const effect = fc.constantFrom('deduct', 'earn');
type Ids = () => string;

/** An input spec of a type; numbers in [0, 100]. */
function input(id: string, type: string, extra: Json = {}): Json {
  return { id, type, label: `事实${id}`, ...(type === 'number' && { min: 0, max: 100, unit: '分' }), ...extra };
}

/** A bound for an input of that type. */
const boundOf = (type: string) => (type === 'ratio' ? ratioBound : type === 'signedRatio' ? signedBound : fc.constantFrom(0, 50, 60, 90, 100));
const measuredType = fc.constantFrom('ratio', 'signedRatio', 'number');

/** Each clause kind, as an arbitrary of its JSON for an item worth `points` (null: a veto-only item). */
const kinds = {
  veto: (id: Ids) => fc.tuple(clauseBase('否决')).map(([base]) => ({ kind: 'veto', ...base, input: input(id(), 'boolean') })),
  perOccurrence: (id: Ids, points: number) =>
    fc
      .record({
        effect,
        points: small,
        cap: fc.option(fc.constantFrom(1, 2, points), { nil: undefined }),
        max: fc.option(fc.constantFrom(5, 30), { nil: undefined }),
        base: clauseBase('每次扣分'),
      })
      .map(({ max, base, cap, ...r }) => ({
        kind: 'perOccurrence',
        ...r,
        ...(cap !== undefined && { cap }),
        ...base,
        input: input(id(), 'count', max === undefined ? { unit: '次' } : { max }),
      })),
  condition: (id: Ids, points: number) =>
    fc
      .record({ effect, points: fc.constantFrom<number | 'all'>('all', points, Math.min(points, 2), points / 2), base: clauseBase('条件') })
      .map(({ base, ...r }) => ({ kind: 'condition', ...r, ...base, input: input(id(), 'boolean') })),
  discretionary: (id: Ids, points: number) =>
    fc
      .record({
        effect,
        range: fc.constantFrom([0.5, 1], [1, 2], [0, points], [points / 4, points / 2]),
        perOccurrence: fc.boolean(),
        cap: fc.option(fc.constantFrom(points, 3), { nil: undefined }),
        base: clauseBase('酌情扣分'),
      })
      .map(({ range: [min, max], base, cap, ...r }) => ({
        kind: 'discretionary',
        ...r,
        min,
        max,
        ...(cap !== undefined && { cap }),
        ...base,
        input: input(id(), 'points'),
      })),
  threshold: (id: Ids, points: number) =>
    measuredType.chain((type) =>
      fc
        .record({
          when: fc.record({ op, value: boundOf(type) }),
          effect,
          points: fc.constantFrom<number | 'all'>('all', points, Math.min(1, points)),
          otherReading: fc.option(
            op.map((o) => ({ op: o, text: '指标释义的另一种写法' })),
            { nil: undefined },
          ),
          base: clauseBase('界限'),
        })
        .map(({ base, otherReading, ...r }) => ({
          kind: 'threshold',
          ...r,
          ...(otherReading && { otherReading }),
          ...base,
          input: input(id(), type),
        })),
    ),
  allOf: (id: Ids, points: number) =>
    fc.array(fc.constantFrom('ratio', 'number', 'boolean'), { minLength: 2, maxLength: 3 }).chain((types) =>
      fc
        .tuple(
          fc.tuple(...types.map((t) => (t === 'boolean' ? fc.constant(undefined) : fc.record({ op, value: boundOf(t) })))),
          clauseBase('同时达到'),
        )
        .map(([conds, base]) => ({
          kind: 'allOf',
          points,
          ...base,
          parts: types.map((t, i) => ({ input: input(id(), t), ...conds[i] })),
        })),
    ),
  proportional: (id: Ids, points: number) =>
    fc
      .record({ number: fc.boolean(), sample: fc.boolean(), notSampled: fc.boolean(), base: clauseBase('按比例') })
      .map(({ number, sample, notSampled, base }) => ({
        kind: 'proportional',
        scale: number ? 100 : 1,
        points,
        ...base,
        input: input(id(), number ? 'number' : 'ratio'),
        ...(sample && {
          sampleFactor: {
            input: input(id(), 'ratio'),
            bands: [
              { min: 0.15, factor: 1 },
              { min: 0.1, factor: 0.5 },
            ],
          },
        }),
        ...(notSampled && { notSampled: { input: input(id(), 'boolean') } }),
      })),
  linear: (id: Ids, points: number, role: 'deduct' | 'earn') =>
    fc
      .record({
        type: fc.constantFrom('ratio', 'signedRatio', 'number'),
        reference: fc.constantFrom(0, 0.2, 1),
        direction: fc.constantFrom('above', 'below'),
        step: fc.constantFrom(0.01, 0.1),
        pointsPerStep: fc.constantFrom(0.5, 1, 2),
        cap: fc.option(fc.constantFrom(points, 5), { nil: undefined }),
        peer: fc.option(fc.constantFrom({ kind: 'lowBand', measure: '自费率' }, { kind: 'lowBand', measure: '占比', printed: true }), {
          nil: undefined,
        }),
        base: clauseBase('每高于一步'),
      })
      .map(({ type, cap, peer, base, ...r }) => ({
        kind: 'linear',
        effect: role,
        ...r,
        // a number (0–100) counts from 60 in steps of 1 or 10
        ...(type === 'number' && { reference: 60, step: r.step * 100 }),
        ...(role === 'earn' ? { base: points } : cap !== undefined && { cap }),
        ...(peer && { peer }),
        ...base,
        input: input(id(), type),
      })),
  band: (id: Ids, points: number) =>
    fc.record({ n: fc.integer({ min: 2, max: 4 }), peer: fc.boolean(), base: clauseBase('区间') }).map(({ n, peer, base }) => ({
      kind: 'band',
      deductions: Array.from({ length: n }, (_, i) => (points * i) / (n - 1)),
      cutPoints: '从低到高平均划分区间',
      ...(peer && { peer: { kind: 'intervals', measure: '增长率' } }),
      ...base,
      input: input(id(), 'band', { options: Array.from({ length: n }, (_, i) => `第${i + 1}区间`) }),
    })),
  choice: (id: Ids, points: number) =>
    fc
      .record({
        n: fc.integer({ min: 2, max: 4 }),
        percentOf: fc.boolean(),
        peer: fc.constantFrom('none', 'tiers', 'tiersFail'),
        base: clauseBase('选项'),
      })
      .map(({ n, percentOf, peer, base }) => {
        const shares = peer === 'tiersFail' ? n - 1 : n;
        return {
          kind: 'choice',
          points: Array.from({ length: n }, (_, i) => (points * (n - 1 - i)) / (n - 1)),
          ...(percentOf && { percentOf: { input: input(id(), 'number'), points } }),
          ...(peer !== 'none' &&
            shares >= 2 && {
              peer: {
                kind: 'tiers',
                measure: '得分',
                shares: Array.from({ length: shares }, () => 1 / shares),
                ...(peer === 'tiersFail' && { fail: '不合格' }),
              },
            }),
          ...base,
          input: input(id(), 'choice', {
            options: Array.from({ length: n }, (_, i) => (peer === 'tiersFail' && i === n - 1 ? '不合格' : `第${i + 1}档`)),
          }),
        };
      }),
  rankTop: (id: Ids, points: number) =>
    fc
      .record({
        top: fc.integer({ min: 1, max: 5 }),
        peer: fc.option(fc.constantFrom('descending', 'ascending'), { nil: undefined }),
        base: clauseBase('排名'),
      })
      .map(({ top, peer, base }) => ({
        kind: 'rankTop',
        top,
        points,
        ...(peer && { peer: { kind: 'ranking', measure: '办理量', order: peer } }),
        ...base,
        input: input(id(), 'rank'),
      })),
  table: (id: Ids, points: number) =>
    measuredType.chain((type) =>
      fc
        .record({
          rows: fc.array(fc.record({ op, value: boundOf(type), share: fc.constantFrom(1, 0.5, 0.7) }), { minLength: 1, maxLength: 3 }),
          base: clauseBase('分档'),
        })
        .map(({ rows, base }) => ({
          kind: 'table',
          rows: rows.map(({ share, ...r }) => ({ ...r, points: points * share })),
          otherwise: 0,
          ...base,
          input: input(id(), type),
        })),
    ),
  manual: (id: Ids, points: number) =>
    clauseBase('审核人评分').map((base) => ({ kind: 'manual', ...base, input: input(id(), 'points', { max: points }) })),
};

const bestOf = (id: Ids, points: number) =>
  fc.tuple(fc.array(fc.constantFrom('linear', 'table', 'threshold'), { minLength: 2, maxLength: 3 }), fc.constant(null)).chain(([methods]) =>
    fc
      .tuple(
        ...methods.map((m) =>
          m === 'linear'
            ? kinds.linear(id, points, 'earn')
            : m === 'table'
              ? kinds.table(id, points)
              : kinds.threshold(id, points).map((t) => ({ ...t, effect: 'earn' })),
        ),
        clauseBase('按高分计'),
      )
      .map((drawn) => {
        const base = drawn.pop() as Json;
        return { kind: 'bestOf', ...base, methods: drawn as Json[] };
      }),
  );

const deductKinds = ['perOccurrence', 'condition', 'discretionary', 'threshold', 'linear', 'band'] as const;
const earnKinds = [
  'perOccurrence',
  'condition',
  'discretionary',
  'threshold',
  'allOf',
  'proportional',
  'linear',
  'choice',
  'rankTop',
  'table',
  'bestOf',
  'manual',
] as const;

function clause(kind: string, id: Ids, points: number, role: 'deduct' | 'earn'): fc.Arbitrary<Json> {
  switch (kind) {
    case 'bestOf':
      return bestOf(id, points);
    case 'linear':
      return kinds.linear(id, points, role);
    case 'perOccurrence':
    case 'condition':
    case 'discretionary':
    case 'threshold':
      return (kinds[kind](id, points) as fc.Arbitrary<Json>).map((c) => ({ ...c, effect: role }));
    default:
      return kinds[kind as 'band'](id, points) as fc.Arbitrary<Json>;
  }
}

// --- items and the table -------------------------------------------------------------------------------

const itemPoints = fc.constantFrom(2, 3, 5, 8, 10, 12.5, 15, 20);

function item(no: string): fc.Arbitrary<Json> {
  let n = 0;
  const id = () => `${no}.${++n}`;
  return fc
    .record({
      shape: fc.constantFrom('vetoOnly', 'deduct', 'deduct', 'earn', 'earn', 'bonus'),
      points: itemPoints,
      veto: fc.boolean(),
      kinds: fc.array(fc.nat(), { minLength: 1, maxLength: 2 }),
      printed: fc.record(
        {
          $comment: fc.constant('编写者的说明'),
          code: fc.constantFrom('A', 'B', 'C').map((letter) => `${letter}${no}`),
          assessment: fc.constant('现场检查'),
          departments: fc.constant('医保科'),
          remarks: fc.constant('备注'),
          reportRows: fc.constant(['职工医保（万元）']),
        },
        { requiredKeys: [] },
      ),
    })
    .chain(({ shape, points, veto, kinds: picks, printed }): fc.Arbitrary<Json> => {
      n = 0;
      const base = { no, section: '协议履行情况', indicator: `指标${no}`, definition: `释义${no}`, method: `计分方法${no}`, ...printed };
      if (shape === 'vetoOnly') return kinds.veto(id).map((rule) => ({ ...base, category: '否决项', points: null, rules: [rule] }));
      const role = shape === 'deduct' ? 'deduct' : 'earn';
      const list = role === 'deduct' ? deductKinds : earnKinds;
      const clauses = picks.map((p) => clause(list[p % list.length]!, id, points, role));
      return fc.tuple(veto && shape === 'deduct' ? kinds.veto(id).map((v) => [v]) : fc.constant([]), ...clauses).map(([vetoes, ...rules]) => ({
        ...base,
        category: shape === 'bonus' ? '加分项' : role === 'deduct' ? (vetoes.length ? '否决项/扣分项' : '扣分项') : '得分项',
        points,
        ...(shape === 'bonus' && { bonus: true }),
        rules: [...vetoes, ...rules],
      }));
    });
}

export const ownRubricJson: fc.Arbitrary<Json> = fc
  .record({
    count: fc.integer({ min: 1, max: 6 }),
    layout: fc.constantFrom('jiangbei', 'weihai', undefined),
    partialSteps: fc.constantFrom('proportional', 'whole', undefined),
    unpricedClauses: fc.constantFrom('record', 'score', undefined),
    boundaryReading: fc.constantFrom('method', 'definition', undefined),
    notes: fc.option(fc.constant(['本表的口径说明']), { nil: undefined }),
    bonusCap: fc.option(fc.constantFrom(1, 5), { nil: undefined }),
    institution: fc.constantFrom('hospital', 'pharmacy'),
    $comment: fc.option(fc.constant('编写者的说明'), { nil: undefined }),
    footer: fc.boolean(),
    sectionPoints: fc.boolean(),
  })
  .chain(({ count, footer, sectionPoints, ...options }) =>
    fc.tuple(...Array.from({ length: count }, (_, i) => item(String(i + 1)))).map((items) => {
      const total = items.reduce((sum, i) => sum + (i.bonus || i.points === null ? 0 : (i.points as number)), 0);
      const bonus = items.some((i) => i.bonus);
      const bonusTotal = items.reduce((sum, i) => sum + (i.bonus ? (i.points as number) : 0), 0);
      const letters: Record<string, number> = {};
      for (const i of items) if (typeof i.code === 'string') letters[i.code[0]!] = (letters[i.code[0]!] ?? 0) + 1;
      return {
        kind: 'rubric',
        id: OWN_RUBRIC_ID,
        title: '某县2026年定点医疗机构考核表',
        region: '某县',
        year: 2026,
        provenance: {
          issuer: '某县医疗保障事务中心',
          documentNumber: '某医保发〔2026〕9号',
          attachment: '附件1',
          title: '考核通知',
          date: '2026-01-10',
        },
        total: total > 0 ? total : 10,
        sections: [{ name: '协议履行情况', ...(sectionPoints && { points: total }) }],
        ...(footer && { footer: { text: '表尾说明', categoryCounts: letters, bonusTotal } }),
        vetoEffect: 'zero',
        items,
        ...Object.fromEntries(Object.entries(options).filter(([k, v]) => v !== undefined && (k !== 'bonusCap' || bonus))),
      };
    }),
  );

// --- the policy ------------------------------------------------------------------------------------------

const LABELS = ['优秀', '良好', '合格', '基本合格', '不合格'];

const refundTier = (cut: number | undefined) =>
  fc.oneof(
    { depthSize: 'small' },
    fc.constant({ kind: 'full', text: '全额返还' }),
    fc.constant({ kind: 'none', text: '不予返还' }),
    fc
      .record({ base: fc.constant(cut ?? 90), ratePerPoint: fc.constantFrom(0.01, 0.02, 0.025, 0.03, 0.04) })
      .map((r) => ({ kind: 'perPointBelow', ...r, text: '每低1分扣除' })),
    fc.constantFrom(0, 0.1, 0.2, 0.25, 0.4, 0.6).map((ratio) => ({ kind: 'withhold', ratio, text: `扣除${ratio * 100}%` })),
  );

/** A policy on `points` (the table's total, or 100 for a 折算 pairing): 2–5 bands tiling [0, points]. */
export function ownPolicyJson(points: number): fc.Arbitrary<Json> {
  return fc
    .record({
      cuts: fc
        .uniqueArray(fc.integer({ min: 1, max: 19 }), { minLength: 1, maxLength: 4 })
        .map((cs) => cs.sort((a, b) => b - a).map((c) => (c * points) / 20)),
      bonus: fc.constantFrom(0, 0, 5, 10),
      refund: fc.option(
        fc.record({
          fractionalPoints: fc.constantFrom('proportional', 'whole', 'started'),
          ratioRounding: fc.constantFrom('percent-2', 'fraction-2', 'none'),
        }),
        { nil: undefined },
      ),
      veto: fc.record({
        effect: fc.constantFrom('fail', 'setScore', 'capScore', undefined),
        grade: fc.boolean(),
        score: fc.constantFrom(0, 0, points * 0.6),
      }),
      extra: fc.uniqueArray(fc.constantFrom(['挂牌督办', 0.1], ['约谈', 0.05], ['通报', 0.2]), { maxLength: 3, selector: ([n]) => n }),
      downgrade: fc.option(fc.constantFrom('grade', 'score'), { nil: undefined }),
      composite: fc.boolean(),
      special: fc.subarray([...specialCaseKinds]),
      notes: fc.boolean(),
      institution: fc.constantFrom('hospital', 'pharmacy', 'any'),
      printed: fc.boolean(),
    })
    .chain((drawn) =>
      fc.tuple(...drawn.cuts.map((c) => refundTier(c)), refundTier(undefined)).map((tiers) => {
        const labels = LABELS.slice(LABELS.length - drawn.cuts.length - 1);
        const grades = labels.map((label, i) => ({
          label,
          ...(i < drawn.cuts.length && { min: drawn.cuts[i] }),
          ...(i > 0 && { max: drawn.cuts[i - 1] }),
          text: `${label}的分数线`,
          ...(drawn.printed && { $comment: '编写者的说明' }),
          ...(drawn.refund && { refund: i === 0 ? { kind: 'full', text: '全额返还' } : tiers[i] }),
          ...(i === labels.length - 1 && { agreementEnds: true, consequences: ['终止协议'] }),
          ...(i === 0 && { budgetGrowthBonus: 0.01 }),
        }));
        const { effect: vetoEffect, grade, score } = drawn.veto;
        const veto = {
          ...(vetoEffect && { effect: vetoEffect }),
          // mib check: a veto's grade is the lowest
          ...((vetoEffect === 'fail' || vetoEffect === undefined || grade) && { grade: labels[labels.length - 1]! }),
          ...(vetoEffect !== 'fail' && (vetoEffect !== undefined || !grade) && { score }),
          text: '存在否决项的处理',
          ...(drawn.printed && { consequences: ['按照医保服务协议相关规定进行严肃处理'] }),
        };
        return {
          kind: 'policy',
          id: OWN_POLICY_ID,
          title: '某县考核结果运用办法',
          region: '某县',
          institution: drawn.institution,
          provenance: {
            issuer: '某县医疗保障局',
            documentNumber: '某医保发〔2026〕10号',
            title: '考核办法',
            date: '2026-01-15',
            ...(drawn.printed && { articles: '第五条至第八条' }),
          },
          ...(drawn.printed && { $comment: '编写者的说明' }),
          scale: { points, bonus: drawn.bonus, text: '考核实行百分制' },
          grades,
          veto,
          ...(drawn.refund && { refund: { ...drawn.refund, ...(drawn.printed && { text: '质量保证金按等次返还' }) } }),
          ...(drawn.extra.length > 0 && { extraWithholding: drawn.extra.map(([name, ratio]) => ({ name, ratio, text: `${name}的，再扣除` })) }),
          ...(drawn.downgrade && { downgrade: { reasons: [{ steps: 1, text: '降一档的情形' }], refundFollows: drawn.downgrade } }),
          ...(drawn.composite && { composite: { own: 0.7, subordinates: 0.3, text: '含下属机构的按70%与30%计' } }),
          ...(drawn.special.length > 0 && {
            specialCases: Object.fromEntries(
              drawn.special.map((k) => [
                k,
                k === 'requestedTerminationWithViolations' ? { lowestOfGrade: labels[labels.length - 2]!, text: '原文' } : { text: '原文' },
              ]),
            ),
          }),
          ...(drawn.notes && { notes: ['政策的口径说明'] }),
        };
      }),
    );
}

// --- the pair, kept when mib check passes both ------------------------------------------------------------

const passes = (json: unknown) => checkFile(json).errors.length === 0;

/** The bonus a table allows (its bonus items, within bonusCap): what a policy must allow under seam (d). */
function tableBonus(rubric: Json): number {
  const sum = (rubric.items as Json[]).filter((i) => i.bonus).reduce((s, i) => s + (i.points as number), 0);
  return Math.min(sum, (rubric.bonusCap as number | undefined) ?? Infinity);
}

/** The known seams avoided (see AVOID_KNOWN_SEAMS): the files changed so that they do not arise. */
function avoidingKnownSeams(rubric: Json, policy: Json): Json {
  if (!AVOID_KNOWN_SEAMS) return policy;
  const { extraWithholding: _extra, ...rest } = policy; // (a) and rosterCircumstances
  const veto = { ...(rest.veto as Json) };
  // (b), (c): a veto that sets or caps the score does so at 0, as the table's own veto does
  if (veto.score !== undefined) veto.score = 0;
  const scale = rest.scale as { points: number; bonus: number };
  const bonus = (tableBonus(rubric) * scale.points) / (rubric.total as number);
  return { ...rest, veto, scale: { ...scale, bonus: Math.max(scale.bonus, Math.ceil(bonus)) } }; // (d)
}

export interface OwnPair {
  rubricJson: Json;
  policyJson: Json;
  rubric: Rubric;
  policy: Policy;
}

export const ownPair: fc.Arbitrary<OwnPair> = ownRubricJson
  .chain((rubricJson) =>
    fc
      .boolean()
      .chain((convert) => ownPolicyJson(convert ? 100 : (rubricJson.total as number)))
      .map((policyJson) => ({ rubricJson, policyJson: avoidingKnownSeams(rubricJson, policyJson) })),
  )
  .filter(({ rubricJson, policyJson }) => passes(rubricJson) && passes(policyJson))
  .map(({ rubricJson, policyJson }) => ({ rubricJson, policyJson, rubric: RubricSchema.parse(rubricJson), policy: PolicySchema.parse(policyJson) }));

// --- one assessment: facts and the per-assessment options -------------------------------------------------

export interface OwnCase extends OwnPair {
  facts: Record<string, unknown>;
  /** the other institutions of a many-row roster */
  others: Record<string, unknown>[];
  /** per roster row (the case's first, then the others'), the measure in each peer clause's column */
  measures: Record<string, number>[];
  ownership?: '公立' | '民营';
  circumstances: string[];
  downgrade: number;
  specialCase?: string;
  complete: boolean;
  deposit: string;
}

/** A peer clause's raw measure: a rank's 办理量 as a whole number, any other as a share in [0, 1]. */
function measuresOf(rubric: Rubric): fc.Arbitrary<Record<string, number>> {
  const shape: Record<string, fc.Arbitrary<number>> = {};
  for (const clause of peerClauses(rubric))
    shape[clause.inputId] = clause.peer.kind === 'ranking' ? fc.integer({ min: 0, max: 1000 }) : fc.integer({ min: 0, max: 100 }).map((n) => n / 100);
  return fc.record(shape);
}

const withoutBlanks = (facts: Record<string, unknown>) => Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined));

export const ownCase: fc.Arbitrary<OwnCase> = ownPair.chain((pair) =>
  fc
    .record({
      facts: factsOf(pair.rubric).map(withoutBlanks),
      others: fc.array(factsOf(pair.rubric).map(withoutBlanks), { minLength: 2, maxLength: 4 }),
      measures: fc.array(measuresOf(pair.rubric), { minLength: 5, maxLength: 5 }),
      ownership: fc.constantFrom<'公立' | '民营' | undefined>('公立', '民营', undefined),
      circumstances: fc.subarray((pair.policy.extraWithholding ?? []).map((c) => c.name)),
      downgrade: pair.policy.downgrade ? fc.constantFrom(0, 0, 1) : fc.constant(0),
      // a special case under a policy without refund rules: mib score --deposit refuses it (noted in the report)
      specialCase: pair.policy.refund
        ? fc.option(fc.constantFrom(...Object.keys(pair.policy.specialCases ?? { none: 1 })), { nil: undefined, freq: 4 })
        : fc.constant(undefined),
      complete: fc.boolean(),
      deposit: fc.constantFrom('123456.78', '50000', '10000.01'),
    })
    .map(({ specialCase, ...drawn }) => {
      const c: OwnCase = {
        ...pair,
        ...drawn,
        ...(specialCase && specialCase !== 'none' && { specialCase: specialCaseLabels[specialCase as keyof typeof specialCaseLabels].name }),
      };
      // a counterexample prints as the files and facts a regression case is written from
      return Object.assign(c, { [fc.toStringMethod]: () => caseText(c) });
    }),
);

/** A case as the JSON a named regression case copies: the two files, the facts and the options. */
export function caseText(c: OwnCase): string {
  const { rubric: _r, policy: _p, ...rest } = c;
  return JSON.stringify(rest);
}

/** A named regression case: a small fixed table and policy (completed with the drawn files' fixed fields),
 * its facts and options, in the form the faces take. */
export function fixedCase(
  items: Json[],
  policy: Json,
  facts: Record<string, unknown>,
  options: Partial<Pick<OwnCase, 'ownership' | 'circumstances' | 'downgrade' | 'specialCase' | 'complete' | 'deposit'>> & { table?: Json } = {},
): OwnCase {
  const { table, ...rest } = options;
  const total = items.reduce((sum, i) => sum + (i.bonus || i.points === null ? 0 : (i.points as number)), 0);
  const rubricJson = {
    kind: 'rubric',
    id: OWN_RUBRIC_ID,
    title: '某县2026年定点医疗机构考核表',
    region: '某县',
    year: 2026,
    institution: 'hospital',
    provenance: { issuer: '某县医疗保障事务中心', documentNumber: '某医保发〔2026〕9号', attachment: '附件1', title: '考核通知', date: '2026-01-10' },
    total,
    sections: [{ name: '协议履行情况' }],
    vetoEffect: 'zero',
    items: items.map((item) => ({
      section: '协议履行情况',
      indicator: `指标${item.no}`,
      definition: `释义${item.no}`,
      method: `计分方法${item.no}`,
      ...item,
    })),
    ...table,
  };
  const policyJson = {
    kind: 'policy',
    id: OWN_POLICY_ID,
    title: '某县考核结果运用办法',
    region: '某县',
    institution: 'any',
    provenance: { issuer: '某县医疗保障局', documentNumber: '某医保发〔2026〕10号', title: '考核办法', date: '2026-01-15' },
    scale: { points: total, bonus: 0, text: '考核实行百分制' },
    veto: { grade: '不合格', score: 0, text: '存在否决项的处理' },
    ...policy,
  };
  for (const [what, json] of [
    ['table', rubricJson],
    ['policy', policyJson],
  ] as const) {
    const errors = checkFile(json).errors;
    if (errors.length > 0) throw new Error(`the ${what} of a regression case fails mib check: ${errors.map((e) => e.message).join('；')}`);
  }
  return {
    rubricJson,
    policyJson,
    rubric: RubricSchema.parse(rubricJson),
    policy: PolicySchema.parse(policyJson),
    facts,
    others: [],
    measures: [],
    circumstances: [],
    downgrade: 0,
    complete: true,
    deposit: '100000',
    ...rest,
  };
}
