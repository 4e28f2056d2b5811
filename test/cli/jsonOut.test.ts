// `mib roster --json` is written a block at a time (no one string holds a 100,000-row roster) and is the
// same text as one JSON.stringify; `--jsonl` gives one institution a line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LazyList, writePrettyJson } from '../../src/cli/jsonOut';
import { jiangbeiParentAndSubordinates, twelveInstitutions } from '../support/jiangbeiRows';
import { mibOnDisk } from '../support/mibOnDisk';
import { scratch, writeCsv } from '../support/rosterFiles';

const file = scratch('mib-json-out-');

const written = (value: Record<string, unknown>) => {
  const blocks: string[] = [];
  writePrettyJson((text) => blocks.push(text), value);
  return blocks;
};

describe('writePrettyJson', () => {
  it('writes what JSON.stringify(value, null, 2) gives, for any JSON value in any field', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue()), fc.constant(undefined))), (value) => {
        expect(written(value).join('\n')).toBe(JSON.stringify(value, null, 2));
      }),
      { numRuns: 300 },
    );
  });

  it('builds a lazy list’s elements one at a time, as they are written', () => {
    const made: number[] = [];
    const blocks: string[] = [];
    writePrettyJson((text) => blocks.push(`${text} ← made ${made.length}`), {
      list: new LazyList(3, (k) => {
        made.push(k);
        return { k };
      }),
    });
    expect(blocks.filter((b) => b.includes('"k"')).map((b) => b.split(' ← ')[1])).toEqual(['made 1', 'made 2', 'made 3']);
    expect(JSON.stringify({ list: new LazyList(2, (k) => k) })).toBe('{"list":[0,1]}');
  });
});

describe('mib roster --json and --jsonl', () => {
  const csv = writeCsv(file('roster.csv'), [...twelveInstitutions(), ...jiangbeiParentAndSubordinates()]);

  it('--json parses to the roster, its institutions in order', async () => {
    const run = await mibOnDisk('roster', 'cq-jiangbei-2025-hospital', '--input', csv, '--policy', 'jilin-2025', '--json');
    const json = JSON.parse(run.out) as { institutions: { code: string }[]; summary: { institutions: number } };
    expect(json.institutions.map((i) => i.code).slice(0, 3)).toEqual(['Y1', 'Y2', 'Y3']);
    expect(json.summary.institutions).toBe(json.institutions.length);
    // the same text as one JSON.stringify of what it parses to
    expect(run.out).toBe(JSON.stringify(json, null, 2));
  });

  it('--jsonl: one institution a line, each the --json institution', async () => {
    const [json, jsonl] = await Promise.all([
      mibOnDisk('roster', 'cq-jiangbei-2025-hospital', '--input', csv, '--policy', 'jilin-2025', '--json'),
      mibOnDisk('roster', 'cq-jiangbei-2025-hospital', '--input', csv, '--policy', 'jilin-2025', '--jsonl'),
    ]);
    const lines = jsonl.out.split('\n');
    const institutions = (JSON.parse(json.out) as { institutions: unknown[] }).institutions;
    expect(lines).toHaveLength(institutions.length);
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual(institutions);
    expect(jsonl.code).toBe(json.code);
  });
});
