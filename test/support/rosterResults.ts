// Hand-made scored rosters (RosterResult) for the roster workbook's tests and bench, built without the
// core's scoreRoster: a small 威海 二级 roster graded under 吉林's policy (折算 to 百分制) whose summary is
// worked out by hand, 吉林 第十一条 composite rows, and a generated roster of any size.
import { D, type Dec } from '../../src/core/numbers/decimal';
import type { Problem } from '../../src/core/messages/errors';
import { getPolicy, getRubric } from '../../src/core/files/registry';
import { SUBORDINATE_TEXT } from '../../src/core/roster/composite';
import { rosterReadings } from '../../src/core/roster/readings';
import { defaultPeerOptions } from '../../src/core/roster/peer/options';
import type { PeerGroupResult, PeerReading, RosterInstitution, RosterResult, RosterRowResult } from '../../src/core/roster/types';

const d = (value: number | string) => new D(value);

/** The readings scoreRoster would list for these rows (rosterReadings). */
function withReadings(result: Omit<RosterResult, 'readings'>): RosterResult {
  const policy = result.policyId === undefined ? undefined : getPolicy(result.policyId);
  return { ...result, readings: rosterReadings(getRubric(result.rubricId), policy, result.institutions) };
}
const problem = (field: string, message: string): Problem => ({ field, message, messageEn: message });

interface RowSpec {
  institution: Partial<RosterInstitution> & { code: string; name: string };
  total: number;
  ownTotal?: number;
  grade?: string;
  gradeText?: string;
  status?: RosterRowResult['status'];
  refund?: number;
  vetoItems?: string[];
  invalid?: Problem[];
  missing?: string[];
  problems?: Problem[];
  peer?: PeerReading[];
  selfDifference?: number;
  tableTotal?: number;
  depositState?: RosterRowResult['depositState'];
}

/** Where the row's deposit is counted, as scoreRoster decides it for rows like these (depositStateOf). */
function depositState(spec: RowSpec): RosterRowResult['depositState'] {
  if (spec.institution.deposit === undefined) return undefined;
  if (spec.depositState) return spec.depositState;
  if (spec.gradeText === SUBORDINATE_TEXT) return 'subordinate';
  if (spec.status === 'withheld' || spec.status === 'provisional') return spec.status;
  return spec.refund === undefined ? 'unprescribed' : 'settled';
}

/** A row whose item scores take away from each item's points what the total is short of the table's. */
export function rosterRow(spec: RowSpec, rubricId = 'weihai-2021-hospital-l2', index = 0): RosterRowResult {
  const rubric = getRubric(rubricId);
  const items = rubric.items.map((item, i) => ({
    id: item.no,
    ...(item.code && { code: item.code }),
    score: d(item.points === null ? 0 : Math.max(0, item.points - ((i + index) % 3))),
    overCap: d(0),
  }));
  const state = depositState(spec);
  return {
    institution: { row: index, facts: {}, ...spec.institution },
    total: d(spec.total),
    ...(spec.ownTotal !== undefined && { ownTotal: d(spec.ownTotal) }),
    ...(spec.grade !== undefined && { grade: spec.grade }),
    gradeText: spec.gradeText ?? spec.grade ?? '',
    ...(spec.status !== undefined && { status: spec.status }),
    ...(spec.refund !== undefined && { refund: d(spec.refund) }),
    vetoItems: spec.vetoItems ?? [],
    items,
    peer: spec.peer ?? [],
    overCap: d(0),
    invalid: spec.invalid ?? [],
    missing: spec.missing ?? [],
    ...(spec.tableTotal !== undefined && { tableTotal: d(spec.tableTotal) }),
    ...(spec.selfDifference !== undefined && { selfDifference: d(spec.selfDifference) }),
    ...(state && { depositState: state }),
    problems: spec.problems ?? [],
  };
}

const reading = (
  inputId: string,
  itemNo: string,
  code: string,
  group: string,
  measure: number | undefined,
  value: number | undefined,
): PeerReading => ({
  inputId,
  itemNo,
  code,
  group,
  ...(measure !== undefined && { measure: d(measure) }),
  ...(value !== undefined && { value }),
  line: `${code} 测量值 ${measure ?? '空'} → ${value ?? '空'}`,
});

/**
 * Six 威海 二级 institutions in two peer groups (二级, 三级) under jilin-2025: 优 ×2, 良 (暂评), 不合格 (a
 * veto), 合格, and one withheld (an invalid fact). A3.1 (27.1) in equal-width intervals per group; A2.1 (26.1)
 * a low band. The summary is worked by hand from the rows.
 */
