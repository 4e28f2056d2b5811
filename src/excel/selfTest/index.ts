// 自检: the self-test an agency's IT runs in the Excel it deploys to (the pane's 更多 → 自检), and the
// tests run on the in-memory workbook. The logic works through the WorkbookPort, the FileStorePort and a
// SheetInspector; excelHost.ts and memoryHost.ts supply them.
export { runSelfTest, type SelfTestOptions } from './run';
export { reportText, statusCounts } from './report';
export { memorySelfTestHost } from './memoryHost';
export { SCRATCH_PREFIX } from './tables';
export { selfTestTranslator } from './text';
export type { HostInfo, SelfTestHost, SelfTestReport, SheetInspector, StepResult, StepStatus } from './types';
export { ADDIN_VERSION } from './version';
