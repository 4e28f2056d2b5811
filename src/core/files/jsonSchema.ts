import * as z from 'zod';
import { INPUT_TYPE_TEXT, InputSpecSchema } from '../scoring/inputs';
import { kindWithName } from '../messages/kindNames';
import { DowngradeRefundSchema, FractionalPointsSchema, PolicySchema, RatioRoundingSchema } from '../policy/schema';
import { effectSchema, pointsSchema } from '../rules/types';
import { ComparisonSchema } from '../rules/shared';
import { ProvenanceSchema, RubricSchema } from './schema';

/** JSON Schemas for rubric and policy files, generated from the zod schemas so that editors can check a
 * region's own file as it is typed and show each field's Chinese description on hover. Refinements
 * (cross-field checks) live only in zod and `mib check`. */
export function rubricJsonSchema(): object {
  return { title: 'MIB 考核表（rubric）', ...withDescriptions(z.toJSONSchema(RubricSchema, { io: 'input', unrepresentable: 'any' })) };
}

export function policyJsonSchema(): object {
  return { title: 'MIB 等次与返还政策（policy）', ...withDescriptions(z.toJSONSchema(PolicySchema, { io: 'input', unrepresentable: 'any' })) };
}

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null;

/** Descriptions zod's generator does not find: a shared schema built lazily (src/core/files/lazySchema.ts) is
 * registered under the built schema, not the proxy a field holds, so its `.describe()` text is read here
 * by the field's name; an input narrowed by its rule kind (`InputSpecSchema.extend`) loses its own. */
function sharedDescriptions(): Record<string, string | undefined> {
  const input = InputSpecSchema.shape;
  return {
    provenance: ProvenanceSchema.description,
    effect: effectSchema.description,
    points: pointsSchema.description,
    op: ComparisonSchema.description,
    fractionalPoints: FractionalPointsSchema.description,
    ratioRounding: RatioRoundingSchema.description,
    refundFollows: DowngradeRefundSchema.description,
    input: InputSpecSchema.description,
    type: INPUT_TYPE_TEXT,
    options: input.options.description,
    max: input.max.description,
  };
}

/** A field's description when its schema carries none: a clause's or a refund tier's `kind` named from
 * kindNames, else the shared schema's text. */
function fallback(name: string, property: Node, shared: Record<string, string | undefined>): string | undefined {
  if (name === 'kind' && typeof property.const === 'string') return `类型：${kindWithName(property.const)}`;
  return Object.hasOwn(shared, name) ? shared[name] : undefined;
}

function withDescriptions<T>(node: T, shared = sharedDescriptions()): T {
  if (Array.isArray(node)) node.forEach((child) => withDescriptions(child, shared));
  else if (isNode(node)) {
    const properties = node.properties;
    if (isNode(properties)) {
      for (const [name, property] of Object.entries(properties)) {
        if (!isNode(property) || property.description !== undefined) continue;
        const description = fallback(name, property, shared);
        if (description !== undefined) property.description = description;
      }
    }
    Object.values(node).forEach((child) => withDescriptions(child, shared));
  }
  return node;
}
