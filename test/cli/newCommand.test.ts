// `mib new table|policy`: a starting file an agency member fills from the notice (issue 13, point 5).
import { describe, expect, it } from 'vitest';
import { checkFile, PLACEHOLDER } from '../../src/core';
import { mibWith } from '../support/mibRunner';

/** The placeholders a starting file holds in its fields: its $comment fields (instructions that name the
 * placeholder, "把每个“【待填】”换成…") left out, as mib check leaves them out. */
const placeholdersOutsideComments = (out: string) =>
  JSON.stringify(JSON.parse(out), (key, value: unknown) => (key.startsWith('$comment') ? undefined : value)).split(PLACEHOLDER).length - 1;

describe('mib new', () => {
  it('mib new table prints a rubric that mib check passes, naming every placeholder left to fill', () => {
    const { code, out } = mibWith({})('new', 'table');
    expect(code).toBe(0);
    const report = checkFile(JSON.parse(out));
    expect(report.kind).toBe('rubric');
    expect(report.errors).toEqual([]);
    const placeholders = report.warnings.filter((w) => w.message.includes('仍是待填的占位文字'));
    expect(placeholders.map((w) => w.field)).toContain('provenance.documentNumber');
    expect(placeholders.map((w) => w.field)).toContain('items.1.rules.0.text');
    // every placeholder in the fields is named, and nothing else is warned about
    expect(placeholders.length).toBe(placeholdersOutsideComments(out));
    expect(report.warnings.length).toBe(placeholders.length);
  });

  it('mib new policy prints a policy that mib check passes', () => {
    const { code, out } = mibWith({})('new', 'policy');
    expect(code).toBe(0);
    const report = checkFile(JSON.parse(out));
    expect(report.kind).toBe('policy');
    expect(report.errors).toEqual([]);
    expect(report.warnings.length).toBe(placeholdersOutsideComments(out));
    // the file's instructions name the placeholder, and are no field to fill (they were warned about)
    expect(out.split(PLACEHOLDER).length - 1).toBeGreaterThan(report.warnings.length);
    expect(report.warnings.map((w) => w.field).filter((field) => field.includes('$comment'))).toEqual([]);
  });

  it('the starting files explain themselves in $comment and point at the guide', () => {
    const { out } = mibWith({})('new', 'table');
    const table = JSON.parse(out) as { $comment: string; items: { $comment?: string }[] };
    expect(table.$comment).toContain('docs/编写考核表与政策.md');
    expect(table.items.every((item) => item.$comment !== undefined)).toBe(true);
  });

  it('once its placeholders are filled, the starting table passes with no warning', () => {
    const { out } = mibWith({})('new', 'table');
    const filled = out.replaceAll(PLACEHOLDER, '');
    expect(checkFile(JSON.parse(filled))).toMatchObject({ errors: [], warnings: [] });
  });

  it('-o writes the file, never over an existing one', () => {
    const mib = mibWith({ 'old.json': '{}' });
    const written = mib('new', 'policy', '-o', 'p.json');
    expect(written.code).toBe(0);
    expect(written.out).toBe(`已生成政策起始文件 p.json：把“${PLACEHOLDER}”换成通知原文，再运行 mib check p.json`);
    expect(checkFile(JSON.parse(written.files['p.json'] ?? '')).errors).toEqual([]);
    const refused = mib('new', 'table', '-o', 'old.json');
    expect(refused.code).toBe(2);
    expect(refused.err).toBe('错误：文件“old.json”已存在，未覆盖：请换一个文件名');
    expect(refused.files['old.json']).toBe('{}');
  });

  it('another word than table or policy is refused', () => {
    const { code, err } = mibWith({})('new', 'rubric');
    expect(code).toBe(2);
    expect(err).toBe('错误：mib new 后应写 table（考核表）或 policy（政策），收到的是“rubric”');
  });
});
