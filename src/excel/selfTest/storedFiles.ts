import { getRubric } from '../../core';
import { chunksOf } from '../../sheet/storedFiles/contract';
import { type SelfTestContext, attempt, failed, passed } from './step';
import type { StepResult } from './types';

/** The id the self-test stores its file under: no table has it, and it is removed at once. */
export const SELF_TEST_FILE_ID = 'mib-selftest';

/** Stores the 威海 二级 table's JSON (over 32,000 characters: several cells) in MIB_FILES under a
 * self-test id, reads it back, compares, removes it; and removes the MIB_FILES sheet if it made it. */
export function storedFilesStep(context: SelfTestContext): Promise<StepResult> {
  return attempt('storedFiles', undefined, async () => {
    const { files, inspector } = context.host;
    const hadSheet = inspector.hasFilesSheet ? await inspector.hasFilesSheet() : true;
    const text = JSON.stringify({ ...getRubric('weihai-2021-hospital-l2'), id: SELF_TEST_FILE_ID }, null, 2);
    try {
      const saved = await files.saveFile('rubric', SELF_TEST_FILE_ID, text);
      const read = await files.readFile('rubric', SELF_TEST_FILE_ID);
      if (!read || read.text !== text || read.version !== saved.version) {
        return failed(context.t('filesDiffer', { found: read?.text.length ?? 0, expected: text.length }));
      }
      return passed(context.t('filesSame', { chars: text.length, chunks: chunksOf(text).length }));
    } finally {
      await files.removeFile('rubric', SELF_TEST_FILE_ID).catch(() => false);
      if (!hadSheet && inspector.removeFilesSheet) await inspector.removeFilesSheet().catch(() => undefined);
    }
  });
}