export function weihaiSmallRoster(): RosterResult {
  const a3 = (group: string, measure: number | undefined, value: number | undefined) => reading('27.1', '27', 'A3', group, measure, value);
  const a2 = (group: string, measure: number, value: number) => reading('26.1', '26', 'A2', group, measure, value);
  const rows: RowSpec[] = [
    {
      institution: { code: '0371001', name: '市立医院', level: '二级', ownership: 'public', deposit: d(100000) },
      total: 92.5,
      tableTotal: 735.375,
      grade: '优',
      refund: 100000,
      peer: [a2('二级', 0.12, 0), a3('二级', 0.05, 1)],
    },
    {
      institution: { code: '0371002', name: '第二医院', level: '二级', ownership: 'private', deposit: d(50000) },
      total: 85,
      tableTotal: 675.75,
      grade: '良',
      gradeText: '暂评 良（尚有 2 项未填）',
      status: 'provisional',
      refund: 45000,
      missing: ['3.1', '4.2'],
      peer: [a2('二级', 0.2, 0.02), a3('二级', 0.1, 1)],
    },
    {
      institution: { code: '0371003', name: '=HYPERLINK("x")', level: '二级', ownership: 'public', deposit: d(80000) },
      total: 0,
      tableTotal: 0,
      grade: '不合格',
      refund: 0,
      vetoItems: ['C21'],
      peer: [a2('二级', 0.3, 0.12), a3('二级', 0.2, 3)],
    },
    {
      institution: { code: '0371004', name: '中心医院', level: '三级', ownership: 'public', deposit: d(60000) },
      total: 71.3,
      tableTotal: 566.835,
      gradeText: '暂不评定（1 项无效）',
      status: 'withheld',
      invalid: [problem('27.1', '27.1（A3）填的“高”不是数字')],
      peer: [a2('三级', 0.1, 0), a3('三级', undefined, undefined)],
    },
    {
      institution: { code: '0371005', name: '人民医院', level: '三级', ownership: 'private', deposit: d(40000) },
      total: 78,
      tableTotal: 620.1,
      grade: '合格',
      refund: 25600,
      selfDifference: 2,
      peer: [a2('三级', 0.15, 0), a3('三级', 0.02, 1)],
    },
    {
      institution: { code: '0371006', name: '妇幼保健院', level: '三级', ownership: 'public' },
      total: 95.2,
      tableTotal: 756.84,
      grade: '优',
      problems: [problem('质量保证金', '第7行：质量保证金未填，不计返还')],
      peer: [a2('三级', 0.4, 0.25), a3('三级', 0.11, 3)],
    },
  ];
  const groups: PeerGroupResult[] = [
    group('26.1', '26', 'A2', '二级', 'lowBand', '低位区间：最低 20%', 3, [0.12]),
    group('26.1', '26', 'A2', '三级', 'lowBand', '低位区间：最低 20%', 3, [0.1]),
    group('27.1', '27', 'A3', '二级', 'intervals', '等宽区间，不剔除', 3, [0.1, 0.15]),
    group('27.1', '27', 'A3', '三级', 'intervals', '等宽区间，不剔除', 2, [0.05, 0.08]),
  ];
  return withReadings({
    rubricId: 'weihai-2021-hospital-l2',
    policyId: 'jilin-2025',
    options: defaultPeerOptions,
    institutions: rows.map((spec, i) => rosterRow(spec, 'weihai-2021-hospital-l2', i)),
    groups,
    summary: {
      institutions: 6,
      perGrade: [
        { label: '优', count: 2 },
        { label: '良', count: 1 },
        { label: '合格', count: 1 },
        { label: '基本合格', count: 0 },
        { label: '不合格', count: 1 },
      ],
      provisional: 1,
      withheld: 1,
      subordinates: 0,
      vetoes: 1,
      depositTotal: d(330000),
      // 100,000 + 0 + 25,600: the 暂评 row's 45,000 is not paid until its grade is confirmed
      refundPaid: d(125600),
      // 0 + 80,000 + 14,400: the sixth row has no deposit
      refundWithheld: d(94400),
      // 暂不评定 60,000, 暂评 50,000: 330,000 = 125,600 + 94,400 + 60,000 + 50,000
      deferred: { withheld: d(60000), provisional: d(50000), unprescribed: d(0), unstated: d(0), nextYear: d(0) },
      subordinateDeposits: d(0),
      rowsWithProblems: 2,
    },
    problems: [],
  });
}

function group(
  inputId: string,
  itemNo: string,
  code: string,
  name: string,
  kind: PeerGroupResult['kind'],
  readingText: string,
  count: number,
  cuts: number[],
): PeerGroupResult {
  return {
    inputId,
    itemNo,
    code,
    group: name,
    kind,
    reading: readingText,
    count,
    cutPoints: cuts.map(d),
    trimmedLow: 0,
    trimmedHigh: 0,
    lines: [`${code} ${name}：${count} 家`],
  };
}

