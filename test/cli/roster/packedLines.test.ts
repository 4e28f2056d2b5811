// Lines held packed (src/cli/roster/packedLines.ts), as the CSV roster's rows are and, deflated, the JSON of
// the rows 名单规则 hold (heldJson.ts): each line given back as it was pushed, across blocks, let go once read.
import { describe, expect, it } from 'vitest';
import { PackedLines } from '../../../src/cli/roster/packedLines';

const lineOf = (i: number) =>
  i % 3 === 0 ? `{"code":"W${i}","name":"威海第${i}医院","note":"\u00e9\ud83d\ude00"}` : i % 3 === 1 ? '' : `${i},${'x'.repeat(i % 50)}`;

describe('PackedLines', () => {
  for (const deflated of [false, true]) {
    it(`${deflated ? 'deflated: ' : ''}gives each of 2,500 lines back as it was pushed (text or bytes), in any order, until it is let go`, () => {
      const lines = new PackedLines({ deflated });
      for (let i = 0; i < 2500; i++) lines.push(i % 2 === 0 ? lineOf(i) : Buffer.from(lineOf(i)));
      lines.end();
      expect(lines.length).toBe(2500);
      // the last block, the first, then one in the middle again
      for (const i of [2499, 0, 1, 1500, 1023, 1024, 2048, 5]) expect(lines.at(i), `line ${i}`).toBe(lineOf(i));
      for (let i = 0; i < 2500; i++) expect(lines.at(i)).toBe(lineOf(i));
      lines.release(1500);
      expect(lines.at(1500)).toBeUndefined();
      expect(lines.at(1501)).toBe(lineOf(1501));
      // a block let go whole: its lines gone, the others still there
      for (let i = 0; i < 1024; i++) lines.release(i);
      expect(lines.at(3)).toBeUndefined();
      expect(lines.at(1024)).toBe(lineOf(1024));
    });
  }
});
