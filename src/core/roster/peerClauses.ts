import type { InputSpec } from '../scoring/inputs';
import type { Rule } from '../rules';
import type { PeerDeclaration } from '../rules/peer';
import type { Rubric } from '../files/schema';

/** A clause of a rubric that declares how the roster computes its input from the peers. */
export interface PeerClause {
  inputId: string;
  itemNo: string;
  code?: string;
  peer: PeerDeclaration;
  /** the clause's input, as a one-institution sheet holds it */
  spec: InputSpec;
  /** the interval or tier labels (band, choice); a low band's printed reference */
  labels: string[];
  reference: number;
  /** a 基层服务 score entered beside the tier (威海 一级 22.2): its range bounds the measure */
  scoreSpec?: InputSpec;
}

function clauseOf(rule: Rule): Omit<PeerClause, 'itemNo' | 'code'> | undefined {
  switch (rule.kind) {
    case 'band':
      return rule.peer && { inputId: rule.input.id, peer: rule.peer, spec: rule.input, labels: rule.input.options, reference: 0 };
    case 'linear':
      return rule.peer && { inputId: rule.input.id, peer: rule.peer, spec: rule.input, labels: [], reference: rule.reference };
    case 'choice':
      return (
        rule.peer && {
          inputId: rule.input.id,
          peer: rule.peer,
          spec: rule.input,
          labels: rule.input.options,
          reference: 0,
          ...(rule.percentOf && { scoreSpec: rule.percentOf.input }),
        }
      );
    case 'rankTop':
      return rule.peer && { inputId: rule.input.id, peer: rule.peer, spec: rule.input, labels: [], reference: 0 };
    case 'bestOf':
      // 威海 A6: the peer clause is one of the methods
      return rule.methods.map((m) => (m.kind === 'linear' ? clauseOf(m) : undefined)).find((c) => c !== undefined);
    default:
      return undefined;
  }
}

const cache = /*#__PURE__*/ new WeakMap<Rubric, PeerClause[]>();

/** Every clause of the rubric that declares a peer computation, in the table's order. */
export function peerClauses(rubric: Rubric): PeerClause[] {
  const cached = cache.get(rubric);
  if (cached) return cached;
  const found: PeerClause[] = [];
  for (const item of rubric.items)
    for (const rule of item.rules) {
      const clause = clauseOf(rule);
      if (clause) found.push({ ...clause, itemNo: item.no, ...(item.code && { code: item.code }) });
    }
  cache.set(rubric, found);
  return found;
}
