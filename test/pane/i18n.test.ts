import { describe, expect, it } from 'vitest';
import { localeOf, messages, translator } from '../../src/taskpane/i18n';

describe('pane language', () => {
  it('has every message in both languages', () => {
    expect(Object.keys(messages['en-US']).sort()).toEqual(Object.keys(messages['zh-CN']).sort());
    for (const text of Object.values(messages['en-US'])) expect(text).not.toMatch(/[\u4e00-\u9fff]{3}/);
  });
  it('is Chinese unless Office or ?lang says English', () => {
    expect(localeOf(undefined, '')).toBe('zh-CN');
    expect(localeOf('zh-CN', '')).toBe('zh-CN');
    expect(localeOf('en-US', '')).toBe('en-US');
    expect(localeOf(undefined, '?lang=en')).toBe('en-US');
  });
  it('fills placeholders', () => {
    expect(translator('zh-CN')('summary', { total: 57, max: 100 })).toBe('总分 57 / 100');
  });
});
