// The ExcelApi requirement set the manifest declares against every Excel API the code calls: found by the
// TypeScript checker (test/support/excelApiUses.ts), each member's set read from its declaration in
// @types/office-js ("[Api set: ExcelApi 1.9]", the reference's own note). A call beyond the declared set
// must sit in a function that first asks `excelApiSupported` for that version (Office's
// `context.requirements.isSetSupported`, learn.microsoft.com/office/dev/add-ins/develop/specify-api-requirements-runtime)
// and does without otherwise. Every host with SharedRuntime 1.1 has ExcelApi 1.9
// (learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets: ExcelApi 1.9 from
// Version 1903, SharedRuntime 1.1 from Version 2002 / Excel 2021).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { declaredSet, versionAtLeast } from '../../src/functions/metadata/runtime';
import { type ApiUse, excelApiUses } from '../support/excelApiUses';

let uses: ApiUse[];
const declared = declaredSet(readFileSync('manifest.xml', 'utf8'), 'ExcelApi');

beforeAll(() => {
  uses = excelApiUses(process.cwd(), ['src/excel', 'src/taskpane']);
}, 240_000);

/** The version a function's text asks for with excelApiSupported('1.x') (the highest, or null). */
function guardIn(text: string): string | null {
  const asked = [...text.matchAll(/excelApiSupported\('(\d+\.\d+)'\)/g)].map((m) => m[1]!);
  return asked.sort((a, b) => (versionAtLeast(a, b) ? 1 : -1)).at(-1) ?? null;
}

describe('ExcelApi requirement set', () => {
  it('the scan finds the calls it must (a scan that found nothing would pass anything)', () => {
    const apis = new Set(uses.map((use) => use.api));
    for (const api of [
      'Excel.Range.formulas',
      'Excel.Worksheet.protection',
      'Excel.Range.dataValidation',
      'Excel.PageLayout.zoom',
      'Excel.ChartCollection.add',
    ])
      expect(apis).toContain(api);
    // "1.1 for reading visibility; 1.2 for setting it": the higher version counts
    expect(uses.find((use) => use.api === 'Excel.Worksheet.visibility')?.set).toBe('1.2');
  });

  it('the manifest declares ExcelApi 1.9, and 1.9 is what the code needs: events on the worksheet collection have nothing older', () => {
    expect(declared).toBe('1.9');
    const highest = uses.filter((use) => guardIn(use.enclosing) === null).reduce((top, use) => (versionAtLeast(use.set, top) ? use.set : top), '1.1');
    expect(highest).toBe(declared);
    expect(uses.find((use) => use.api === 'Excel.WorksheetCollection.onChanged')?.set).toBe('1.9');
  });

  it('every call beyond the declared set is behind excelApiSupported for its version', () => {
    const beyond = uses.filter((use) => !versionAtLeast(declared!, use.set));
    const unguarded = beyond.filter((use) => {
      const guard = guardIn(use.enclosing);
      return guard === null || !versionAtLeast(guard, use.set);
    });
    expect(unguarded.map((use) => `${use.file}:${use.line} ${use.api} (ExcelApi ${use.set})`)).toEqual([]);
  });
});
