import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

// ExcelJS's workbook from its own module, without the streamed reader and writer the package's entry loads
// with it: 160 ms of CPU where the entry takes 380 (`mib template`). The same class: the entry
// (lib/exceljs.nodejs.js) re-exports this module.
const require = createRequire(import.meta.url);

/** ExcelJS's workbook (ExcelJS.Workbook), read and written whole: `mib template`. */
export const Workbook = require('exceljs/lib/doc/workbook.js') as typeof ExcelJS.Workbook;
