// Issue 23 deliver 4: a field left out says 缺少, never "取值应为以下之一" as if a value were wrong; the
// fields the guide lists as optional (refund.fractionalPoints, refund.ratioRounding) take the guide's
// defaults (docs/编写考核表与政策.md 第八节) when absent.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFile, PolicySchema, refundOf } from '../../src/core';
import { mibWith } from '../support/mibRunner';

const jilin = () => JSON.parse(readFileSync('rubrics/policies/jilin-2025.json', 'utf8')) as Record<string, any>;
const guide = readFileSync('docs/编写考核表与政策.md', 'utf8');

describe('refund.fractionalPoints and refund.ratioRounding, optional in the guide', () => {
  it('the guide lists both as 可不填 with their defaults', () => {
    expect(guide).toContain('`fractionalPoints`（可不填，默认 `"proportional"`）、`ratioRounding`（可不填，默认 `"none"`）');
    expect(guide).toContain('| `refund.fractionalPoints` | `"proportional"`');
    expect(guide).toContain('| `refund.ratioRounding` | `"none"`');
  });

  it('left out, the policy passes mib check and reads them as the guide’s defaults: 84.5 under 吉林 is 5.5 points below 90, 89% exactly', () => {
    const file = jilin();
    delete file.refund.fractionalPoints;
    delete file.refund.ratioRounding;
    expect(checkFile(file).errors).toEqual([]);
    const policy = PolicySchema.parse(file);
    expect(policy.refund).toMatchObject({ fractionalPoints: 'proportional', ratioRounding: 'none' });
    // 1 − 5.5 × 2% = 89%: 8900.00 of 10000
    expect(refundOf(policy, 84.5, 10000).amount.toFixed(2)).toBe('8900.00');
    // 84.3: 1 − 5.7 × 2% = 88.6%, not rounded (percent-2 would keep 88.60% too, fraction-2 0.89)
    expect(refundOf(policy, 84.3, 10000).ratio.toString()).toBe('0.886');
    const mib = mibWith({ 'p.json': JSON.stringify(file) });
    const checked = mib('check', 'p.json');
    expect(checked.code).toBe(0);
    expect(checked.err).not.toContain('取值应为以下之一');
  });

  it('a wrong value still says which values are allowed', () => {
    const file = jilin();
    file.refund.fractionalPoints = 'rounded';
    expect(checkFile(file).errors.map((e) => e.message)).toEqual(['refund.fractionalPoints：取值应为以下之一："proportional"、"whole"、"started"']);
  });
});

describe('a required field left out says 缺少', () => {
  it('downgrade.refundFollows (required): 缺少此字段, with the values it takes', () => {
    const file = jilin();
    delete file.downgrade.refundFollows;
    expect(checkFile(file).errors.map((e) => e.message)).toEqual(['downgrade.refundFollows：缺少此字段（取值应为以下之一："grade"、"score"）']);
  });

  it('a text field left out says 缺少; one of the wrong type says 类型不对', () => {
    const file = jilin();
    delete file.title;
    expect(checkFile(file).errors.map((e) => e.message)).toEqual(['title：缺少此字段（应为 文本（字符串））']);
    file.title = 2025;
    expect(checkFile(file).errors.map((e) => e.message)).toEqual(['title：类型不对：应为 文本（字符串）']);
  });

  it('mib check prints the 缺少 line for a veto without its text', () => {
    const file = jilin();
    delete file.veto.text;
    const checked = mibWith({ 'p.json': JSON.stringify(file) })('check', 'p.json');
    expect(checked.code).not.toBe(0);
    expect(checked.err).toContain('错误 veto.text：缺少此字段（应为 文本（字符串））');
  });
});
