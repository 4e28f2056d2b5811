import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkRubric, getRubric, rubricIds } from '../../src/core';

/** What each printed table says about itself: item count, table total, section totals, and the
 * contradictions inside the document that `mib check` must report as warnings (seeds/README.md). */
const printed: Record<string, { items: number; total: number; bonus: number; sections: Record<string, number>; warnings: string[] }> = {
  'cq-jiangbei-2025-hospital': { items: 24, total: 100, bonus: 0, sections: {}, warnings: [] },
  'cq-jiangbei-2025-pharmacy': { items: 16, total: 100, bonus: 0, sections: {}, warnings: [] },
  'weihai-2021-hospital-l2': {
    items: 46,
    total: 795,
    bonus: 60,
    sections: { 基础管理: 155, 服务管理: 155, 运行质量: 50, 基金监管: 330, 信息管理: 105 },
    // footer: 加分项65分 in 5 items; rows: D1 10 + D2 30 + D3 10 + D5 10 = 60 in 4 (no D4).
    // B3 满意度评价 prints 20 points but 满意度×10 + 好评率×4 reach 14.
    warnings: ['footer.bonusTotal', 'footer.categoryCounts.D', 'items.20.points'],
  },
  'weihai-2021-hospital-l1': {
    items: 44,
    total: 715,
    bonus: 60,
    sections: { 基础管理: 120, 服务管理: 135, 运行质量: 50, 基金监管: 330, 信息管理: 80 },
    // footer: A 7, B 10, C 9, D 5; rows: A 6, B 7, C 28 (no C20), D 3. B2 满意度评价: 20 printed, 14 reachable.
    warnings: ['footer.categoryCounts.A', 'footer.categoryCounts.B', 'footer.categoryCounts.C', 'footer.categoryCounts.D', 'items.19.points'],
  },
};

describe.each(Object.keys(printed))('%s against the printed table', (id) => {
  const expected = printed[id]!;
  it('is registered', () => {
    expect(rubricIds).toContain(id);
  });
  it('item count, table total and section totals equal the printed ones', () => {
    const rubric = getRubric(id);
    expect(rubric.items).toHaveLength(expected.items);
    const regular = rubric.items.filter((i) => !i.bonus).reduce((a, i) => a + (i.points ?? 0), 0);
    expect(regular).toBe(expected.total);
    expect(rubric.total).toBe(expected.total);
    const bonus = rubric.items.filter((i) => i.bonus).reduce((a, i) => a + (i.points ?? 0), 0);
    expect(bonus).toBe(expected.bonus);
    for (const [section, points] of Object.entries(expected.sections)) {
      expect(rubric.sections.find((s) => s.name === section)?.points).toBe(points);
      expect(rubric.items.filter((i) => i.section === section).reduce((a, i) => a + (i.points ?? 0), 0)).toBe(points);
    }
  });
  it('the validator finds no error and exactly the document’s own contradictions', () => {
    const report = checkRubric(getRubric(id));
    expect(report.errors).toEqual([]);
    expect(report.warnings.map((w) => w.field).sort()).toEqual([...expected.warnings].sort());
  });
  it('mib check prints the warnings and exits 0', () => {
    const r = spawnSync('node', ['bin/mib.js', 'check', `rubrics/${id}.json`], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`通过检查（${expected.warnings.length} 处警告）`);
    if (expected.warnings.length > 0) expect(r.stdout).toContain('警告 ');
  });
});
