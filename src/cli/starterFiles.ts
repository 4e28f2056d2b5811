import { PLACEHOLDER } from '../core';

/**
 * The starting files `mib new table` and `mib new policy` write: small but complete, so `mib check`
 * passes them at once and `mib score` can run on them; every text the author must take from the
 * document holds PLACEHOLDER, which `mib check` names until it is replaced. JSON has no comments: the
 * explanations are `$comment` fields, which the schemas allow and the scoring never reads.
 */
const TODO = (what: string) => `${PLACEHOLDER}${what}`;
const GUIDE = '编写方法见 docs/编写考核表与政策.md';

export const starterTable = {
  $comment: `考核表的起始文件（mib new table 生成）。把每个“${PLACEHOLDER}”换成通知原文，按表上的行增删 items，然后运行 mib check 本文件；通过后即可 mib score ./本文件.json --input 事实.json。${GUIDE}`,
  kind: 'rubric',
  id: 'my-region-2025-hospital',
  title: TODO('考核表标题，如 2025年定点医疗机构考核表'),
  region: TODO('地区，如 某市某区'),
  year: 2025,
  institution: 'hospital',
  provenance: {
    issuer: TODO('发文单位'),
    documentNumber: TODO('文号，如 某医保发〔2025〕1号'),
    attachment: TODO('附件序号，如 附件1'),
    title: TODO('文件标题'),
    date: TODO('印发日期，如 2025-01-01'),
  },
  total: 25,
  sections: [{ name: '基础管理' }],
  vetoEffect: 'zero',
  notes: [TODO('口径说明：原文有两种读法时写明按哪种读；没有就删去 notes')],
  items: [
    {
      $comment: '一个只有否决项的考核项：分值印“/”，points 写 null；事实为“是”即否决。',
      no: '1',
      section: '基础管理',
      indicator: TODO('考核指标'),
      definition: TODO('指标释义'),
      method: TODO('计分方法原文，如 未缴纳罚金的不签订协议'),
      category: '否决项',
      points: null,
      rules: [{ kind: 'veto', input: { id: '1.1', label: TODO('情形，如 未缴纳罚金'), type: 'boolean' }, text: TODO('计分方法中规定否决的那一句') }],
    },
    {
      $comment: '按次扣分，另有一句“不得分”：每个事实的输入编号为 序号.1、序号.2……',
      no: '2',
      section: '基础管理',
      indicator: TODO('考核指标'),
      definition: TODO('指标释义'),
      method: TODO('计分方法原文，如 发现一次扣1分；拒不配合的，不得分'),
      category: '扣分项',
      points: 10,
      rules: [
        {
          kind: 'perOccurrence',
          input: { id: '2.1', label: TODO('发现的次数'), type: 'count' },
          effect: 'deduct',
          points: 1,
          text: TODO('如 发现一次扣1分'),
        },
        {
          kind: 'condition',
          input: { id: '2.2', label: TODO('情形，如 拒不配合'), type: 'boolean' },
          effect: 'deduct',
          points: 'all',
          text: TODO('如 拒不配合的，不得分'),
        },
      ],
    },
    {
      $comment: '达标线：比例写小数（90% 写 0.9）；“未达到90%”是 op "<"。',
      no: '3',
      section: '基础管理',
      indicator: TODO('考核指标'),
      definition: TODO('指标释义'),
      method: TODO('计分方法原文，如 未达到90%的不得分'),
      category: '扣分项',
      points: 10,
      rules: [
        {
          kind: 'threshold',
          input: { id: '3.1', label: TODO('达标率'), type: 'ratio' },
          when: { op: '<', value: 0.9 },
          effect: 'deduct',
          points: 'all',
          text: TODO('如 未达到90%的不得分'),
        },
      ],
    },
    {
      $comment: '每人次扣小数分并封顶：“每人次扣0.1分，最多扣1分”写 points 0.1、cap 1。',
      no: '4',
      section: '基础管理',
      indicator: TODO('考核指标'),
      definition: TODO('指标释义'),
      method: TODO('计分方法原文，如 每发现一人次扣0.1分，最多扣1分'),
      category: '扣分项',
      points: 5,
      rules: [
        {
          kind: 'perOccurrence',
          input: { id: '4.1', label: TODO('人次'), type: 'count' },
          effect: 'deduct',
          points: 0.1,
          cap: 1,
          text: TODO('如 每发现一人次扣0.1分，最多扣1分'),
        },
      ],
    },
  ],
};

export const starterPolicy = {
  $comment: `政策的起始文件（mib new policy 生成）。把每个“${PLACEHOLDER}”换成通知原文，按通知改分数线与返还比例，然后运行 mib check 本文件；通过后即可 --policy ./本文件.json。${GUIDE}`,
  kind: 'policy',
  id: 'my-region-2025',
  title: TODO('政策文件标题'),
  region: TODO('地区'),
  institution: 'any',
  provenance: {
    issuer: TODO('发文单位'),
    documentNumber: TODO('文号'),
    title: TODO('文件标题'),
    date: TODO('印发日期'),
  },
  scale: { points: 100, bonus: 0, text: TODO('规定分制的原文，如 考核采取百分制') },
  grades: [
    {
      $comment: '等次从高到低；每档含 min、不含 max；相邻两档 max 等于上一档 min。',
      label: '优秀',
      min: 90,
      text: TODO('如 90分以上（含90分）为优秀'),
      refund: { kind: 'full', text: TODO('如 全额返还') },
    },
    {
      label: '良好',
      min: 80,
      max: 90,
      text: TODO('如 80分（含）至90分为良好'),
      refund: { kind: 'perPointBelow', base: 90, ratePerPoint: 0.02, text: TODO('如 较90分每低1分扣除2%') },
    },
    {
      label: '合格',
      min: 60,
      max: 80,
      text: TODO('如 60分（含）至80分为合格'),
      refund: { kind: 'perPointBelow', base: 90, ratePerPoint: 0.02, text: TODO('如 较90分每低1分扣除2%') },
    },
    { label: '不合格', max: 60, text: TODO('如 60分以下为不合格'), refund: { kind: 'none', text: TODO('如 不予返还') } },
  ],
  veto: { grade: '不合格', text: TODO('如 出现否决项的，考核结果为不合格') },
  refund: { fractionalPoints: 'proportional', ratioRounding: 'none', text: TODO('规定返还的原文；不返还保证金时删去 refund 和各等次的 refund') },
};

/** The file as written: two-space JSON, fields left undefined dropped. */
export const starterText = (file: object) => `${JSON.stringify(file, null, 2)}\n`;