/**
 * 吉林 第十一条: a parent scored 80 on its own, its two subordinates 70 and 90; its final score is
 * 0.7 × 80 + 0.3 × 80 = 80, 良 under jilin-2025, refund 100,000 × (1 − 10 × 2%) = 80,000. The
 * subordinates get no grade.
 */
export function jilinCompositeRoster(): RosterResult {
  const rubricId = 'cq-jiangbei-2025-hospital';
  const sub = (code: string, total: number, i: number) =>
    rosterRow(
      { institution: { code, name: `分院${code}`, parentCode: 'P001', deposit: d(10000) }, total, gradeText: '下属机构，不单独评定' },
      rubricId,
      i,
    );
  return withReadings({
    rubricId,
    policyId: 'jilin-2025',
    options: defaultPeerOptions,
    institutions: [
      rosterRow(
        { institution: { code: 'P001', name: '总院', deposit: d(100000) }, total: 80, ownTotal: 80, tableTotal: 80, grade: '良', refund: 80000 },
        rubricId,
        0,
      ),
      sub('S001', 70, 1),
      sub('S002', 90, 2),
    ],
    groups: [],
    summary: {
      institutions: 3,
      perGrade: ['优', '良', '合格', '基本合格', '不合格'].map((label) => ({ label, count: label === '良' ? 1 : 0 })),
      provisional: 0,
      withheld: 0,
      subordinates: 2,
      vetoes: 0,
      depositTotal: d(120000),
      refundPaid: d(80000),
      refundWithheld: d(20000),
      deferred: { withheld: d(0), provisional: d(0), unprescribed: d(0), unstated: d(0), nextYear: d(0) },
      subordinateDeposits: d(20000),
      rowsWithProblems: 0,
    },
    problems: [],
  });
}

/**
 * `count` 威海 二级 institutions, deterministic: scores spread over 600–795 on the table's scale, a grade
 * by 10-point band, deposits and refunds, A1–A6 peer readings with measures, every 50th row with a problem.
 * The summary is not worked out (the writer tests and the bench only need the rows).
 */
export function generatedWeihaiRoster(count: number): RosterResult {
  const rubric = getRubric('weihai-2021-hospital-l2');
  const peerIds = rubric.items
    .filter((item) => /^A[1-6]$/.test(item.code ?? ''))
    .flatMap((item) => item.rules.map((_, k) => ({ item, id: `${item.no}.${k + 1}` })));
  const labels = ['优', '良', '合格', '基本合格', '不合格'];
  const institutions: RosterRowResult[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const total = 600 + ((i * 37) % 196) + (i % 7) / 10;
    const grade = labels[Math.min(4, Math.floor((795 - total) / 40))]!;
    const deposit = 50000 + (i % 20) * 5000;
    institutions[i] = rosterRow(
      {
        institution: {
          code: `37${String(100000 + i)}`,
          name: `威海市第${i + 1}医院`,
          level: i % 3 === 0 ? '三级' : '二级',
          ownership: i % 4 === 0 ? 'private' : 'public',
          deposit: d(deposit),
        },
        total,
        grade,
        refund: Math.round(deposit * (total / 795) * 100) / 100,
        ...(i % 50 === 0 && { problems: [problem('质量保证金', `第${i + 2}行：降档填的“二”不是整数`)] }),
        ...(i % 97 === 0 && { vetoItems: ['C21'] }),
        peer: peerIds.map(({ item, id }, k) =>
          reading(id, item.no, item.code!, i % 3 === 0 ? '三级' : '二级', ((i * (k + 3)) % 100) / 1000, ((i + k) % 3) + 1),
        ),
      },
      'weihai-2021-hospital-l2',
      i,
    );
  }
  const groups = peerIds.flatMap(({ item, id }) =>
    ['二级', '三级'].map((name) => group(id, item.no, item.code!, name, 'intervals', '等宽区间，不剔除', Math.ceil(count / 2), [0.033, 0.066])),
  );
  return withReadings({
    rubricId: rubric.id,
    policyId: 'jilin-2025',
    options: defaultPeerOptions,
    institutions,
    groups,
    summary: {
      institutions: count,
      perGrade: labels.map((label) => ({ label, count: 0 })),
      provisional: 0,
      withheld: 0,
      subordinates: 0,
      vetoes: 0,
      depositTotal: new D(0) as Dec,
      refundPaid: new D(0),
      refundWithheld: new D(0),
      deferred: { withheld: new D(0), provisional: new D(0), unprescribed: new D(0), unstated: new D(0), nextYear: new D(0) },
      subordinateDeposits: new D(0),
      rowsWithProblems: 0,
    },
    problems: [],
  });
}
