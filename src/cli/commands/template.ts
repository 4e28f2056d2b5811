import { fileError } from '../files';
import { circumstancesFrom, clipped, evaluate, fingerprint, MibError, sourceText } from '../../core';
import { planSheet } from '../../sheet/plan';
import { FILES_SHEET } from '../../sheet/storedFiles/contract';
import { decimalArg, type Flags, parseArg } from '../args';
import { OwnershipArgSchema } from '../ownershipArg';
import type { OwnFiles } from '../ownFiles';
import { DEPOSIT } from './grading';
import { planToXlsx } from '../xlsxTemplate';

export interface TemplateIo {
  out(text: string): void;
  err(text: string): void;
  readFacts(path: string): Record<string, unknown>;
  writeFile(path: string, data: Uint8Array): void;
  /** the table and policy named by id or by path (a path is read, checked and registered) */
  files: OwnFiles;
}

const YEAR = { what: '--year（考核年度）', integer: true, min: 2000, max: 2100 };

/**
 * `mib template <rubric> [--input f.json] [--policy id] [--deposit n] [--code c] [--name n] [--year y] [--ownership 公立|民营] -o file.xlsx`:
 * the assessment sheet as an .xlsx that computes in any spreadsheet, for institutions without the add-in.
 * Facts from --input are checked by the core first: a bad fact stops the command, naming its id.
 */
export async function template(io: TemplateIo, positionals: string[], flags: Flags): Promise<number> {
  const id = positionals[0];
  if (id === undefined) throw new MibError('invalid-argument', '考核表编号', '缺少考核表编号', 'missing rubric id');
  const rubric = io.files.rubric(id);
  const policy = typeof flags.policy === 'string' ? io.files.policy(flags.policy) : undefined;
  const output = flags.output;
  if (typeof output !== 'string') throw new MibError('invalid-argument', '-o', '缺少输出文件：-o <文件.xlsx>', 'missing -o <file.xlsx>');
  if (!/\.xlsx$/i.test(output))
    throw new MibError('invalid-argument', '-o', `输出文件应以 .xlsx 结尾，收到的是“${clipped(output)}”`, 'the output file must end in .xlsx');
  let inputs: Record<string, unknown> = {};
  if (typeof flags.input === 'string') {
    inputs = io.readFacts(flags.input);
    const { invalid } = evaluate(rubric, inputs);
    if (invalid.length > 0) {
      for (const problem of invalid) io.err(`输入错误：${problem.message}`);
      io.err(`共 ${invalid.length} 处输入错误，未生成模板。请更正 ${clipped(flags.input)} 后重试。`);
      return 2;
    }
  }
  // a region's own table and policy travel inside the workbook (MIB_FILES), for the add-in to recognise;
  // the sheet records the table's version, so a later version of it flags this sheet
  const stored = io.files.stored();
  const ownTable = stored.find((file) => file.kind === 'rubric' && file.id === rubric.id);
  const plan = planSheet(rubric, {
    ...(ownTable && { rubricVersion: fingerprint(ownTable.text) }),
    ...(policy && { policyId: policy.id }),
    ...(typeof flags.deposit === 'string' && { deposit: decimalArg(flags.deposit, DEPOSIT).toFixed() }),
    ...(typeof flags.code === 'string' && { institutionCode: flags.code }),
    ...(typeof flags.name === 'string' && { institutionName: flags.name }),
    ...(typeof flags.year === 'string' && { year: decimalArg(flags.year, YEAR).toNumber() }),
    ...(typeof flags.ownership === 'string' && { ownership: parseArg(OwnershipArgSchema, flags.ownership, '--ownership') }),
    ...(typeof flags.circumstance === 'string' && { circumstances: circumstancesFrom(flags.circumstance) }),
    inputs,
    withAddinFunctions: false,
    convert: flags.convert === true,
    complete: flags.complete === true,
  });
  const data = await planToXlsx(plan, stored);
  try {
    io.writeFile(output, data);
  } catch (error) {
    throw fileError(output, error, { writing: true });
  }
  const formulas = plan.grid.flat().filter((cell) => cell && 'formula' in cell).length;
  io.out(
    `已生成 ${output}：工作表“${plan.name}”，${rubric.items.length} 项、${plan.inputs.length} 个填报值、${formulas} 个公式（${sourceText(rubric.provenance)}）`,
  );
  if (stored.length > 0)
    io.out(
      `工作簿内附 ${stored.map((f) => `${f.kind === 'rubric' ? '考核表' : '政策'} ${f.id}`).join('、')}（隐藏工作表 ${FILES_SHEET}），加载项打开时可识别`,
    );
  return 0;
}
