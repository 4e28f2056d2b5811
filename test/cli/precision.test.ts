// A fact in a JSON file that is a number is a double, as a cell's number is: read at Excel's 15
// significant digits (0.8999999999999999, what =0.3*3 or an export of a computed cell writes, is 90%).
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';

function score(facts: string) {
  const out: string[] = [];
  const code = run(['score', 'cq-jiangbei-2025-hospital', '--input', 'facts.json', '--json'], {
    out: (t) => out.push(t),
    err: () => undefined,
    writeFile: () => undefined,
    readFile: () => facts,
  });
  return { code, json: JSON.parse(out.join('\n')) as { items: { id: string; score: number }[] } };
}

describe('mib score reads JSON numbers at 15 significant digits', () => {
  it('江北 20: 药品网采率 0.8999999999999999 is 90%, not "未达到90%"; 18: 0.49999999999999994 is 50%', () => {
    const { code, json } = score('{ "20.1": 0.8999999999999999, "18.1": 0.49999999999999994 }');
    expect(code).toBe(0);
    const item = (id: string) => json.items.find((i) => i.id === id)!.score;
    expect(item('20')).toBe(10);
    expect(item('18')).toBe(20);
  });

  it('decimal text is read as written: "0.8999999999999999" is under 90%', () => {
    const { json } = score('{ "20.1": "0.8999999999999999" }');
    expect(json.items.find((i) => i.id === '20')!.score).toBe(0);
  });
});
