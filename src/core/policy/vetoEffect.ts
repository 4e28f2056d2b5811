import { documentName } from '../files/rubricLabel';
import * as z from 'zod';
import { D, type Dec, fmt } from '../numbers/decimal';

/**
 * What a veto (否决项 / 一票否决 / 严重违规) does to the score the grade is read from:
 * - `fail`: the score stands, the grade falls to the veto grade (吉林 "考核一票否决");
 * - `setScore`: the score is set to a number (江北 "存在否决项得分为0分"), never above the institution's own;
 * - `capScore`: the score is at most a number (a score above it counts as it, a lower one stands).
 * Under every effect the grade is then the band the score gives, or the veto grade where that is worse. The
 * policy's veto is the one owner of a veto's consequence: a table's veto clause only says that one happened.
 */
export const vetoEffects = ['fail', 'setScore', 'capScore'] as const;
export type VetoEffect = (typeof vetoEffects)[number];

export const vetoShape = () => ({
  /** fail, setScore or capScore; absent in older files: setScore where `score` is given, fail otherwise */
  effect: z
    .enum(vetoEffects)
    .optional()
    .describe(
      '（可不填）否决的效果：fail（得分不变，等次降为 grade）、setScore（得分按 score 计，如 0 或 60）、capScore（得分最高按 score 计）；不填时有 score 即 setScore，否则 fail',
    ),
  /** the grade a veto leads to at best; required for `fail`, optional where the score decides (setScore, capScore) */
  grade: z.string().min(1).optional().describe('否决时的等次，须是 grades 中的一个 label；fail 必填，setScore/capScore 可不填（填了则等次不高于它）'),
  /** the score a veto sets (setScore) or caps at (capScore) */
  score: z.number().optional().describe('（setScore/capScore 必填）否决时得分改为或最高为多少，如 0、60'),
  text: z.string().min(1).describe('规定否决的原文'),
  /** what the veto itself brings, as the document says it; where present, a vetoed institution whose
   * score lies in a better band gets these instead of the veto grade band's own consequences (宁德:
   * "终止定点服务协议" is tied to scores under 70, a veto only to "按照医保服务协议相关规定进行严肃处理") */
  consequences: z.array(z.string()).optional().describe('（可不填）否决本身带来的后果，照原文'),
});

export interface Veto {
  effect?: VetoEffect | undefined;
  grade?: string | undefined;
  score?: number | undefined;
  text: string;
  consequences?: string[] | undefined;
}

/** The veto's effect, with the default older files rely on (江北's `score: 0` is setScore 0). */
export function vetoEffectOf(veto: Veto): VetoEffect {
  return veto.effect ?? (veto.score === undefined ? 'fail' : 'setScore');
}

/** The problems of a veto the schema itself refuses: a number for setScore/capScore, none for fail, and a
 * grade for fail (else the veto would change nothing). */
export function vetoProblems(veto: Veto): { path: string; message: string }[] {
  const effect = vetoEffectOf(veto);
  const problems: { path: string; message: string }[] = [];
  if (effect !== 'fail' && veto.score === undefined)
    problems.push({ path: 'score', message: `否决效果 ${effect} 需要 score（${effect === 'setScore' ? '得分按此分计' : '得分至多为此分'}）` });
  if (effect === 'fail' && veto.score !== undefined)
    problems.push({ path: 'score', message: '否决效果 fail 保留原得分，不能同时给出 score；要把得分设为某分请用 setScore，封顶请用 capScore' });
  if (effect === 'fail' && veto.grade === undefined) problems.push({ path: 'grade', message: '否决效果 fail 需要 grade（否决后的等次）' });
  return problems;
}

/** The score a veto leads to as the file writes it: set (setScore), held to at most a number (capScore),
 * kept (fail). Checks read it to find a file whose veto would be better than no veto. */
export function literalVetoScore(veto: Veto, score: Dec): Dec {
  const effect = vetoEffectOf(veto);
  if (effect === 'fail' || veto.score === undefined) return score;
  return effect === 'setScore' ? new D(veto.score) : D.min(score, veto.score);
}

/**
 * The score a veto leaves, and the trace line when it changes or caps the score. The one place a veto's
 * score is decided, for every face (mib score, the sheet's formulas, MIB.*, roster, pane): a table's own
 * veto clause only says that a veto happened. A veto is never better than no veto: the score is the lower
 * of the institution's own and the one the veto sets ("按60分计" does not lift a 10-point institution to 60),
 * so setScore and capScore give the same score, and applying it twice changes nothing.
 */
export function vetoedScore(veto: Veto, score: Dec): { score: Dec; line?: string } {
  const effect = vetoEffectOf(veto);
  if (effect === 'fail' || veto.score === undefined) return { score };
  if (effect === 'setScore') {
    if (score.gte(veto.score)) return { score: new D(veto.score), line: `${veto.text} → 得分按 ${fmt(veto.score)} 计` };
    return { score, line: `${veto.text} → 得分按 ${fmt(veto.score)} 计；本身得分 ${fmt(score)} 分更低，否决不得好于不否决，按 ${fmt(score)} 分计` };
  }
  if (score.lte(veto.score)) return { score, line: `${veto.text} → 得分至多按 ${fmt(veto.score)} 计，${fmt(score)} 分不变` };
  return { score: new D(veto.score), line: `${veto.text} → 得分至多按 ${fmt(veto.score)} 计：${fmt(score)} 分按 ${fmt(veto.score)} 分计` };
}

/** What a veto leads to, in a few words for messages (the grade, or what it does to the score). */
export function vetoOutcome(veto: Veto): { zh: string; en: string } {
  const effect = vetoEffectOf(veto);
  const grade = veto.grade === undefined ? '' : `，等次不高于${veto.grade}`;
  const gradeEn = veto.grade === undefined ? '' : `, grade at most ${veto.grade}`;
  if (effect === 'setScore') return { zh: `得分按${fmt(veto.score ?? 0)}分计${grade}`, en: `score counted as ${fmt(veto.score ?? 0)}${gradeEn}` };
  if (effect === 'capScore') return { zh: `得分至多按${fmt(veto.score ?? 0)}分计${grade}`, en: `score at most ${fmt(veto.score ?? 0)}${gradeEn}` };
  return { zh: veto.grade ?? '', en: veto.grade ?? '' };
}

/** What a veto found in a table does, in the words every face shows beside it: the policy's veto (its
 * text and what it leads to) where a policy grades; without one, the table's own "出现否决项得分为0"
 * (the only table-level effect a table file can state, `vetoEffect: "zero"`). */
export function vetoConsequence(policy?: { id: string; title: string; region: string; veto: Veto }): { zh: string; en: string } {
  if (!policy) return { zh: '出现否决项得分为0', en: 'the total is 0' };
  const outcome = vetoOutcome(policy.veto);
  const grade = vetoEffectOf(policy.veto) === 'fail' ? `等次为${outcome.zh}` : outcome.zh;
  return { zh: `按${documentName(policy)}：${policy.veto.text}，${grade}`, en: `under ${policy.id}: ${outcome.en}` };
}
