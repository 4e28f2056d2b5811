export * from './types';
export { scoreRoster } from './scoreRoster';
export {
  headerLacks,
  namesInstitutions,
  readInstitutions,
  rosterColumns,
  rowsOf,
  HEADER_ROW,
  type ReadInstitutions,
  type RosterColumns,
} from './institutions';
export { defaultPeerOptions, PeerOptionsSchema, peerOptionsOf, peerOptionsText, peerOptionWords } from './peer/options';
export { peerClauses, type PeerClause } from './peerClauses';
export { rosterSummary } from './summary';
export {
  DEFERRED_STATES,
  DEPOSIT_STATE_WORDS,
  depositStateOf,
  MONEY_KEYS,
  MONEY_LABELS,
  type MoneyKey,
  moneyAmount,
  moneyDifference,
  type RosterMoney,
  rosterMoney,
} from './money';
export { institutionJson, rosterJson, rosterJsonWith, type RosterJson, withConsequences } from './json';
export { SUBORDINATE_TEXT } from './composite';
export type { PeerDeclaration } from '../rules/peer';
export { rosterReadings } from './readings';
export { applyRosterRules, consequenceText, ranksRoster, rosterRuleRosterReading } from './rosterRules';
export { changeText, comparesYears, readPreviousYear, yearComparisons, type PreviousRow, type PreviousYear } from './previous';
export { findingLines, findingsJson, itemLabel, vetoLabel, rosterFindings, type RosterFindings, SELF_GAP_SHARE } from './findings';
export { bulletin, outcomeOf, publicList, type PublicRow, yuanText } from './publish';
