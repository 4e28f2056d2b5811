// Hand-made peers for the peer computation tests: measures as typed, a context that shows them plainly.
import { D, fmt } from '../../../src/core/numbers/decimal';
import type { PeerClauseContext, PeerMember } from '../../../src/core/roster/peer/shared';

export const members = (...measures: (number | string)[]): PeerMember[] => measures.map((m, key) => ({ key, measure: new D(m) }));

export const context: PeerClauseContext = {
  inputId: '27.1',
  itemNo: '27',
  code: 'A3',
  group: '',
  measureName: '门诊次均费用增长率',
  show: (d) => fmt(d),
};

/** each member's fed value, in the members' order */
export const values = (readings: { get(key: number): { value: number | string } | undefined }, count: number) =>
  Array.from({ length: count }, (_, key) => readings.get(key)?.value);
