// 计算's worker: the roster scored and its sheets planned away from the pane's thread (issue 21).
import { type ScoreRequest, scoreJob } from '../roster/scoreJob';
import { serve } from './host';

serve((request: ScoreRequest, answer) => {
  const scored = scoreJob(request, (done, total) => answer.progress('score', done, total));
  answer.progress('plan', 0, 1);
  const { institutions, ...rest } = scored.result;
  answer.parts('institutions', institutions);
  const sheets = scored.sheets.map((sheet, i) => {
    if (!sheet.body) return sheet;
    answer.parts(`body${i}`, sheet.body.rows);
    return { ...sheet, body: { ...sheet.body, rows: [] } };
  });
  return { ...scored, result: { ...rest, institutions: [] }, sheets };
});
