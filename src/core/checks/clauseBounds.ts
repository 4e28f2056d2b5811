import { D, fmt } from '../decimal';
import type { InputSpec } from '../inputs';
import { compare, type Comparison, opText } from '../rules/shared';
import type { Problem } from '../errors';
import { type ClauseAt, clausesOf } from './clauses';
import { inputsAt } from './clauseInputs';
import { boundAdvice, type Domain, domainOf, within } from './inputDomain';
import { problem } from './problem';
import type { Rubric } from '../schema';

const who = (at: ClauseAt, spec: InputSpec) => `第${at.item.no}项 ${spec.id}（${spec.label}）`;

/** A bound the clause compares its input with: outside the input's values the clause always (or never)
 * holds, whatever is entered. The common slip is a ratio written as a percent (90 for 0.9). */
function boundProblem(at: ClauseAt, spec: InputSpec, value: number, field: string, what: string, op?: Comparison): Problem[] {
  const domain = domainOf(spec);
  if (!domain) return [];
  if (within(domain, value)) return op === undefined ? [] : constantComparison(at, spec, domain, value, field, op);
  return [
    problem(
      field,
      `${who(at, spec)}的${what} ${fmt(value)} 超出该输入的取值范围，无论填什么都一样计分：${boundAdvice(spec, domain, value)}`,
      `${spec.id}: ${what === '门槛' ? 'bound' : what} ${value} lies outside the input's values (${domain.low} to ${domain.high}); write a ratio as a fraction (0.9 for 90%)`,
    ),
  ];
}

/** A comparison at the edge of the input's values that holds for every value, or for none (“< 0” on a
 * ratio): the clause then scores the same whatever is entered. */
function constantComparison(at: ClauseAt, spec: InputSpec, domain: Domain, value: number, field: string, op: Comparison): Problem[] {
  const results = probes(domain, [value]).map((v) => compare(new D(v), op, value));
  if (results.some((r) => r !== results[0])) return [];
  const always = results[0] === true;
  return [
    problem(
      field,
      `${who(at, spec)}的条件“${opText[op]} ${fmt(value)}”对该输入的所有取值都${always ? '成立' : '不成立'}，无论填什么都一样计分：请核对比较符（op）与界限（value）`,
      `${spec.id}: the condition ${op} ${value} ${always ? 'holds for every' : 'holds for no'} value of the input`,
    ),
  ];
}

/** Values that tell apart every row of a table: the domain's ends, each bound, and the points between. */
function probes(domain: Domain, bounds: number[]): number[] {
  const high = Number.isFinite(domain.high) ? domain.high : Math.max(domain.low, ...bounds) + 1;
  const points = [...new Set([domain.low, high, ...bounds.filter((b) => within(domain, b))])].sort((a, b) => a - b);
  const between = points.slice(1).map((p, i) => (p + points[i]!) / 2);
  return [...points, ...between];
}

/** A table row no value reaches, because the rows before it (tried first) already take all its values. */
function unreachableRows(at: ClauseAt & { rule: { kind: 'table' } }): Problem[] {
  const rule = at.rule;
  const domain = domainOf(rule.input);
  if (!domain) return [];
  const values = probes(domain, rule.rows.map((r) => r.value));
  const holds = (op: Comparison, bound: number, v: number) => compare(new D(v), op, bound);
  return rule.rows.flatMap((row, j) => {
    if (!within(domain, row.value)) return [];
    const reached = values.some((v) => holds(row.op, row.value, v) && !rule.rows.slice(0, j).some((r) => holds(r.op, r.value, v)));
    if (reached) return [];
    return [
      problem(
        `${at.path}.rows.${j}`,
        `${who(at, rule.input)}的第${j + 1}行（${opText[row.op]} ${fmt(row.value)}，得${fmt(row.points)}分）永远用不到：各行按顺序比较、先符合的为准，前面的行已包含它的全部取值；请调整行的顺序或界限`,
        `${rule.input.id}: row ${j + 1} is never reached (earlier rows take all its values)`,
      ),
    ];
  });
}

/** Checks one clause's numbers against its input: bounds within the input's values, minimums not above
 * maximums, table rows all reachable, a ratio's step and scale in fractions. */
