// The table picker's option names: region, level, year and kind, so that the bundled tables (whose titles
// repeat "2021年定点医疗机构考核评分标准" and "2025年…协议签订考核表") never read alike.
import { describe, expect, it } from 'vitest';
import { bundledRubricIds, getRubric, levelOf, rubricLabel, rubricLabels, shortRegion } from '../../src/core';

describe('rubricLabel', () => {
  it('names each bundled table by region, level, year and kind', () => {
    expect(rubricLabel(getRubric('weihai-2021-hospital-l2'))).toBe('威海 二级及以上 2021 医疗机构');
    expect(rubricLabel(getRubric('weihai-2021-hospital-l1'))).toBe('威海 一级 2021 医疗机构'); // the title's brackets are half-width
    expect(rubricLabel(getRubric('cq-jiangbei-2025-hospital'))).toBe('江北 2025 医疗机构');
    expect(rubricLabel(getRubric('cq-jiangbei-2025-pharmacy'))).toBe('江北 2025 零售药店');
  });

  it('gives every bundled table a different label', () => {
    const labels = [...rubricLabels(bundledRubricIds.map(getRubric)).values()];
    expect(new Set(labels).size).toBe(bundledRubricIds.length);
    expect(labels.every((l) => !l.includes('（'))).toBe(true); // no id was needed to tell them apart
  });

  it('adds the id only where two tables would still read alike', () => {
    const base = { region: '某省某市', title: '2026年定点医疗机构考核表', year: 2026, institution: 'hospital' as const };
    const labels = rubricLabels([
      { ...base, id: 'a' },
      { ...base, id: 'b' },
      { ...base, id: 'c', institution: 'pharmacy' },
    ]);
    expect(labels.get('a')).toBe('某市 2026 医疗机构（a）');
    expect(labels.get('b')).toBe('某市 2026 医疗机构（b）');
    expect(labels.get('c')).toBe('某市 2026 零售药店');
  });

  it('shortens regions to the place they are known by', () => {
    expect(shortRegion('山东省威海市')).toBe('威海');
    expect(shortRegion('重庆市江北区')).toBe('江北');
    expect(shortRegion('吉林省')).toBe('吉林');
    expect(shortRegion('广西壮族自治区南宁市')).toBe('南宁');
    expect(levelOf('2021年定点医疗机构考核评分标准')).toBeUndefined();
  });
});
