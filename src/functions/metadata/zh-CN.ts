// zh-CN names and descriptions of the MIB custom functions, kept as data. The build
// (scripts/build/zhFunctionsMetadataPlugin.ts) merges them into the English functions.json that
// custom-functions-metadata-plugin writes from the JSDoc in ../functions.ts and emits
// functions.zh-CN.json, which the manifest serves to zh-CN Excel; a function or parameter present on one
// side and not the other fails the build and test/functions/metadata.test.ts.
//
// Function names stay SCORE, ITEM, …: Chinese Excel itself keeps English function names (求和 is SUM),
// so `=MIB.SCORE(...)` reads the same in every language, in the sheets the add-in generates and in the
// documentation. What a zh-CN user reads is Chinese: the description in the function list and the
// parameter names and descriptions in the formula tooltip.

export interface ParameterTranslation {
  name: string;
  description: string;
}

export interface FunctionTranslation {
  description: string;
  /** keyed by the English parameter name, in the function's order */
  parameters: Record<string, ParameterTranslation>;
}

const rubric: ParameterTranslation = { name: '考核表', description: '考核表编号，如 "cq-jiangbei-2025-hospital"（可用 MIB.RUBRICS() 查看）' };
const ids: ParameterTranslation = {
  name: '编号',
  description: '输入编号（如 4.2、C16.3）所在的一列或一行；也可以是“编号 | 取值”两列的区域',
};
const values: ParameterTranslation = {
  name: '取值',
  description: '与编号一一对应的一列或一行：是/否（TRUE/FALSE、1/0 亦可）、次数、比例（45% 或 0.45）；空白单元格为未填写。编号区域已含取值时省略',
};
const score: ParameterTranslation = { name: '得分', description: '考核得分' };
const policy: ParameterTranslation = { name: '政策', description: '政策编号，如 "jilin-2025"（可用 MIB.POLICIES() 查看）' };
const ownership: ParameterTranslation = {
  name: '机构性质',
  description: '“公立”或“民营”：只适用于公立医疗机构的条款对民营机构不计；空白为未填写（按公立计）',
};
const downgrade: ParameterTranslation = { name: '降档数', description: '降档数（如被省级医保部门通报批评降 1 档）；空白为 0' };
const veto: ParameterTranslation = { name: '一票否决', description: '发现一票否决情形时填 TRUE（或“是”）；空白为否' };
const specialCase: ParameterTranslation = {
  name: '特殊情形',
  description: '不参加正常考核的情形：申请终止有违规、申请终止无违规、解除协议、履约不满6个月（吉林 第十三至十五条）、准入不满一年（宁德）；空白为无',
};
const scale: ParameterTranslation = {
  name: '分制',
  description:
    '得分所用考核表的编号或满分（如 795）：给出时得分按政策分制折算（如 折算为百分制：得分×100/795）；不同分制的得分不给出此参数时不予评定',
};
const invalid: ParameterTranslation = { name: '无效项数', description: '无效填报值的个数：大于 0 时结果为“暂不评定”；空白为 0' };
const missing: ParameterTranslation = { name: '未填项数', description: '尚未填写的事实个数：大于 0 时等次为“暂评”；审核人确认填报完成后填 0 或留空' };

export const zhCNFunctions: Record<string, FunctionTranslation> = {
  SCORE: {
    description: '按考核表计算机构的考核总分；出现否决项时，不给政策则按考核表“得分为0”，给出政策则按政策的否决规定',
    parameters: {
      rubric,
      ids,
      values,
      ownership,
      policy: { name: '政策', description: '（可空）政策编号，如 "jilin-2025"：否决项对总分的影响按政策的否决规定；空白则按考核表（得分为 0）' },
    },
  },
  ITEM: {
    description: '计算考核表中某一项的得分',
    parameters: {
      rubric,
      item: { name: '项目', description: '项目序号（如 4）或类别代码（如 C16）' },
      ids,
      values,
      ownership,
    },
  },
  GRADE: {
    description: '按政策确定考核得分对应的等次：计入一票否决和降档；有未填事实时为“暂评”，有无效填报值时为“暂不评定”',
    parameters: { score, policy, downgrade, veto, specialCase, scale, invalid, missing },
  },
  REFUND: {
    description: '按政策计算应返还的质量保证金（元，四舍五入到分）',
    parameters: {
      score,
      deposit: { name: '质量保证金', description: '质量保证金金额（元）' },
      policy,
      downgrade,
      veto,
      specialCase,
      fractionalPoints: {
        name: '不足1分计法',
        description: '“每低1分”时不足1分的计法：proportional（按实际差值）、whole（只计整分）、started（不足1分按1分）；空白按政策默认',
      },
      ratioRounding: {
        name: '比例取舍',
        description: '返还比例的取舍：percent-2（百分数保留两位小数）、fraction-2（小数保留两位）、none（不取舍）；空白按政策默认',
      },
      downgradeRefund: { name: '降档返还', description: '降档是否改变返还档次：grade（按降档后等次）、score（仍按得分所在等次）；空白按政策默认' },
      scale,
      invalid,
      missing,
      circumstances: {
        name: '扣减情形',
        description: '机构存在的另行扣减情形，按政策所列名称填写（如 挂牌督办：再扣除保证金的10%）；多个用逗号或顿号分隔；空白为无',
      },
    },
  },
  COMPOSITE: {
    description: '有下属机构的定点医疗机构的综合得分：本机构得分×70%＋下属机构平均得分×30%（吉林 第十一条）',
    parameters: {
      own: { name: '本机构得分', description: '本机构自身的考核得分' },
      subordinates: { name: '下属得分', description: '下属机构（人员）的考核得分所在区域；空白单元格不计' },
      policy: { name: '政策', description: '政策编号；空白为 "jilin-2025"' },
    },
  },
  FLAGS: {
    description: '列出需要复核的情况：否决项、超出单项分值未计入的扣分、条款“最多扣N分”封顶未计的扣分、无效或未填写的输入',
    parameters: { rubric, ids, values, ownership },
  },
  POINTS: {
    description: '考核表的满分（不含加分项），或某一项的分值',
    parameters: { rubric, item: { name: '项目', description: '项目序号或类别代码；空白为整张考核表' } },
  },
  INPUTS: {
    description: '列出考核表的全部输入编号、应填的取值及不填时按什么计，供 MIB.SCORE 使用',
    parameters: { rubric },
  },
  RUBRICS: {
    description: '列出本加载项内置的官方考核表',
    parameters: {},
  },
  POLICIES: {
    description: '列出本加载项内置的等次与质量保证金返还政策',
    parameters: {},
  },
};
