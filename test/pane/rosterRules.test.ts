// The pane's 计算 (computeRoster, on the in-memory workbook behind the port) under a 太原-style policy: the
// 汇总名单 it writes carries the 名单规则 column from the same plan as `mib roster -o`, marking exactly the
// bottom one of 20, and the run's rules feed the summary's figures.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PolicySchema, RubricSchema } from '../../src/core';
import { MemoryWorkbook } from '../../src/sheet/memory/memoryWorkbook';
import { computeRoster } from '../../src/taskpane/roster/compute';

const guide = readFileSync('docs/编写考核表与政策.md', 'utf8');
// the guide's worked example: its first table (section 三) and first policy (section 五)
const complete = [...guide.matchAll(/^ *```json 完整文件\n([\s\S]*?)^ *```$/gm)].map((m) => JSON.parse(m[1] ?? '') as Record<string, unknown>);
const table = complete[0]!;
const policy = complete.find((file) => file.kind === 'policy')!;
const taiyuan = JSON.parse(/^```json 片段\n([\s\S]*?)^```$/m.exec(guide.slice(guide.indexOf('## 十四')))![1]!);

describe('pane 汇总 under a policy with 名单规则', () => {
  it('writes 汇总名单 with the 名单规则 column, the bottom one of 20 marked', async () => {
    const book = new MemoryWorkbook();
    const rows = [
      ['机构编码', '机构名称', '1.1', '2.1', '2.2', '3.1', '4.1', '5.1'],
      ...Array.from({ length: 20 }, (_, i) => [`J${String(i + 1).padStart(2, '0')}`, `医院${i + 1}`, '否', '0', '否', '0.9', String(29 - i), '0']),
    ];
    book.paste('Sheet1', 'A1', `${rows.map((r) => r.join('\t')).join('\r\n')}\r\n`);
    const run = await computeRoster(book, {
      sheetName: 'Sheet1',
      rubric: RubricSchema.parse(table),
      policy: PolicySchema.parse({ ...policy, ...taiyuan }),
      convert: false,
      intervals: 'equal-width',
    });
    expect(run.result.rules![0]!.marked).toEqual(['J20']);
    const written = (await book.readValues(run.rosterSheet))!.values;
    const column = written[0]!.indexOf('名单规则');
    expect(column).toBeGreaterThan(0);
    const marked = written.slice(1).filter((row) => row[column] !== null && row[column] !== '');
    expect(marked.map((row) => [row[0], row[column]])).toEqual([['J20', '暂停医保服务（后 5%，倒数第 1 名，共 20 家）']]);
  });
});
