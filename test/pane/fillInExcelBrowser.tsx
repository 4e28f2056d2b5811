// Bundled by esbuild into the page of test/pane/fillInExcel.test.ts: the pane as it runs in Excel (the
// ExcelWorkbook port and ExcelFileStore) over the strict Office.js fake in its web mode, in Chromium.
import { createRoot } from 'react-dom/client';
import { getRubric } from '../../src/core';
import { ExcelFileStore } from '../../src/excel/storedFiles';
import { type ExcelRun, ExcelWorkbook } from '../../src/excel/workbook';
import { planSheet } from '../../src/sheet/planSheet';
import { App } from '../../src/taskpane/App';
import { fakeExcel } from '../excel/fakeExcel';

const excel = fakeExcel({ sheets: [{ name: 'Sheet1' }], mode: 'web' });
const run: ExcelRun = (batch) => batch(excel.context);
const port = new ExcelWorkbook({ run, replan: (rubricId, variant) => planSheet(getRubric(rubricId), { ...variant, convert: true }) });

const page = window as unknown as Record<string, unknown>;
/** makes the 江北 hospital sheet as 新建考核表 would in Excel, then shows the pane over it */
page.startPane = async (): Promise<string> => {
  const name = await port.createSheet(
    planSheet(getRubric('cq-jiangbei-2025-hospital'), {
      policyId: 'cq-jiangbei-2025',
      deposit: '100000',
      institutionName: '江北区示例医院',
      year: 2025,
      ownership: 'private',
      withAddinFunctions: true,
      convert: false,
    }),
  );
  createRoot(document.getElementById('root')!).render(
    <App session={Promise.resolve({ port, files: new ExcelFileStore(run), rejected: [] })} locale="zh-CN" />,
  );
  return name;
};
/** one input cell as Excel holds it, found by the fact's id on the sheet */
page.inputCell = async (sheet: string, id: string) => {
  const snapshot = await port.readSheet(sheet);
  const input = snapshot.inputs.find((i) => i.id === id)!;
  return { address: input.address, ...excel.cell(sheet, input.address) };
};
/** a clerk types into the sheet's own cell */
page.typeInSheet = async (sheet: string, id: string, text: string) => {
  const snapshot = await port.readSheet(sheet);
  await excel.typeAsUser(sheet, snapshot.inputs.find((i) => i.id === id)!.address, text);
};
