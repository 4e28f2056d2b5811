// A band's or choice's options become an in-cell list whose inline source Excel reads as "a comma-separated"
// list of at most 255 characters (learn.microsoft.com/javascript/api/excel/excel.listdatavalidation#excel-excel-listdatavalidation-source-member):
// `mib check` refuses an option holding "," and options too long together, naming the field.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../src/core';

const weihai = () => JSON.parse(readFileSync('rubrics/weihai-2021-hospital-l1.json', 'utf8')) as Record<string, any>;

/** [item index, rule index] of the first choice clause */
function firstChoice(file: Record<string, any>): [number, number] {
  for (const [i, item] of (file.items as any[]).entries()) {
    const k = (item.rules as any[]).findIndex((rule) => rule.kind === 'choice');
    if (k >= 0) return [i, k];
  }
  throw new Error('no choice');
}

describe('choice and band options fit an inline list', () => {
  it('the bundled options pass (full-width commas inside an option are fine)', () => {
    expect(checkFile(weihai()).errors).toEqual([]);
  });
  it('an option with an ASCII comma is refused, naming the field', () => {
    const file = weihai();
    const [i, k] = firstChoice(file);
    file.items[i].rules[k].input.options[0] = '优秀（排名前20%, 得分100）';
    const [error] = checkFile(file).errors;
    expect(error?.field).toBe(`items.${i}.rules.${k}.input.options.0`);
    expect(error?.message).toContain('选项不能含英文逗号');
  });
  it('options over 255 characters together are refused; exactly 255 pass', () => {
    const file = weihai();
    const [i, k] = firstChoice(file);
    const options = file.items[i].rules[k].input.options as string[];
    const room = 255 - options.join(',').length;
    options[0] = options[0] + '长'.repeat(room);
    expect(checkFile(file).errors).toEqual([]);
    options[0] = options[0] + '长';
    const [error] = checkFile(file).errors;
    expect(error?.field).toBe(`items.${i}.rules.${k}.input.options`);
    expect(error?.message).toContain('不能超过 255 个字符');
  });
});
