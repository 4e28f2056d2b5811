import { storedVersion } from '../storedFiles/load';
import type { AuditCheck } from './types';

/**
 * 考核表已更新: the sheet was made from another version of a region's own table than the one now stored
 * in the workbook (its 考核表版本 cell against the fingerprint in MIB_FILES). A blank cell (a sheet made
 * before versions were recorded, or a template written without one) cannot be told apart and is not
 * flagged.
 */
export const rubricChangedCheck: AuditCheck = ({ snapshot, rubric, plan }) => {
  const recorded = snapshot.rubricVersion === undefined ? '' : String(snapshot.rubricVersion).trim();
  const current = storedVersion('rubric', rubric.id);
  if (recorded === '' || current === undefined || recorded === current) return [];
  return [
    {
      kind: 'rubricChanged',
      address: plan.fields.rubricVersion ?? plan.fields.total,
      message: `考核表已更新：本表按旧版生成（版本 ${recorded}，现为 ${current}），请重新生成`,
      messageEn: `The table was updated: this sheet was made from version ${recorded} (now ${current}); create it again`,
    },
  ];
};
