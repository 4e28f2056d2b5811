// Issue 22 deliver 6: nothing lost on the way. Codes stay text wherever a roster comes from: pasted into
// the pane's 汇总 (the demo paste box, as into a text column in Excel), an .xlsx whose code cells are
// numbers shown with leading zeros, and a CSV (as `mib roster` reads it). A value typed into a sheet's
// % box is echoed as typed: 150 → “150%”, not 1.5.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/cli/roster/readCsv';
import { readXlsx } from '../../src/cli/roster/readXlsx';
import { evaluate, getRubric, inputIndex, readInstitutions, type Rubric } from '../../src/core';
import { isCodeHeader } from '../../src/core/roster/institutions';
import { auditSheet } from '../../src/sheet/audit';
import { MemoryWorkbook } from '../../src/sheet/memory/memoryWorkbook';
import { planSheet } from '../../src/sheet/planSheet';
import { rosterSource } from '../../src/sheet/roster/source';

const jiangbei = getRubric('cq-jiangbei-2025-hospital');
const specOf = (rubric: Rubric, id: string) => inputIndex(rubric).byId.get(id)?.spec.type ?? '';
const TSV = '机构编码\t机构名称\t上级机构编码\t4.2\r\n03720\t甲医院\t00100\t2\r\n00100\t乙医院\t\t0\r\n';
const codesOf = (table: Parameters<typeof readInstitutions>[1]) => readInstitutions(jiangbei, table).institutions.map((i) => [i.code, i.parentCode]);

describe('codes stay text', () => {
  it('the code columns are 机构编码 and 上级机构编码', () => {
    expect(['机构编码', '上级机构编码', '机构名称', '4.2', '质量保证金'].map(isCodeHeader)).toEqual([true, true, false, false, false]);
  });

  it('pasted into the pane’s 汇总: 03720 stays 03720 (the numbers in other columns are still numbers)', async () => {
    const book = new MemoryWorkbook(['名单']);
    book.paste('名单', 'A1', TSV, isCodeHeader);
    const used = await book.readValues('名单');
    expect(used?.values.slice(1)).toEqual([
      ['03720', '甲医院', '00100', 2],
      ['00100', '乙医院', null, 0],
    ]);
    expect(codesOf(rosterSource('名单', used).table)).toEqual([
      ['03720', '00100'],
      ['00100', undefined],
    ]);
    // pasted as Excel pastes into a General column, the zeros go: what the code columns are kept from
    const plain = new MemoryWorkbook(['名单']);
    plain.paste('名单', 'A1', TSV);
    expect((await plain.readValues('名单'))?.values[1]?.[0]).toBe(3720);
  });

  it('an .xlsx whose codes are numbers shown as 00000: the code as shown; a CSV keeps its text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['机构编码', '机构名称', '上级机构编码', '4.2']);
    sheet.addRow([3720, '甲医院', 100, 2]);
    sheet.addRow([100, '乙医院', null, 0]);
    sheet.getColumn(1).numFmt = '00000';
    sheet.getColumn(3).numFmt = '00000';
    sheet.getColumn(4).numFmt = '00000'; // a fact column keeps its number whatever its format
    const table = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()), '名单.xlsx');
    expect(table.rows).toEqual([
      ['03720', '甲医院', '00100', 2],
      ['00100', '乙医院', null, 0],
    ]);
    expect(codesOf(table)).toEqual([
      ['03720', '00100'],
      ['00100', undefined],
    ]);
    const csv = readCsv(new TextEncoder().encode(TSV.replaceAll('\t', ',')), '名单.csv');
    expect(codesOf(csv)).toEqual([
      ['03720', '00100'],
      ['00100', undefined],
    ]);
  });
});

describe('a % box echoes what was typed', () => {
  it('150 typed into 江北 18.1 (a percent cell holding 1.5): “收到的是“150%””, never 1.5', async () => {
    const book = new MemoryWorkbook();
    const plan = planSheet(jiangbei, { policyId: 'cq-jiangbei-2025' });
    const name = await book.createSheet(plan);
    const at = (id: string) => plan.inputs.find((i) => i.id === id)!.address;
    // the pane's % box commits “150%” (InputsView), as typing 150 into the 0.00% cell does in Excel
    book.setCell(name, at('18.1'), '150%');
    expect(book.cell(name, at('18.1')).value).toBe(1.5);
    const audit = auditSheet(await book.readSheet(name));
    const [flag] = audit.flags.filter((f) => f.kind === 'invalidInput');
    expect(flag?.message).toBe(
      `输入无效：${'18.1'}（${plan.inputs.find((i) => i.id === '18.1')!.label}）应为 0% 到 100% 之间的比例（45% 填 45% 或 0.45），收到的是 “150%”`,
    );
    // an accepted ratio is read as before: 45% in the cell is 0.45, under 50% 扣10分 (江北 18.1), as the number 0.45 gives
    book.setCell(name, at('18.1'), '45%');
    const fine = auditSheet(await book.readSheet(name));
    expect(fine.flags.filter((f) => f.kind === 'invalidInput')).toEqual([]);
    const item18 = fine.result.items.find((i) => i.id === '18')!;
    expect(item18.score.toNumber()).toBe(
      evaluate(jiangbei, { '18.1': 0.45 })
        .items.find((i) => i.id === '18')!
        .score.toNumber(),
    );
    expect(item18.max.minus(item18.score).toNumber()).toBe(10);
  });

  it('a ratio cell holding binary noise (0.1 + 0.2) is read as the number is: every 威海 二级 ratio, the same total as the core’s', async () => {
    const weihai = getRubric('weihai-2021-hospital-l2');
    const book = new MemoryWorkbook();
    const plan = planSheet(weihai, {});
    const name = await book.createSheet(plan);
    const facts: Record<string, number> = {};
    const ratios = plan.inputs.filter((input) => ['ratio', 'signedRatio'].includes(specOf(weihai, input.id)));
    expect(ratios.length).toBeGreaterThan(5);
    ratios.forEach((input, k) => {
      facts[input.id] = ((k % 7) * 0.1 + 0.2) / 3; // 0.06666666666666667, 0.1, 0.13333333333333333 …
      book.setCell(name, input.address, facts[input.id]!);
    });
    const audit = auditSheet(await book.readSheet(name));
    expect(audit.flags.filter((f) => f.kind === 'invalidInput')).toEqual([]);
    expect(audit.result.total.toString()).toBe(evaluate(weihai, facts).total.toString());
  });
});
