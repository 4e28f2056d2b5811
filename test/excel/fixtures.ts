import type { PlanCell, SheetPlan } from '../../src/sheet/types';

/**
 * A small hand-made plan in the shape planSheet gives: a title, a header block, two items (one with
 * two clauses), a text cell that begins with "=", an id column whose "1.1" must stay text.
 *
 *      A        B           C             D    E(input)  F(score)            G(self)  H(diff)  I(id)
 *  1   考核表 (merged A1:I1)
 *  2   机构编码  <code>      机构名称      <name> 年度     <year>              考核表   <rubric>
 *  3   政策     <policy>     保证金        <dep>  总分     =SUM(F6,F8)          否决     =COUNTIF(…)
 *  5   序号     考核指标      计分方法      分值  事实      得分                 自评     差异     编号
 *  6   1        病历         =每次扣1分    5     (1.1)    =MAX(0,D6-E6-E7*10)  (self)   =G6-F6   1.1
 *  7                                             (1.2 %)                                          1.2
 *  8   2        否决         是否违规      10    (2.1)    =IF(E8="是",0,D8)    (self)   =G8-F8   2.1
 */
export function fixturePlan(overrides: Partial<SheetPlan> = {}): SheetPlan {
  const t = (value: string, style = 'body'): PlanCell => ({ value, style });
  const f = (formula: string, style = 'score'): PlanCell => ({ formula, style });
  const input = (style = 'input'): PlanCell => ({ style });
  const grid: (PlanCell | null)[][] = [
    [{ value: '考核表', style: 'title' }],
    [t('机构编码'), input(), t('机构名称'), input(), t('年度'), input(), t('考核表'), { value: 'cq-jiangbei-2025-hospital', style: 'body' }],
    [t('政策'), input(), t('保证金'), input(), t('总分'), f('=SUM(F6,F8)'), t('否决'), f('=COUNTIF(E8,"是")')],
    [],
    ['序号', '考核指标', '计分方法', '分值', '事实', '得分', '自评', '差异', '编号'].map((h) => t(h, 'header')),
    [
      t('1'),
      t('病历'),
      { value: '=每次扣1分', text: true, style: 'body' },
      { value: 5, style: 'body' },
      input(),
      f('=MAX(0,D6-E6-E7*10)'),
      input(),
      f('=G6-F6'),
      t('1.1'),
    ],
    [null, null, null, null, input('ratio'), null, null, null, t('1.2')],
    [t('2'), t('否决'), t('是否违规'), { value: 10, style: 'body' }, input(), f('=_xlfn.IFS(E8="是",0,TRUE,D8)'), input(), f('=G8-F8'), t('2.1')],
  ];
  return {
    name: '江北医院考核',
    rubricId: 'cq-jiangbei-2025-hospital',
    grid,
    columnCount: 9,
    columns: ['序号', '考核指标', '计分方法', '分值', '事实', '得分', '自评', '差异', '编号'].map((header, i) => ({
      header,
      width: i === 1 || i === 2 ? 30 : 10,
    })),
    rowHeights: { 1: 28, 6: 40, 7: 40 },
    styles: {
      title: { bold: true, fontSize: 14, horizontal: 'center' },
      header: { bold: true, fill: '#DDEBF7', border: true, wrap: true, horizontal: 'center' },
      body: { border: true, wrap: true, vertical: 'top' },
      input: { border: true, fill: '#FFF2CC', locked: false },
      ratio: { border: true, fill: '#FFF2CC', locked: false, numberFormat: '0%' },
      score: { border: true, numberFormat: '0.00' },
    },
    merges: ['A1:I1', 'A6:A7', 'B6:B7', 'C6:C7', 'D6:D7', 'F6:F7', 'G6:G7', 'H6:H7'],
    validations: [
      { range: 'E6', rule: { kind: 'wholeNumber', min: 0 }, prompt: '发现次数', error: '请输入不小于 0 的整数' },
      { range: 'E7', rule: { kind: 'decimal', min: 0, max: 1 }, prompt: '比例', error: '请输入 0%–100%' },
      {
        range: 'E8',
        rule: { kind: 'list', options: ['是', '否'] },
        title: '输入编号 2.1',
        prompt: '是否违规：填“是”或“否”；不填视为未发现，不否决',
        error: '请选择是或否',
      },
    ],
    conditionalFormats: [{ range: 'H6:H8', formula: '=AND(G6<>"",H6<>0)', style: { fill: '#FCE4D6' }, meaning: 'selfScoreDiffers' }],
    names: [
      { name: 'MIB_RUBRIC', ref: 'H2' },
      { name: 'MIB_IDS', ref: 'I6:I8' },
      { name: 'MIB_INPUTS', ref: 'E6:E8' },
      { name: 'MIB_TOTAL', ref: 'F3' },
    ],
    inputs: [
      { id: '1.1', itemNo: '1', address: 'E6', label: '发现次数' },
      { id: '1.2', itemNo: '1', address: 'E7', label: '比例' },
      { id: '2.1', itemNo: '2', address: 'E8', label: '是否违规' },
    ],
    items: [
      { itemNo: '1', firstRow: 6, lastRow: 7, clauses: ['E6', 'E7'], score: 'F6', deducted: 'F6', overCap: 'F6', selfScore: 'G6', difference: 'H6' },
      {
        itemNo: '2',
        firstRow: 8,
        lastRow: 8,
        clauses: ['E8'],
        score: 'F8',
        deducted: 'F8',
        overCap: 'F8',
        selfScore: 'G8',
        difference: 'H8',
        veto: 'H3',
      },
    ],
    fields: {
      institutionCode: 'B2',
      institutionName: 'D2',
      year: 'F2',
      policy: 'B3',
      deposit: 'D3',
      ownership: 'H2',
      total: 'F3',
      vetoCount: 'H3',
      invalidCount: 'B4',
      missingCount: 'D4',
      complete: 'F4',
    },
    printTitleRows: '$5:$5',
    print: {
      orientation: 'landscape',
      paper: 'A4',
      scale: 80,
      pageBreaks: [7],
      areas: ['A1:C9', 'D5:E9'],
      footer: '第 &P 页 共 &N 页',
      margins: { left: 0.3, right: 0.3, top: 0.5, bottom: 0.6, header: 0.2, footer: 0.25 },
    },
    protect: true,
    freezeRows: 5,
    ...overrides,
  };
}

/** The unlocked cells of the fixture: inputs, header inputs and self-scores (G7 lies under the G6:G7 merge). */
export const fixtureUnlocked = ['B2', 'D2', 'F2', 'B3', 'D3', 'E6', 'E7', 'E8', 'G6', 'G7', 'G8'];