function clauseProblems(at: ClauseAt): Problem[] {
  const out: Problem[] = [];
  for (const { spec, field } of inputsAt(at)) {
    if (spec.min !== undefined && spec.max !== undefined && spec.min > spec.max) {
      out.push(problem(`${field}.min`, `${who(at, spec)}的下限 min（${fmt(spec.min)}）大于上限 max（${fmt(spec.max)}），没有任何值可填：请互换 min 与 max`, `${spec.id}: input min ${spec.min} is above max ${spec.max}`));
    }
  }
  const rule = at.rule;
  switch (rule.kind) {
    case 'threshold':
      out.push(...boundProblem(at, rule.input, rule.when.value, `${at.path}.when.value`, '门槛', rule.when.op));
      break;
    case 'linear': {
      out.push(...boundProblem(at, rule.input, rule.reference, `${at.path}.reference`, '基准（reference）'));
      const domain = domainOf(rule.input);
      const beyond = domain && (rule.direction === 'above' ? rule.reference >= domain.high : rule.reference <= domain.low);
      if (beyond && within(domain, rule.reference)) {
        out.push(problem(`${at.path}.reference`, `${who(at, rule.input)}的基准 ${fmt(rule.reference)} 在取值范围的${rule.direction === 'above' ? '最高' : '最低'}端，没有任何值能${rule.direction === 'above' ? '高于' : '低于'}它，本条永远不计分：请核对 reference 与 direction`, `${rule.input.id}: no value lies ${rule.direction} the reference ${rule.reference}`));
      }
      if (domain && (rule.input.type === 'ratio' || rule.input.type === 'signedRatio') && rule.step > domain.high - domain.low) {
        out.push(problem(`${at.path}.step`, `${who(at, rule.input)}的步长 step ${fmt(rule.step)} 大于比例的全部范围：比例按小数填写，“每1个百分点”写 0.01，“每少10%”写 0.1`, `${rule.input.id}: step ${rule.step} exceeds the ratio's whole range; write 0.01 for one percentage point`));
      }
      break;
    }
    case 'table':
      rule.rows.forEach((row, j) => out.push(...boundProblem(at, rule.input, row.value, `${at.path}.rows.${j}.value`, `第${j + 1}行的界限`)));
      out.push(...unreachableRows({ ...at, rule }));
      break;
    case 'allOf':
      rule.parts.forEach((part, n) => {
        if (part.value !== undefined) out.push(...boundProblem(at, part.input, part.value, `${at.path}.parts.${n}.value`, '门槛', part.op ?? '>='));
      });
      break;
    case 'discretionary':
      if (rule.min > rule.max) {
        out.push(problem(`${at.path}.min`, `${who(at, rule.input)}的酌情分值下限 min（${fmt(rule.min)}）大于上限 max（${fmt(rule.max)}）：如“每次扣5-10分”写 min 5、max 10`, `${rule.input.id}: discretionary min ${rule.min} is above max ${rule.max}`));
      }
      break;
    case 'proportional':
      if (rule.input.type === 'ratio' && rule.scale !== 1) {
        out.push(problem(`${at.path}.scale`, `${who(at, rule.input)}是比例（0 到 1），scale 应为 1（“满意度×10分”写 scale 1、points 10）；写 ${fmt(rule.scale)} 时满分的比例只能得 points 的 1/${fmt(rule.scale)}`, `${rule.input.id}: a ratio input needs scale 1, not ${rule.scale}`));
      }
      break;
  }
  return out;
}

/** A clause's own ceiling above its item's points can never be reached: the item stops at its points.
 * Not wrong in scoring, but usually a slip, so a warning. */
function capWarnings(at: ClauseAt): Problem[] {
  const rule = at.rule;
  const points = at.item.points;
  if (points === null) return [];
  if (rule.kind !== 'perOccurrence' && rule.kind !== 'linear' && rule.kind !== 'discretionary') return [];
  const id = rule.input.id;
  const limits: { value: number; field: string; words: string }[] = [];
  if (rule.cap !== undefined) {
    limits.push({ value: rule.cap, field: `${at.path}.cap`, words: `本条最多${rule.effect === 'deduct' ? '扣' : '得'} ${fmt(rule.cap)} 分（cap）` });
  }
  if (rule.kind === 'linear' && rule.base !== undefined) limits.push({ value: rule.base, field: `${at.path}.base`, words: `本条起始得分 ${fmt(rule.base)} 分（base）` });
  return limits
    .filter((l) => l.value > points)
    .map((l) => problem(l.field, `第${at.item.no}项 ${id}：${l.words}，超过本项分值 ${fmt(points)} 分；本项最多计 ${fmt(points)} 分，超出的部分永远用不到：请核对 cap / base 与本项分值（points）`, `${id}: the clause's cap ${l.value} exceeds its item's ${points} points`));
}

/** The clause checks of a rubric: errors for numbers that mis-score, warnings for caps beyond an item. */
export function checkClauses(rubric: Rubric): { errors: Problem[]; warnings: Problem[] } {
  const clauses = clausesOf(rubric);
  return { errors: clauses.flatMap(clauseProblems), warnings: clauses.flatMap(capWarnings) };
}
