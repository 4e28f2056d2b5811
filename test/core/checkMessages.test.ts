// What `mib check` says to a rubric author who writes a wrong kind or leaves out a field only our own
// transcriptions need (issue 13, point 5).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFile, RubricSchema } from '../../src/core';

const jiangbei = () => JSON.parse(readFileSync('rubrics/cq-jiangbei-2025-hospital.json', 'utf8')) as Record<string, any>;
const jilin = () => JSON.parse(readFileSync('rubrics/policies/jilin-2025.json', 'utf8')) as Record<string, any>;

describe('a wrong kind lists the allowed kinds in Chinese', () => {
  it('a clause kind misspelt (江北 6 “发现一次扣1分” written as perOcurrence)', () => {
    const file = jiangbei();
    file.items[5].rules[0].kind = 'perOcurrence';
    const [error, ...rest] = checkFile(file).errors;
    expect(rest).toEqual([]);
    expect(error?.field).toBe('items.5.rules.0.kind');
    expect(error?.message).toContain('items.5.rules.0.kind：kind 应为以下之一：veto（否决项');
    expect(error?.message).toContain('perOccurrence（按次数扣分或得分，如 每次扣1分）');
    expect(error?.message).toContain('manual（由审核人直接给分）');
  });
  it('a refund tier kind misspelt (吉林 优 “全额返还” written as all)', () => {
    const file = jilin();
    file.grades[0].refund.kind = 'all';
    const [error] = checkFile(file).errors;
    expect(error?.field).toBe('grades.0.refund.kind');
    expect(error?.message).toContain('kind 应为以下之一：full（全额返还）；none（不予返还）；perPointBelow（');
  });
  it('a file kind missing says rubric or policy', () => {
    const file = jiangbei();
    delete file.kind;
    expect(checkFile(file).errors[0]?.message).toBe('文件须有 "kind": "rubric"（考核表）或 "kind": "policy"（等次与返还政策）');
  });
});

describe('fields only our transcriptions need are optional', () => {
  it('a rubric without seedFile and layout passes, its layout jiangbei', () => {
    const file = jiangbei();
    delete file.provenance.seedFile;
    delete file.layout;
    expect(checkFile(file).errors).toEqual([]);
    expect(RubricSchema.parse(file).layout).toBe('jiangbei');
  });
  it('a policy without seedFile passes', () => {
    const file = jilin();
    delete file.provenance.seedFile;
    expect(checkFile(file).errors).toEqual([]);
  });
  it('$comment is allowed on the file, an item, a clause and a grade', () => {
    const rubric = jiangbei();
    rubric.$comment = '说明';
    rubric.items[0].$comment = '说明';
    rubric.items[0].rules[0].$comment = '说明';
    expect(checkFile(rubric).errors).toEqual([]);
    const policy = jilin();
    policy.$comment = '说明';
    policy.grades[0].$comment = '说明';
    expect(checkFile(policy).errors).toEqual([]);
  });
});

describe('layout left to its default', () => {
  it('a table that prints codes (威海 二级) without layout is warned that the sheet would not show them', () => {
    const file = JSON.parse(readFileSync('rubrics/weihai-2021-hospital-l2.json', 'utf8')) as Record<string, any>;
    delete file.layout;
    const report = checkFile(file);
    expect(report.errors).toEqual([]);
    expect(report.warnings.filter((w) => w.field === 'layout').map((w) => w.message)).toEqual([
      'layout 未写，按 jiangbei 的列生成工作表，不显示类别代码、考核方法、考核科室、备注，而第1、2、3、4、5等项写了这些内容：要显示它们，写 "layout": "weihai"',
    ]);
  });
  it('江北 without layout is not warned: it prints no codes', () => {
    const file = jiangbei();
    delete file.layout;
    expect(checkFile(file).warnings.filter((w) => w.field === 'layout')).toEqual([]);
  });
});
