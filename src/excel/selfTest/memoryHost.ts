import type { MemoryWorkbook } from '../../sheet/memory/memoryWorkbook';
import type { FileStorePort } from '../../sheet/storedFiles/contract';
import type { SelfTestHost } from './types';

/**
 * The self-test on the in-memory workbook (the pane outside Excel, and the tests): the port and the file
 * store are the workbook's own; it keeps no names, validations, page layout or charts to read back and
 * computes no formulas, so those steps are skipped and say so; protection it enforces (a locked cell of a
 * protected sheet refuses a write, as Excel does).
 */
export function memorySelfTestHost(book: MemoryWorkbook, files: FileStorePort): SelfTestHost {
  return {
    port: book,
    files,
    info: async () => ({
      host: 'MemoryWorkbook',
      platform: typeof navigator === 'undefined' ? 'Node' : navigator.userAgent,
      version: '—',
      language: typeof navigator === 'undefined' ? '—' : navigator.language,
      sets: [],
    }),
    inspector: {
      cellValue: async (sheetName, address) => book.cell(sheetName, address).value,
    },
    computesFormulas: false,
    customFunctions: '演示模式没有 Excel 自定义函数 (no Excel custom functions outside Excel)',
    wait: () => Promise.resolve(),
  };
}
