import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

// ExcelJS's streamed writer from its own module: the package's entry loads every part at once (the streamed
// reader too, with unzipper, saxes and fast-csv), 380 ms of CPU, where the writer alone takes 150 ms (a
// quarter of a `mib roster -o` of a few rows). The same class: the entry (lib/exceljs.nodejs.js) re-exports
// this module.
const require = createRequire(import.meta.url);

/** ExcelJS's streamed workbook writer (ExcelJS.stream.xlsx.WorkbookWriter): `mib roster -o`, `mib collect`. */
export const WorkbookWriter = require('exceljs/lib/stream/xlsx/workbook-writer.js') as typeof ExcelJS.stream.xlsx.WorkbookWriter;

/** ExcelJS's cell value types (ExcelJS.ValueType). */
export const ValueType = (require('exceljs/lib/doc/enums.js') as { ValueType: typeof ExcelJS.ValueType }).ValueType;
