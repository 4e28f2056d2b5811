// The readings print (issue 12 point 5): the template, exported to PDF by LibreOffice, carries each
// clause's reading in the 口径说明 column and the table's and policy's readings below the table, whole.
// (That the readings are not cut is test/sheet/printTemplate.test.ts's: a cut cell's text stays in the
// PDF's text layer, clipped, and runs over the next cell's lines.)
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getPolicy, getRubric, readingsOf } from '../../src/core';
import { planToXlsx } from '../../src/cli/xlsxTemplate';
import { planSheet } from '../../src/sheet/planSheet';
import { sofficeVersion } from '../support/sofficeRecalc';
import { pdfText, printToPdf, squash } from '../support/sofficePdf';

const dir = mkdtempSync(join(tmpdir(), 'mib-print-'));
const cases = [
  { rubricId: 'cq-jiangbei-2025-hospital', policyId: 'cq-jiangbei-2025' },
  { rubricId: 'weihai-2021-hospital-l1', policyId: 'jilin-2025' },
];
const printed = new Map<string, string>();

beforeAll(async () => {
  if (!sofficeVersion()) throw new Error('LibreOffice (soffice) is not installed: run .ci/run, or apt-get install libreoffice-calc-nogui');
  const files = [];
  for (const c of cases) {
    const file = join(dir, `${c.rubricId}.xlsx`);
    writeFileSync(file, await planToXlsx(planSheet(getRubric(c.rubricId), { policyId: c.policyId, convert: true })));
    files.push(file);
  }
  const pdfs = printToPdf(files, dir);
  cases.forEach((c, k) => printed.set(c.rubricId, squash(pdfText(pdfs[k]!))));
}, 180_000);

describe.each(cases)('$rubricId printed', ({ rubricId, policyId }) => {
  it('every reading of the table, its clauses and the policy is in the PDF, whole', () => {
    const text = printed.get(rubricId)!;
    const readings = readingsOf(getRubric(rubricId), { policy: getPolicy(policyId) });
    const missing = readings.filter((r) => !text.includes(squash(r.text))).map((r) => `${r.source} ${r.id ?? ''}: ${r.text.slice(0, 40)}`);
    expect(missing).toEqual([]);
    expect(text).toContain('口径说明');
  });
});
