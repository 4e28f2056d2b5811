import type { InputSpec } from '../scoring/inputs';
import type { ClauseAt } from './clauses';

/** Each input a clause declares, with the path of its spec in the file. A 按高分计算 clause declares
 * none of its own: its methods are clauses (clausesOf) with their own inputs. */
export function inputsAt({ rule, path }: ClauseAt): { spec: InputSpec; field: string }[] {
  switch (rule.kind) {
    case 'bestOf':
      return [];
    case 'allOf':
      return rule.parts.map((part, n) => ({ spec: part.input, field: `${path}.parts.${n}.input` }));
    case 'proportional':
      return [
        { spec: rule.input, field: `${path}.input` },
        ...(rule.sampleFactor ? [{ spec: rule.sampleFactor.input, field: `${path}.sampleFactor.input` }] : []),
        ...(rule.notSampled ? [{ spec: rule.notSampled.input, field: `${path}.notSampled.input` }] : []),
      ];
    case 'choice':
      return [
        { spec: rule.input, field: `${path}.input` },
        ...(rule.percentOf ? [{ spec: rule.percentOf.input, field: `${path}.percentOf.input` }] : []),
      ];
    default:
      return [{ spec: rule.input, field: `${path}.input` }];
  }
}
