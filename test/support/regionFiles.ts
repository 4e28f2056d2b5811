// A region's own table and policy, written as an agency would from the README and the schemas, for a
// region the product does not ship: three items (a veto, a per-case deduction, a threshold) and a
// policy with its scale and grades. Used by the stored-file tests and the pane's import test.

export const REGION_RUBRIC_ID = 'test-region-2026-hospital';
export const REGION_POLICY_ID = 'test-region-2026';

export function regionRubric(overrides: { title?: string; points6?: number } = {}): Record<string, unknown> {
  return {
    kind: 'rubric',
    id: REGION_RUBRIC_ID,
    title: overrides.title ?? '某市2026年定点医疗机构考核表',
    region: '某市',
    year: 2026,
    institution: 'hospital',
    layout: 'jiangbei',
    provenance: {
      issuer: '某市医疗保障事务中心',
      documentNumber: '某医保发〔2026〕1号',
      attachment: '附件1',
      title: '关于开展2026年定点医疗机构考核的通知',
      date: '2026-01-10',
      seedFile: 'none',
    },
    total: 100,
    sections: [{ name: '协议履行情况' }],
    vetoEffect: 'zero',
    items: [
      {
        no: '1',
        section: '协议履行情况',
        indicator: '是否按期缴纳罚金',
        definition: '是否按照处罚通知书足额按期缴纳罚金。',
        method: '未缴纳罚金的不签订协议。',
        category: '否决项',
        points: null,
        rules: [{ kind: 'veto', text: '未缴纳罚金的不签订协议。', input: { id: '1.1', type: 'boolean', label: '未缴纳罚金' } }],
      },
      {
        no: '2',
        section: '协议履行情况',
        indicator: '是否超标准收费',
        definition: '是否执行医疗服务价格。',
        method: '超标准收费的，发现一次扣2分，扣完为止。',
        category: '扣分项',
        points: overrides.points6 ?? 40,
        rules: [
          {
            kind: 'perOccurrence',
            effect: 'deduct',
            points: 2,
            text: '超标准收费的，发现一次扣2分，扣完为止。',
            input: { id: '2.1', type: 'count', label: '超标准收费的次数', unit: '次' },
          },
        ],
      },
      {
        no: '3',
        section: '协议履行情况',
        indicator: '是否如实上传结算清单',
        definition: '是否按要求上传医保结算清单。',
        method: '未如实上传的，扣60分。',
        category: '扣分项',
        points: 100 - (overrides.points6 ?? 40),
        rules: [
          {
            kind: 'condition',
            effect: 'deduct',
            points: 100 - (overrides.points6 ?? 40),
            text: '未如实上传的，扣60分。',
            input: { id: '3.1', type: 'boolean', label: '未如实上传结算清单' },
          },
        ],
      },
    ],
  };
}

export function regionPolicy(): Record<string, unknown> {
  return {
    kind: 'policy',
    id: REGION_POLICY_ID,
    title: '某市2026年定点医药机构考核',
    region: '某市',
    institution: 'any',
    provenance: {
      issuer: '某市医疗保障事务中心',
      documentNumber: '某医保发〔2026〕1号',
      title: '关于开展2026年定点医疗机构考核的通知',
      date: '2026-01-10',
      seedFile: 'none',
    },
    scale: { points: 100, bonus: 0, text: '考核实行百分制' },
    grades: [
      { label: '优秀', min: 90, text: '90分及以上为优秀' },
      { label: '合格', min: 60, max: 90, text: '60分至90分为合格' },
      { label: '不合格', max: 60, text: '60分以下为不合格' },
    ],
    veto: { grade: '不合格', score: 0, text: '存在否决项得分为0分' },
  };
}

export const textOf = (json: unknown) => `${JSON.stringify(json, null, 2)}\n`;
