import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

// ExcelJS's streamed writer and its cell types alone, from their own modules: the package's entry loads its
// whole reader too (unzipper, saxes, fast-csv), 380 ms of CPU where these take 150 — a quarter of a
// `mib roster -o` of a few rows. The same classes: the entry (lib/exceljs.nodejs.js) re-exports these modules.
const require = createRequire(import.meta.url);

/** ExcelJS's streamed workbook writer (ExcelJS.stream.xlsx.WorkbookWriter). */
export const WorkbookWriter = require('exceljs/lib/stream/xlsx/workbook-writer.js') as typeof ExcelJS.stream.xlsx.WorkbookWriter;

/** ExcelJS's cell value types (ExcelJS.ValueType). */
export const ValueType = (require('exceljs/lib/doc/enums.js') as { ValueType: typeof ExcelJS.ValueType }).ValueType;
