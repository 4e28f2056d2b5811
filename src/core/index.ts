export * from './decimal';
export * from './errors';
export * from './inputs';
export * from './schema';
export * from './evaluate';
export * from './registry';
export { RuleSchema, ruleDefinitions, definitionOf, type Rule, type RuleKind } from './rules';
