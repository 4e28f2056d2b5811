import { institutionJson, type RosterRowResult, withConsequences } from '../../core';
import { PackedLines } from './packedLines';

/**
 * The JSON of the rows that 名单规则 hold (`mib roster --json`/`--jsonl` under a policy with 名单规则, which
 * rank the final scores and so mark no row before all are scored). Each row's institutionJson is made as
 * soon as it is scored, from the row whole, and held as text, deflated a thousand rows at a time (about
 * 5 KB a row as text; the rows whole, 100,000 of them, took over a gigabyte), while only what the report
 * reads is kept of the row itself (keptRow). Once the rules have run it is taken back with the row's marks.
 */
export class HeldJson {
  readonly #lines = new PackedLines({ deflated: true });
  /** each row's place among the lines (rows are done in about their order: a parent after its subordinates) */
  readonly #at = new Map<number, number>();

  /** the scored row `index`, whole */
  hold(row: RosterRowResult, index: number): void {
    this.#at.set(index, this.#lines.length);
    this.#lines.push(JSON.stringify(institutionJson(row)));
  }

  /** the JSON of row `index`, as institutionJson of `row` (the row as kept, marked by the rules) gives it;
   * then let go */
  take(row: RosterRowResult, index: number): Record<string, unknown> {
    // (the last block packed once every row is held: no row is held after the first is taken)
    this.#lines.end();
    const at = this.#at.get(index);
    const text = at === undefined ? undefined : this.#lines.at(at);
    // (a row never held cannot be asked for: each is held as it is scored, before any is taken)
    if (at === undefined || text === undefined) throw new Error(`row ${index} was not held`);
    this.#lines.release(at);
    this.#at.delete(index);
    return withConsequences(JSON.parse(text) as Record<string, unknown>, row);
  }
}
