import { DowngradeRefundSchema, FractionalPointsSchema, RatioRoundingSchema } from '../../core';
import { specialCaseNames } from '../specialCase';

/**
 * What each `mib` command accepts, as data: the parser, the refusal of unknown flags and extra words,
 * `mib <command> --help` and the global usage are all derived from it. A new flag on a command is one
 * line in its `flags`.
 */
export interface FlagSpec {
  kind: 'boolean' | 'value';
  /** how the value is shown in usage: <金额>, proportional|whole|started */
  value?: string;
  /** zh-CN, for --help */
  description: string;
  required?: boolean;
  /** a one-letter form: -o for --output */
  short?: string;
  /** another flag this one means nothing without (--deposit needs --policy to compute a refund) */
  needs?: string;
  /** flags that do not apply when this one is given (--case is not computed from a score) */
  excludes?: string[];
}

export interface PositionalSpec {
  /** shown in usage as <name> */
  name: string;
  description: string;
  optional?: boolean;
  /** takes every remaining word (下属得分…) */
  many?: boolean;
}

export interface CommandSpec {
  positionals: PositionalSpec[];
  flags: Record<string, FlagSpec>;
  /** zh-CN, one line, for the global usage and --help */
  description: string;
  /** more lines for --help */
  notes?: string[];
}

const value = (placeholder: string, description: string, more: Partial<FlagSpec> = {}): FlagSpec => ({
  kind: 'value',
  value: placeholder,
  description,
  ...more,
});
const boolean = (description: string): FlagSpec => ({ kind: 'boolean', description });
const required = { required: true };

// flags several commands share, described once
const POLICY = value('<政策编号>', '政策编号（mib rubrics 列出），或地区自己的政策文件路径（如 ./my-policy.json，先经 mib check 同样的检查）');
const DEPOSIT = value('<金额>', '质量保证金金额（元），十进制数字，如 50000 或 12345.67');
const DOWNGRADE = value('<档数>', '降档数（整数 ≥ 0）');
const VETO = boolean('存在一票否决情形');
const JSON_OUT = boolean('输出 JSON');
const INPUT = value('<事实.json>', '事实文件：“输入编号: 取值”的 JSON 对象');
const CASE = value('<情形>', `考核之外的情形，此时不评定等次：${specialCaseNames.join('、')}`, { needs: 'policy' });
const CONVERT = boolean(
  '考核表与政策分制不同时（如威海 795 分与百分制政策），按政策分制折算后评定（得分 × 政策分制 / 考核表满分）；满分相同、只是考核表加分多于政策允许时，照常评定（不折算），超过政策分制的得分不予评定',
);
const COMPLETE = boolean('审核人确认填报完成：留空的事实按考核表的规定计，等次不再为“暂评”');
const OWNERSHIP = value('公立|民营', '机构性质：只适用于公立医疗机构的条款（江北 19、威海 C13、一级 C6）对民营机构不适用；不填按公立计并列为未填');
const CIRCUMSTANCE = value('<情形>', '机构存在的另行扣减情形，按政策所列名称（如 挂牌督办：再扣除保证金的10%）；多个用逗号分隔', { needs: 'policy' });
const SCALE = value('<考核表编号|满分>', '得分所用考核表（或其文件路径，或其满分，如 795）：分制与政策不同时按政策分制折算');
const REFUND_OPTIONS = {
  'fractional-points': value(FractionalPointsSchema.options.join('|'), '“每低1分”如何计不足1分的部分（默认见政策文件）'),
  'ratio-rounding': value(RatioRoundingSchema.options.join('|'), '返还比例“保留两位小数点”的读法（默认见政策文件）'),
  'downgrade-refund': value(DowngradeRefundSchema.options.join('|'), '降档是否也降返还档次（默认见政策文件）'),
};

export const HELP_FLAG: FlagSpec = { kind: 'boolean', short: 'h', description: '显示本命令的说明' };

