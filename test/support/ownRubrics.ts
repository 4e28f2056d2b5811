// A region's own table drawn at random, field by field as src/core/files/schema.ts allows it: every clause kind
// (src/core/rules), peer declarations, appliesTo, unpriced clauses, notes, bonus items and bonusCap, item
// codes and the printed columns, the footer, the table's reading options. Used by ownFiles.ts, which pairs
// it with a policy and keeps the pairs `mib check` passes.
import fc from 'fast-check';

export const OWN_RUBRIC_ID = 'own-drawn-table';

export type Json = Record<string, unknown>;
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
    fc
      .record({
        n: fc.integer({ min: 2, max: 4 }),
        peer: fc.boolean(),
        trimmedHigh: fc.boolean(),
        fundGrowth: fc.boolean(),
        base: clauseBase('区间'),
      })
      .map(({ n, peer, trimmedHigh, fundGrowth, base }) => ({
        kind: 'band',
        deductions: Array.from({ length: n }, (_, i) => (points * i) / (n - 1)),
        cutPoints: '从低到高平均划分区间',
        // 威海 A5: "过高的增长率参照第三区间评分" (an interval the table names), "第一区间最低值不应大于…基金收入增长幅度"
        ...(peer && {
          peer: {
            kind: 'intervals',
            measure: '增长率',
            ...(trimmedHigh && { trimmedHighInterval: Math.max(1, n - 1) }),
            ...(fundGrowth && { fundGrowthBound: true }),
          },
        }),
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
