// 公示名单 and 通报 (issue 22): the twelve hospitals of test/support/publishRoster.ts under 吉林’s policy, the
// expected list worked by hand from the policy's text (seed 003, 第九条–第十条):
//   优 ≥ 90: "年度清算时全额退还质量保证金"; 良 80–90: "较 90 分每低 1 分扣除质量保证金 2%";
//   合格 70–80: "每低 1 分扣除 2.5%"; 基本合格 60–70: "每低 1 分扣除 3%"; 不合格 < 60 or 一票否决: "扣除全部质量保证金".
import { describe, expect, it } from 'vitest';
import { bulletin, D, findingLines, publicList, rosterFindings } from '../../../src/core';
import { EXPECTED_BULLETIN, EXPECTED_LIST, publishPolicy, publishRoster, publishRubric } from '../../support/publishRoster';

describe('公示名单 and 通报 of twelve hospitals under 吉林', () => {
  it('lists them in grade order, then by score, with what follows for each in the policy’s words', () => {
    const list = publicList(publishRoster(), publishPolicy()).map((row) => [
      row.no,
      row.name,
      row.level,
      row.score.toNumber(),
      row.grade,
      row.outcome,
    ]);
    expect(list).toEqual(EXPECTED_LIST);
  });

  it('orders scores that differ past a double’s digits by their decimals, and equal scores by code', () => {
    const result = publishRoster();
    const [h01, h11, h02] = result.institutions.filter((row) => row.grade === '优');
    // 92 and 92 + 10⁻²⁰ are one double; the higher comes first even when listed last
    const at = (row: typeof h01, total: string, code: string) => ({ ...row!, total: new D(total), institution: { ...row!.institution, code } });
    const list = publicList(
      { ...result, institutions: [at(h01, '92', 'B'), at(h11, '92', 'A'), at(h02, '92.00000000000000000001', 'C')] },
      publishPolicy(),
    );
    expect(list.map((row) => row.code)).toEqual(['C', 'A', 'B']);
  });

  it('says the counts per grade, the veto and the deposits returned, kept and waiting in one paragraph', () => {
    expect(bulletin(publishRoster())).toBe(EXPECTED_BULLETIN);
  });

  it('finds the deduction beyond 第6项’s points (naming the item), the veto, the invalid fact', () => {
    const findings = rosterFindings(publishRoster(), publishRubric());
    expect(findings.overCap.map((item) => [item.label, item.institutions.map((i) => [i.code, i.points.toNumber()])])).toEqual([
      ['第6项', [['H06', 2]]],
    ]);
    expect(findings.vetoes).toEqual([{ code: 'H08', name: 'H08医院', items: ['第1项'] }]);
    expect(findings.invalid).toEqual([{ code: 'H10', name: 'H10医院', count: 1 }]);
    // blanks confirmed final (--complete) are no finding; H10's grade is not final, so its blanks are
    expect(findings.missing.map((row) => row.code)).toEqual(['H10']);
    expect(findingLines(findings).slice(0, 2)).toEqual([
      '超出单项分值扣分：1 项、1 家次（第6项 参保群众的就医购药是否服务到位：H06医院 超出 2 分）',
      '否决项：1 家（H08医院 第1项）',
    ]);
  });

  it('names an institution whose name is blank by its code in the findings’ lines', () => {
    const result = publishRoster();
    // the rows whose 机构名称 cell was blank: flagged, still scored, and their findings must say whose they are
    const nameless = result.institutions.map((row) => ({ ...row, institution: { ...row.institution, name: '' } }));
    const lines = findingLines(rosterFindings({ ...result, institutions: nameless }, publishRubric()));
    expect(lines.slice(0, 2)).toEqual([
      '超出单项分值扣分：1 项、1 家次（第6项 参保群众的就医购药是否服务到位：H06 超出 2 分）',
      '否决项：1 家（H08 第1项）',
    ]);
    expect(lines.find((line) => line.startsWith('填报无效'))).toBe('填报无效：1 家、1 项（H10）');
  });

  it('counts a self-score beyond 5% of the table’s points from the table’s total, and no other', () => {
    const result = publishRoster();
    const rubric = publishRubric();
    const [first, second] = result.institutions;
    // 97 on the table; 103 is 6 off (over 5), 101 is 4 off
    const gapped = {
      ...result,
      institutions: [
        {
          ...first!,
          institution: { ...first!.institution, selfScore: first!.total.plus(6) },
          selfDifference: first!.total.plus(6).minus(first!.total),
        },
        {
          ...second!,
          institution: { ...second!.institution, selfScore: second!.total.plus(4) },
          selfDifference: second!.total.plus(4).minus(second!.total),
        },
      ],
    };
    const findings = rosterFindings(gapped, rubric);
    expect(findings.selfGapThreshold.toNumber()).toBe(5);
    expect(findings.selfGaps.map((gap) => [gap.code, gap.difference.toNumber()])).toEqual([['H01', 6]]);
  });
});