export const commands = {
  score: {
    positionals: [
      {
        name: '考核表编号',
        description: '考核表编号（mib rubrics 列出），或地区自己的考核表文件路径（如 ./my-table.json，先经 mib check 同样的检查）',
      },
    ],
    flags: {
      input: { ...INPUT, ...required },
      policy: POLICY,
      deposit: { ...DEPOSIT, needs: 'policy' },
      downgrade: { ...DOWNGRADE, needs: 'policy' },
      convert: { ...CONVERT, needs: 'policy' },
      complete: COMPLETE,
      ownership: OWNERSHIP,
      case: CASE,
      ...REFUND_OPTIONS,
      circumstance: CIRCUMSTANCE,
      json: JSON_OUT,
    },
    description: '按事实文件计分；给出政策时加上等次，再给出保证金时加上返还金额',
  },
  grade: {
    positionals: [{ name: '得分', description: '考核得分，十进制数字' }],
    flags: { policy: { ...POLICY, ...required }, downgrade: DOWNGRADE, veto: VETO, scale: SCALE, case: CASE, json: JSON_OUT },
    description: '得分在政策下的等次',
  },
  refund: {
    positionals: [{ name: '得分', description: '考核得分，十进制数字（用 --case 时不给）', optional: true }],
    flags: {
      deposit: { ...DEPOSIT, ...required },
      policy: { ...POLICY, ...required },
      downgrade: DOWNGRADE,
      veto: VETO,
      scale: SCALE,
      ...REFUND_OPTIONS,
      circumstance: CIRCUMSTANCE,
      case: { ...CASE, excludes: ['downgrade', 'veto', 'scale', 'fractional-points', 'ratio-rounding', 'downgrade-refund', 'circumstance'] },
      json: JSON_OUT,
    },
    description: '质量保证金返还金额（元，四舍五入到分）',
  },
  composite: {
    positionals: [
      { name: '自身得分', description: '机构自身得分' },
      { name: '下属得分', description: '各下属机构得分', many: true },
    ],
    flags: { policy: { ...POLICY, ...required }, json: JSON_OUT },
    description: '含下属机构的综合得分（吉林 第十一条）',
  },
  template: {
    positionals: [
      {
        name: '考核表编号',
        description: '考核表编号（mib rubrics 列出），或地区自己的考核表文件路径（如 ./my-table.json，先经 mib check 同样的检查）',
      },
    ],
    flags: {
      output: value('<文件.xlsx>', '输出文件', { short: 'o', required: true }),
      input: INPUT,
      policy: POLICY,
      deposit: DEPOSIT,
      code: value('<机构编码>', '机构编码'),
      name: value('<机构名称>', '机构名称（表头保留全名；工作表名按 Excel 规则取有效名称）'),
      year: value('<年度>', '考核年度（四位年份）'),
      convert: { ...CONVERT, needs: 'policy' },
      complete: COMPLETE,
      ownership: OWNERSHIP,
      circumstance: CIRCUMSTANCE,
    },
    description: '生成不需加载项也能计算的考核表模板（.xlsx）',
  },
  collect: {
    positionals: [{ name: '文件.xlsx', description: '机构交回的考核表（mib template 或加载项生成、已填报）', many: true }],
    flags: {
      output: value('<名单.xlsx>', '输出的名单工作簿（mib roster 可读入）', { short: 'o', required: true }),
      rubric: value('<考核表编号|文件>', '只收集这张考核表的文件（编号或考核表文件路径）；不给时以第一份文件的考核表为准'),
      roster: value(
        '<机构名单.csv|机构名单.xlsx>',
        '经办机构自己的机构名单（表头同 mib roster 的名单：机构编码、机构名称，可选 级别、公立/民营、质量保证金、上级机构编码），按机构编码并入：名单中的这些信息填入收集的名单；列出未报送的机构和不在名单中的机构编码',
      ),
      json: boolean('输出逐个文件的收集情况（JSON）'),
    },
    description: '收集机构交回的考核表：取出填报值和自评得分、逐份审核，汇成一份名单',
    notes: [
      '名单的表头：机构编码、机构名称、公立/民营、质量保证金、自评得分，再是各输入编号；考核表或 --roster 名单中有级别、上级机构编码的，另有这两列；另有工作表“收集情况”逐个文件列出结果。机构编码一律按文本保存（前导 0 保留）。',
      '不是本工具生成的、已损坏的、或考核表不同的文件各列一行“未收集”，其余照常收集；机构编码重复的两份都收并标出；同一个文件给了两次只收集一次。',
      '给出 --roster 时：名单中的机构名称、级别、公立/民营、质量保证金、上级机构编码以名单为准（考核表填得不同的在该行说明）；机构编码不在名单中的考核表标为有审核提示；名单中未报送的机构列在报告末尾和“收集情况”工作表中。',
      '退出码：全部收集为 0，有未收集的文件为 1（名单照常生成），一份也没有收集为 2。',
    ],
  },
  roster: {
    positionals: [
      {
        name: '考核表编号',
        description: '考核表编号（mib rubrics 列出），或地区自己的考核表文件路径（如 ./my-table.json，先经 mib check 同样的检查）',
      },
    ],
    flags: {
      input: value(
        '<名单.csv|名单.xlsx>',
        '机构名单：第一行表头（机构编码、机构名称，可选 级别/类型、公立/民营、质量保证金、上级机构编码、降档、情形、自评得分、基金收入增长幅度，再是各输入编号），其下每行一家机构；CSV 可为 UTF-8（带或不带 BOM）、GBK 或 UTF-16',
        required,
      ),
      policy: POLICY,
      'peer-intervals': value(
        'equal-width|equal-count',
        '“从低到高依次平均划分为几个区间”（威海 A3–A5）：equal-width = 等宽区间（默认），equal-count = 等人数区间',
      ),
      'peer-trim': value('<比例>', '划分区间前两端各剔除的比例（“可剔除部分过高或过低的数据”），如 0.1 或 10%；默认 0 不剔除'),
      'low-band-share': value('<比例>', '低位区间占同级机构的比例（威海 A1、A2 “合理设置低位区间”），如 0.2 或 20%；默认 20%'),
      'a6-low-band': value('fixed|peers', '威海 A6 “低位区间占比20%”：fixed = 占比 20% 及以下（默认），peers = 同级机构中最低的 20%'),
      'tier-rounding': value('round|floor|ceil', '按比例算家数（如 7 家的 20%）：round = 四舍五入（默认），floor = 去尾，ceil = 进一'),
      'peer-ties': value('better|worse', '数据相同而跨越分界时：better = 都归较好的一侧（默认），worse = 都归较差的一侧'),
      'trimmed-high': value(
        'printed|last',
        '剔除的过高值归哪个区间：printed = 原文所写的区间（默认；威海 A5 四个区间“过高的增长率参照第三区间评分”），last = 最后一个区间',
      ),
      'fund-growth': value(
        '<比率>',
        '当年医保基金收入增长幅度，如 0.05 或 5%（威海 A5 “第一区间最低值不应大于当年医保基金收入增长幅度”）；不给时可由名单的“基金收入增长幅度”列给出，都没有则不用这一句并在口径中写明',
      ),
      previous: value(
        '<上年名单.csv|.xlsx>',
        '上年的名单，或上年 mib roster -o 写出的汇总工作簿：按机构编码对照上年得分与等次（汇总名单的上年得分、上年等次、得分变化列），列出今年新增与不再在名单的机构；较上年的条款（威海 A6 “比上年同期”）本列留空时按上年数据算出',
      ),
      convert: { ...CONVERT, needs: 'policy' },
      complete: COMPLETE,
      output: value('<汇总.xlsx>', '写出汇总工作簿：汇总名单（各机构结果）、汇总统计、同级分组（分界点）、口径说明、公示名单', { short: 'o' }),
      publish: value('<公示.xlsx>', '只写出公示名单（序号、机构名称、级别/类型、得分、等次、处理结果，按等次、得分排列）与通报，供公示或下发'),
      json: boolean('输出 JSON：institutions（各机构得分、等次、返还、各项得分、同级比较、问题）与 summary'),
      jsonl: boolean('每家机构输出一行 JSON（与 --json 的 institutions 各项相同），供其他程序逐行读取'),
    },
    description: '按名单给多家机构一起打分：与同级机构比较的条款（区间、低位区间、分档、排名）按名单计算，再评定等次与返还',
    notes: [
      '与同级机构比较的条款（威海 A1–A6、一级 B3、江北 23 等），名单中该输入编号的列填原始数据（增长率、自费率、得分、办理量），由名单计算区间或排名；同级按“级别/类型”列分组。',
      '吉林 第十一条：有“上级机构编码”列且政策有此规定时，上级机构的最终得分 = 自身得分 × 70% + 下属机构平均分 × 30%，下属机构不单独评定。',
      '退出码：各行都计分且没有问题为 0；有问题（编码重复、未知的列、同级只有一家、填报无效、上级机构不在名单中）为 1，其余照常计分，工作簿照常写出；命令或文件读不了为 2，不写任何文件。',
    ],
  },
  rubrics: {
    positionals: [],
    flags: { json: JSON_OUT },
    description: '列出考核表与政策',
  },
  check: {
    positionals: [{ name: '文件.json', description: '自定义考核表或政策文件' }],
    flags: {
      policy: value('<政策编号>', '（检查考核表时可给）与之配用的政策编号或政策文件：另查两者不一致之处（否决的后果、满分与加分），以警告列出'),
      json: JSON_OUT,
    },
    description: '检查自定义考核表或政策文件（有错误时退出码 1）；考核表加 --policy 时另查表与政策的配合',
  },
  new: {
    positionals: [{ name: '种类', description: 'table（考核表）或 policy（等次与返还政策）' }],
    flags: { output: value('<文件.json>', '写入的文件（不覆盖已有文件）；不给时输出到屏幕', { short: 'o' }) },
    description: '生成带说明的考核表或政策起始文件，照通知填写后用 mib check 检查',
    notes: ['“【待填】”处须照原文填写；mib check 会逐处列出尚未填写的地方。编写方法见 docs/编写考核表与政策.md'],
  },
  help: {
    positionals: [{ name: '命令', description: '要查看说明的命令', optional: true }],
    flags: {},
    description: '显示用法；mib help <命令> 显示该命令的说明',
  },
} satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof commands;

export const isCommandName = (name: string): name is CommandName => Object.hasOwn(commands, name);
