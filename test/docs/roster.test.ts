// The guide's section 十三 (the roster) stays true: its column table names every column and alias the roster
// reader takes and nothing else, and each example CSV, saved as a file and run with the `mib roster` command
// printed under it, is read by the roster reader and scored as the guide says.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getRubric, type RosterJson } from '../../src/core';
import { FIELDS, rosterColumns } from '../../src/core/roster/institutions';
import { mibOnDisk } from '../support/mibOnDisk';
import { scratch } from '../support/rosterFiles';

const guide = readFileSync('docs/编写考核表与政策.md', 'utf8');
const from = guide.indexOf('## 十三');
const next = guide.indexOf('\n## ', from + 1);
const section = guide.slice(from, next < 0 ? undefined : next);

/** The rows of 13.1's table: the column's name, and the other names it may be written as. */
const columnRows = [...section.matchAll(/^\|\s*([^|]+?)\s*\|\s*([^|]*?)\s*\|\s*(?:必填|可不填)?\s*\|/gm)]
  .map((m) => ({
    name: (m[1] ?? '').trim(),
    aliases: (m[2] ?? '')
      .split('、')
      .map((a) => a.trim())
      .filter(Boolean),
  }))
  .filter((r) => r.name !== '列名' && r.name !== '---');

/** Each ```csv block, with the `mib roster` command of the ```sh block after it. */
const examples = [...section.matchAll(/^```csv\n([\s\S]*?)^```\n+```sh\n([^\n]*)\n```\n+([\s\S]*?)(?=^```|$(?![\s\S]))/gm)].map((m) => ({
  csv: m[1] ?? '',
  command: (m[2] ?? '').trim(),
  after: m[3] ?? '',
}));

/** The guide's complete files by id: the table and policy the first example names as 我县考核表 / 我县政策. */
const complete = new Map(
  [...guide.matchAll(/^ *```json 完整文件\n([\s\S]*?)^ *```$/gm)].map((m) => {
    const file = JSON.parse(m[1] ?? '') as { id: string };
    return [file.id, m[1] ?? ''] as const;
  }),
);

async function runExample(example: (typeof examples)[number], dir: (name: string) => string): Promise<RosterJson> {
  const csv = dir('名册.csv');
  writeFileSync(csv, example.csv);
  writeFileSync(dir('我县考核表.json'), complete.get('shili-2025-hospital')!);
  writeFileSync(dir('我县政策.json'), complete.get('shili-2025')!);
  const words = example.command.replace(/^npx mib /, '').split(/\s+/);
  // the files the command names, in the scratch folder; -o written there too; --json to read the result
  const argv = words.map((w) => (/\.(csv|json|xlsx)$/.test(w) ? dir(w) : w));
  const r = await mibOnDisk(...argv, '--json');
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as RosterJson;
}

describe('the guide’s section 十三 (the roster)', () => {
  it('13.1 names every roster column and alias the reader takes, and each one is read as that column', () => {
    const named = new Set(columnRows.filter((r) => r.name !== '输入编号').flatMap((r) => [r.name, ...r.aliases]));
    expect(named).toEqual(new Set(Object.values(FIELDS).flat()));
    const rubric = getRubric('cq-jiangbei-2025-hospital');
    for (const row of columnRows.filter((r) => r.name !== '输入编号')) {
      const [field] = Object.entries(FIELDS).find(([, names]) => (names as readonly string[]).includes(row.name))!;
      for (const header of [row.name, ...row.aliases]) expect(rosterColumns(rubric, [header]).fields, header).toHaveProperty(field, 0);
    }
    // an input id written as the table's code, in either case
    const weihai = getRubric('weihai-2021-hospital-l2');
    expect(rosterColumns(weihai, ['c12.1', 'C12.2']).inputs.map((i) => i.id)).toEqual(['13.1', '13.2']);
  });

  it('has two example rosters, each with the command that scores it', () => {
    expect(examples).toHaveLength(2);
    for (const e of examples) expect(e.command).toMatch(/^npx mib roster /);
  });

  it('the first example scores as the guide says: 77 合格 37000.00, 103 优秀 50000.00, 0 不合格 0.00', async () => {
    const json = await runExample(examples[0]!, scratch('mib-guide-roster1-'));
    expect(json.problems).toEqual([]);
    const shown = json.institutions.map((i) => [i.code, i.total, i.gradeText, i.refundText]);
    expect(shown).toEqual([
      ['A001', 77, '合格', '37000.00'],
      ['A002', 103, '优秀', '50000.00'],
      ['A003', 0, '不合格', '0.00'],
    ]);
    for (const [code, total, grade, refund] of shown) {
      expect(examples[0]!.after).toContain(`${code}`);
      expect(examples[0]!.after).toContain(`${String(total)} 分`);
      expect(examples[0]!.after).toContain(`${String(grade)}，返还 ${String(refund)} 元`);
    }
    expect(json.summary).toMatchObject({ depositTotalText: '120000.00', refundPaidText: '87000.00', refundWithheldText: '33000.00' });
    expect(examples[0]!.after).toContain('质量保证金合计 120000.00 元，返还 87000.00 元，不予返还 33000.00 元');
  });

  it('the second example ranks 23.1 within each 级别 and grades J001 on its composite with its two subordinates', async () => {
    const json = await runExample(examples[1]!, scratch('mib-guide-roster2-'));
    expect(json.problems).toEqual([]);
    const row = (code: string) => json.institutions.find((i) => i.code === code)!;
    const rank = (code: string) => row(code).peer.find((p) => p.id === '23.1')?.value;
    expect(['J001', 'J003', 'J005', 'J006'].map(rank)).toEqual([1, 2, 3, 4]);
    expect(['J004', 'J002'].map(rank)).toEqual([1, 2]);
    const points = (code: string) => row(code).items.find((i) => i.id === '23')!.score;
    // 排名前3加3分, plus 正面形象 1 分 a time
    expect(['J001', 'J003', 'J005', 'J006'].map(points)).toEqual([5, 4, 3, 0]);
    expect(row('J001')).toMatchObject({ ownTotal: 61, total: 60.55, gradeText: '基本合格' });
    expect([row('J002').total, row('J004').total]).toEqual([59, 60]);
    for (const code of ['J002', 'J004']) expect(row(code)).toMatchObject({ gradeText: '下属机构，不单独评定', depositState: 'subordinate' });
    expect(examples[1]!.after).toContain('J001 第 1 名、J003 第 2 名、J005 第 3 名，各加3分，J006 第 4 名不加');
    expect(examples[1]!.after).toContain('J001 自身 61 分，两家下属 59 分、60 分，综合得分\n0.7 × 61 + 0.3 × (59 + 60) / 2 = 60.55，基本合格');
  });
});
