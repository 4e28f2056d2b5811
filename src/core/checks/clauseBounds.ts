import { D, fmt } from '../numbers/decimal';
import type { InputSpec } from '../scoring/inputs';
import { compare, type Comparison, opText } from '../rules/shared';
import type { Problem } from '../messages/errors';
import { type ClauseAt, clausesOf } from './clauses';
import { inputsAt } from './clauseInputs';
import { boundAdvice, type Domain, domainOf, probes, within } from './inputDomain';
import { capWarnings } from './clauseCaps';
import { unreachableRows } from './tableRows';
import { problem } from './problem';
import type { Rubric } from '../files/schema';

const BOUND = { zh: '门槛', en: 'bound' };
const who = (at: ClauseAt, spec: InputSpec) => `第${at.item.no}项 ${spec.id}（${spec.label}）`;

/** A bound the clause compares its input with: outside the input's values the clause always (or never)
 * holds, whatever is entered. The common slip is a ratio written as a percent (90 for 0.9). */
function boundProblem(at: ClauseAt, spec: InputSpec, value: number, field: string, what: { zh: string; en: string }, op?: Comparison): Problem[] {
  const domain = domainOf(spec);
  if (!domain) return [];
  if (within(domain, value)) return op === undefined ? [] : constantComparison(at, spec, domain, value, field, op);
  return [
    problem(
      field,
      `${who(at, spec)}的${what.zh} ${fmt(value)} 超出该输入的取值范围，无论填什么都一样计分：${boundAdvice(spec, domain, value)}`,
      `${spec.id}: ${what.en} ${value} lies outside the input's values (${domain.low} to ${domain.high}); write a ratio as a fraction (0.9 for 90%)`,
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

/** Checks one clause's numbers against its input: bounds within the input's values, minimums not above
 * maximums, table rows all reachable, a ratio's step and scale in fractions. */
function clauseProblems(at: ClauseAt): Problem[] {
  const out: Problem[] = [];
  for (const { spec, field } of inputsAt(at)) {
    if (spec.min !== undefined && spec.max !== undefined && spec.min > spec.max) {
      out.push(
        problem(
          `${field}.min`,
          `${who(at, spec)}的下限 min（${fmt(spec.min)}）大于上限 max（${fmt(spec.max)}），没有任何值可填：请互换 min 与 max`,
          `${spec.id}: input min ${spec.min} is above max ${spec.max}`,
        ),
      );
    }
  }
  const rule = at.rule;
  switch (rule.kind) {
    case 'threshold':
      out.push(...boundProblem(at, rule.input, rule.when.value, `${at.path}.when.value`, BOUND, rule.when.op));
      break;
    case 'linear': {
      out.push(...boundProblem(at, rule.input, rule.reference, `${at.path}.reference`, { zh: '基准（reference）', en: 'reference' }));
      const domain = domainOf(rule.input);
      const beyond = domain && (rule.direction === 'above' ? rule.reference >= domain.high : rule.reference <= domain.low);
      if (beyond && within(domain, rule.reference)) {
        out.push(
          problem(
            `${at.path}.reference`,
            `${who(at, rule.input)}的基准 ${fmt(rule.reference)} 在取值范围的${rule.direction === 'above' ? '最高' : '最低'}端，没有任何值能${rule.direction === 'above' ? '高于' : '低于'}它，本条永远不计分：请核对 reference 与 direction`,
            `${rule.input.id}: no value lies ${rule.direction} the reference ${rule.reference}`,
          ),
        );
      }
      if (domain && (rule.input.type === 'ratio' || rule.input.type === 'signedRatio') && rule.step > domain.high - domain.low) {
        out.push(
          problem(
            `${at.path}.step`,
            `${who(at, rule.input)}的步长 step ${fmt(rule.step)} 大于比例的全部范围：比例按小数填写，“每1个百分点”写 0.01，“每少10%”写 0.1`,
            `${rule.input.id}: step ${rule.step} exceeds the ratio's whole range; write 0.01 for one percentage point`,
          ),
        );
      }
      break;
    }
    case 'table':
      rule.rows.forEach((row, j) =>
        out.push(...boundProblem(at, rule.input, row.value, `${at.path}.rows.${j}.value`, { zh: `第${j + 1}行的界限`, en: `row ${j + 1}'s bound` })),
      );
      out.push(...unreachableRows(at, rule));
      break;
    case 'allOf':
      rule.parts.forEach((part, n) => {
        if (part.value !== undefined) out.push(...boundProblem(at, part.input, part.value, `${at.path}.parts.${n}.value`, BOUND, part.op ?? '>='));
      });
      break;
    case 'discretionary':
      if (rule.min > rule.max) {
        out.push(
          problem(
            `${at.path}.min`,
            `${who(at, rule.input)}的酌情分值下限 min（${fmt(rule.min)}）大于上限 max（${fmt(rule.max)}）：如“每次扣5-10分”写 min 5、max 10`,
            `${rule.input.id}: discretionary min ${rule.min} is above max ${rule.max}`,
          ),
        );
      }
      break;
    case 'proportional':
      // a ratio reaches 1 at most: a scale above 1 (100, a percent's) keeps every institution from full points
      if (rule.input.type === 'ratio' && rule.scale > 1) {
        out.push(
          problem(
            `${at.path}.scale`,
            `${who(at, rule.input)}是比例（0 到 1），scale 不应大于 1（“满意度×10分”写 scale 1、points 10）；写 ${fmt(rule.scale)} 时满分的比例只能得 points 的 1/${fmt(rule.scale)}`,
            `${rule.input.id}: a ratio input needs a scale of at most 1, not ${rule.scale}`,
          ),
        );
      }
      break;
  }
  return out;
}

/** The clause checks of a rubric: errors for numbers that mis-score, warnings for caps beyond an item. */
export function checkClauses(rubric: Rubric): { errors: Problem[]; warnings: Problem[] } {
  const clauses = clausesOf(rubric);
  return { errors: clauses.flatMap(clauseProblems), warnings: clauses.flatMap(capWarnings) };
}
