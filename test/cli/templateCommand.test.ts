// `mib template`: writes an .xlsx of the assessment sheet (checked by reading it back), pre-fills facts,
// and refuses bad input with a Chinese message naming the field.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { assess, evaluate, getPolicy, getRubric, rubricIds } from '../../src/core';
import { planSheet } from '../../src/sheet/planSheet';
import { recalculate, sofficeVersion } from '../support/sofficeRecalc';

const dir = mkdtempSync(join(tmpdir(), 'mib-template-cli-'));
const mib = (...args: string[]) => spawnSync('node', ['bin/mib.js', ...args], { encoding: 'utf8' });

async function open(file: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return workbook;
}

describe('mib template', () => {
  it('writes the 江北 hospital sheet with facts pre-filled, formulas without cached values', async () => {
    const facts = join(dir, 'facts.json');
    writeFileSync(facts, JSON.stringify({ '4.2': 7, '15.1': '是', '18.1': 0.45 }));
    const out = join(dir, 'jb.xlsx');
    const r = mib('template', 'cq-jiangbei-2025-hospital', '--input', facts, '--policy', 'cq-jiangbei-2025', '--name', '江北区某医院', '-o', out);
    expect(r.stderr.replace(/npm warn.*\n/g, '')).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`已生成 ${out}：工作表“江北区某医院-2025”，24 项`);
    const workbook = await open(out);
    const sheet = workbook.getWorksheet('江北区某医院-2025')!;
    expect(sheet.getCell('M3').value).toBe('cq-jiangbei-2025-hospital'); // beside the header, not printed
    expect(sheet.getCell('C4').value).toBe('重庆市江北区2025年定点医药机构协议签订考核');
    // the facts, as the sheet shows them
    const idRow = (id: string) => {
      for (let r = 10; r <= sheet.rowCount; r++) if (sheet.getCell(`K${r}`).value === id) return r;
      throw new Error(id);
    };
    expect(sheet.getCell(`M${idRow('4.2')}`).value).toBe(7);
    expect(sheet.getCell(`M${idRow('15.1')}`).value).toBe('是');
    expect(sheet.getCell(`M${idRow('18.1')}`).value).toBe(0.45);
    // a formula and no cached result: every spreadsheet computes it on opening
    const total = sheet.getCell('C5').value as ExcelJS.CellFormulaValue;
    expect(total.formula).toMatch(/^IF\(C6>0,0,/);
    expect(total.result).toBeUndefined();
    // ids stay text ("1.10" must not become 1.1), validation, protection, names, print setup
    expect(sheet.getCell(`K${idRow('4.2')}`).numFmt).toBe('@');
    expect(sheet.getCell(`M${idRow('15.1')}`).dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    // the input message names the input and says what a blank counts as
    expect(sheet.getCell(`M${idRow('20.1')}`).dataValidation).toMatchObject({
      promptTitle: '输入编号 20.1',
      prompt: '药品网采率：填 0%–100% 的比例；不填视为未达到，不得分',
    });
    expect(sheet.getCell(`M${idRow('4.2')}`).protection).toMatchObject({ locked: false });
    expect(sheet.getCell('C5').protection?.locked ?? true).toBe(true); // locked is the default
    expect((sheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    const names = (workbook.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
    expect(names.find((n) => n.name === 'MIB_TOTAL')?.ranges).toEqual(["'江北区某医院-2025'!$C$5"]);
    // A4 landscape at a fixed scale (8 pt or more), breaks between items, 第 N 页 共 M 页 counting the form
    // alone, and one print range: the official columns with 得分 (A–J); the working columns print on the
    // 填报明细 sheet after it, numbered from 1 with a count of their own
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '11:11' });
    expect(sheet.pageSetup.scale).toBeGreaterThanOrEqual(73);
    expect(sheet.headerFooter.oddFooter).toBe('&C第 &P 页 共 5 页');
    const working = workbook.worksheets[1]!;
    expect(working.name).toBe('江北区某医院-2025 填报明细');
    expect(working.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '2:2', firstPageNumber: 1 });
    expect(working.headerFooter.oddFooter).toMatch(/^&C填报明细 第 &P 页 共 \d 页$/);
    let viewRow = 3;
    while (working.getCell(`B${viewRow}`).value !== '4.2' && viewRow < 100) viewRow++;
    expect(working.getCell(`D${viewRow}`).value).toMatchObject({
      formula: `IF('江北区某医院-2025'!M${idRow('4.2')}="","",'江北区某医院-2025'!M${idRow('4.2')})`,
    });
    const sheetXml = await (await JSZip.loadAsync(readFileSync(out))).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheetXml).toMatch(/<rowBreaks count="[1-9]\d*"/);
    const workbookXml = await (await JSZip.loadAsync(readFileSync(out))).file('xl/workbook.xml')!.async('string');
    expect(workbookXml).toMatch(/<definedName name="_xlnm.Print_Area" localSheetId="0">&apos;江北区某医院-2025&apos;!\$A\$1:\$J\$\d+<\/definedName>/);
    expect(workbookXml).toMatch(
      /<definedName name="_xlnm.Print_Area" localSheetId="1">&apos;江北区某医院-2025 填报明细&apos;!\$A\$1:\$L\$\d+<\/definedName>/,
    );
    expect(workbookXml.match(/_xlnm.Print_Area/g)).toHaveLength(2);
    expect(sheet.hasMerges).toBe(true);
  });

  it('--ownership 民营 fills 机构性质 in the header', async () => {
    const out = join(dir, 'private.xlsx');
    const r = mib('template', 'cq-jiangbei-2025-hospital', '--ownership', '民营', '-o', out);
    expect(r.status).toBe(0);
    const sheet = (await open(out)).worksheets[0]!;
    expect(sheet.getCell('G9').value).toBe('机构性质');
    expect(sheet.getCell('H9').value).toBe('民营');
    expect(sheet.getCell('H9').dataValidation).toMatchObject({ type: 'list', formulae: ['"公立,民营"'] });
  });

  it.each([
    [['template', 'cq-jiangbei-2025-hospital', '--ownership', 'x', '-o', 'x.xlsx'], '--ownership（机构性质）应为“公立”或“民营”'],
    [['template', 'no-such-table', '-o', 'x.xlsx'], '未知的考核表编号“no-such-table”'],
    [['template', 'cq-jiangbei-2025-hospital'], '缺少参数 -o <文件.xlsx>'],
    [['template', 'cq-jiangbei-2025-hospital', '-o', 'x.csv'], '输出文件应以 .xlsx 结尾'],
    [['template', 'cq-jiangbei-2025-hospital', '--policy', 'nowhere', '-o', 'x.xlsx'], '未知的政策编号“nowhere”'],
    [['template', 'cq-jiangbei-2025-hospital', '--deposit', '-5', '-o', 'x.xlsx'], '--deposit（质量保证金）不能为负数'],
    [['template', 'cq-jiangbei-2025-hospital', '--input', 'missing.json', '-o', 'x.xlsx'], '读不到文件“missing.json”'],
  ])('refuses %j: %s', (args, message) => {
    const r = mib(...args);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it('refuses a bad fact, naming its id, and writes nothing', () => {
    const facts = join(dir, 'bad.json');
    writeFileSync(facts, JSON.stringify({ '4.2': -1, '18.1': 1.5 }));
    const out = join(dir, 'bad.xlsx');
    const r = mib('template', 'cq-jiangbei-2025-hospital', '--input', facts, '-o', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('4.2（');
    expect(r.stderr).toContain('18.1（');
    expect(existsSync(out)).toBe(false);
  });
});

describe('mib template: any institution name gives a valid sheet that every MIB_* name points at', () => {
  /** The sheet names in the workbook and each defined name's target, read from the file's XML. */
  async function sheetsAndNames(file: string) {
    const zip = await JSZip.loadAsync(readFileSync(file));
    const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
    const unescape = (s: string) =>
      s
        .replace(/&apos;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
    const sheets = [...workbook.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => unescape(m[1]!));
    const names = [...workbook.matchAll(/<definedName [^>]*name="([^"]*)"[^>]*>([^<]*)<\/definedName>/g)].map((m) => ({
      name: m[1]!,
      ref: unescape(m[2]!),
    }));
    return { sheets, names };
  }

  const long = `重庆市江北区${'某'.repeat(32)}医院`; // 40 characters
  const written: Record<string, string> = {};

  it.each([
    ['某医院/分院', '某医院_分院-2025'],
    [long, `${long.slice(0, 26)}-2025`],
  ])('--name %j', async (name, sheetName) => {
    const out = join(dir, `name-${Object.keys(written).length}.xlsx`);
    const r = mib('template', 'cq-jiangbei-2025-hospital', '--policy', 'jilin-2025', '--deposit', '10000', '--name', name, '-o', out);
    expect(r.stderr.replace(/npm warn.*\n/g, '')).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`工作表“${sheetName}”`);
    const { sheets, names } = await sheetsAndNames(out);
    // the form, then its 填报明细 (the name cut before the suffix, within 31 characters)
    const working = `${sheetName.slice(0, 31 - ' 填报明细'.length)} 填报明细`;
    expect(sheets).toEqual([sheetName, working]);
    expect(names.map((n) => n.name)).toEqual(expect.arrayContaining(['MIB_TOTAL', 'MIB_GRADE', 'MIB_REFUND', 'MIB_INPUTS']));
    for (const { name: defined, ref } of names) {
      const on = defined.startsWith('MIB_') ? sheetName : ref.startsWith(`'${working}'!`) ? working : sheetName;
      expect(ref.startsWith(`'${on}'!`), ref).toBe(true);
    }
    // the header keeps the full name
    const sheet = (await open(out)).getWorksheet(sheetName)!;
    const values = sheet.getRows(1, 8)!.flatMap((row) => (row.values as unknown[]).filter((v) => typeof v === 'string'));
    expect(values).toContain(name);
    written[name] = out;
  });

  it('LibreOffice opens both files and computes the total, grade and refund', async () => {
    if (!sofficeVersion()) throw new Error('LibreOffice (soffice) is not installed');
    const files = Object.values(written);
    expect(files).toHaveLength(2);
    const computed = await recalculate(files);
    const plan = planSheet(getRubric('cq-jiangbei-2025-hospital'), { policyId: 'jilin-2025', deposit: 10000 });
    for (const file of files) {
      const cell = computed.get(file)!;
      // a blank sheet, computed through the names' sheet: the same total, grade and refund as the core
      const result = evaluate(getRubric('cq-jiangbei-2025-hospital'), {});
      expect(cell(plan.fields.total)).toBe(result.total.toNumber());
      // nothing filled: mib score grades provisionally (暂评 … 尚有 38 项未填: 37 facts and 机构性质); the form
      // gives no verdict, 待填报 where the grade and the refund would stand
      const assessed = assess(getRubric('cq-jiangbei-2025-hospital'), result, getPolicy('jilin-2025'), { deposit: 10000 });
      expect(assessed.gradeText).toMatch(/^暂评 .+（尚有 38 项未填）$/);
      expect(cell(plan.fields.grade!)).toBe('待填报（尚有 38 项未填）');
      expect(cell(plan.fields.refund!)).toBe('待填报');
    }
  }, 180_000);

  // Excel's limits (support.microsoft.com "Excel specifications and limits": a row at most 409 points; an inline
  // list "comma-separated", at most 255 characters) and user text beginning with = or @ kept as text
  const limitFiles: Record<string, string> = {};
  it.each(rubricIds)('%s: no row over 409 points, every inline list within 255 characters and split as planned, =1+1 as text', async (rubricId) => {
    const out = join(dir, `limits-${rubricId}.xlsx`);
    const policy = rubricId.startsWith('weihai') ? ['--policy', 'jilin-2025', '--convert'] : ['--policy', 'cq-jiangbei-2025'];
    const r = mib('template', rubricId, ...policy, '--name', '=1+1', '--code', '@SUM(1)', '-o', out);
    expect(r.status, r.stderr).toBe(0);
    limitFiles[rubricId] = out;
    const workbook = await open(out);
    const sheet = workbook.worksheets[0]!;
    const heights: number[] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => heights.push(row.height ?? 15));
    expect(Math.max(...heights)).toBeLessThanOrEqual(409);
    const plan = planSheet(getRubric(rubricId), { policyId: policy[1]!, convert: policy.length > 2 });
    const lists = plan.validations.filter((v) => v.rule.kind === 'list');
    expect(lists.length).toBeGreaterThan(0);
    for (const validation of lists) {
      const first = validation.range.split(':')[0]!;
      const held = sheet.getCell(first).dataValidation;
      expect(held.type).toBe('list');
      const source = String(held.formulae![0]).replace(/^"|"$/g, '');
      expect(source.length).toBeLessThanOrEqual(255);
      expect(source.split(',')).toEqual((validation.rule as { options: string[] }).options);
    }
    expect(sheet.getCell(plan.fields.institutionName).value).toBe('=1+1');
    expect(sheet.getCell(plan.fields.institutionName).numFmt).toBe('@');
    expect(sheet.getCell(plan.fields.institutionCode).value).toBe('@SUM(1)');
  });

  it('LibreOffice keeps the institution “=1+1” and the code “@SUM(1)” as text', async () => {
    if (!sofficeVersion()) throw new Error('LibreOffice (soffice) is not installed');
    const files = Object.values(limitFiles);
    expect(files).toHaveLength(rubricIds.length);
    const computed = await recalculate([files[0]!]);
    const plan = planSheet(getRubric(rubricIds[0]!), { policyId: 'cq-jiangbei-2025' });
    const cell = computed.get(files[0]!)!;
    expect(cell(plan.fields.institutionName)).toBe('=1+1');
    expect(cell(plan.fields.institutionCode)).toBe('@SUM(1)');
  }, 180_000);
});
