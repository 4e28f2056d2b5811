import { hasPublicOnlyClauses, type Ownership, ownershipLabels } from '../scoring/applicability';
import { clausesWithin } from '../checks/clauses';
import { definitionOf, type Rule } from '../rules';
import { EXTRA_WITHHOLDING_READING } from '../policy/extraWithholding';
import { unstatedReadings } from '../policy/unstated';
import { rosterRuleSheetReading } from '../policy/rosterRules';
import type { Policy } from '../policy/schema';
import type { Rubric } from '../files/schema';

/** How a table or policy was read where its text allows more than one answer (口径说明): the rubric's
 * notes and named options, each clause's note, the policy's notes and refund choices. */
export interface Reading {
  source: 'rubric' | 'clause' | 'policy';
  /** the clause's input ids ("19.2"; several ids joined by 、 when clauses share one note), or the
   * option's name (partialSteps, unpricedClauses, ownership, refund) */
  id?: string;
  /** 序号 of the item a clause reading belongs to */
  itemNo?: string;
  text: string;
}

export interface ReadingsOptions {
  policy?: Policy;
  /** the institution's ownership where known: the ownership reading then says which way it went */
  ownership?: Ownership;
  /** a roster's institutions by ownership (blank counted apart): the ownership reading says how many went each way */
  ownershipCounts?: Record<Ownership | 'unknown', number>;
}

const UNKNOWN_OWNERSHIP = '机构性质（公立/民营）未填写，按公立计并列为未填写的事实';

function ownershipWho(options: ReadingsOptions): string {
  const counts = options.ownershipCounts;
  if (counts) {
    const known = `本名单${ownershipLabels.public} ${counts.public} 家、${ownershipLabels.private} ${counts.private} 家`;
    return counts.unknown > 0 ? `${known}；${counts.unknown} 家${UNKNOWN_OWNERSHIP}` : known;
  }
  return options.ownership ? `本机构为${ownershipLabels[options.ownership]}` : UNKNOWN_OWNERSHIP;
}

/** The readings a clause's row carries on the sheet: its note, and the rule's scope where it has one. */
export function clauseReadingText(rule: { note?: string; appliesTo?: { text: string }; unpriced?: true }, rubric: Rubric): string | undefined {
  const parts: string[] = [];
  if (rule.note) parts.push(rule.note);
  if (rule.appliesTo) parts.push(`只适用于公立医疗机构（“${rule.appliesTo.text}”）：民营机构本条不适用。`);
  if (rule.unpriced)
    parts.push(rubric.unpricedClauses === 'record' ? '（原文未写分值，本表只记录、不扣分）' : '（原文未写分值，本表按经办机构的决定计分）');
  return parts.length > 0 ? parts.join('') : undefined;
}

/** The readings of a table's clause and of every clause written inside it, at any depth (威海 A6's two
 * methods each carry a note), each with the clause's own input ids: the one walk behind readingsOf and
 * the sheet's 口径说明 column. A clause inside another gives its note; scope and 未写分值 are the outer
 * clause's, as evaluate applies them. */
export function clauseReadings(rule: Rule, rubric: Rubric): { ids: string[]; text: string }[] {
  return clausesWithin(rule).flatMap(({ rule: clause, path }) => {
    const text = path === '' ? clauseReadingText(clause, rubric) : clause.note;
    return text ? [{ ids: idsOf([clause]), text }] : [];
  });
}

/** Every reading that bears on a result, in the order a reviewer reads the table: the rubric's notes
 * and options, then each clause's note in table order (one entry per distinct note of an item), then
 * the policy's. One list for `mib score`, the sheet and the pane. */
export function readingsOf(rubric: Rubric, options: ReadingsOptions = {}): Reading[] {
  const out: Reading[] = (rubric.notes ?? []).map((text) => ({ source: 'rubric', text }));
  out.push({
    source: 'rubric',
    id: 'partialSteps',
    text:
      rubric.partialSteps === 'proportional'
        ? '“每高于1个百分点”“每少10%”等按步计分的条款，不足一步的部分按比例计。'
        : '“每高于1个百分点”“每少10%”等按步计分的条款只计整步，不足一步的部分不计。',
  });
  // a clause's scope and options are applied to the table's clauses (evaluate, effectiveRule); notes are
  // read at any depth below (a 按高分计算 clause's methods carry notes of their own: 威海 A6)
  const clauses = rubric.items.flatMap((item) => item.rules);
  const unpriced = idsOf(clauses.filter((r) => r.unpriced));
  if (unpriced.length > 0) {
    out.push({
      source: 'rubric',
      id: 'unpricedClauses',
      text:
        rubric.unpricedClauses === 'record'
          ? `原文未写分值的条款（${unpriced.join('、')}）只记录、不扣分（默认读法）；经办机构如决定按同项条款计分，请在考核表文件中写明。`
          : `原文未写分值的条款（${unpriced.join('、')}）按经办机构的决定，照该条说明计分。`,
    });
  }
  const bounds = clauses.flatMap((r) => (r.kind === 'threshold' && r.otherReading ? [r.input.id] : []));
  if (bounds.length > 0) {
    out.push({
      source: 'rubric',
      id: 'boundaryReading',
      text:
        rubric.boundaryReading === 'method'
          ? `指标释义与计分方法界限不同的条款（${bounds.join('、')}）按计分方法计（默认读法）；如需按指标释义计，请在考核表文件中写明。`
          : `指标释义与计分方法界限不同的条款（${bounds.join('、')}）按指标释义计。`,
    });
  }
  if (hasPublicOnlyClauses(rubric)) {
    const ids = idsOf(clauses.filter((r) => r.appliesTo));
    const who = ownershipWho(options);
    out.push({
      source: 'rubric',
      id: 'ownership',
      text: `只适用于公立医疗机构的条款（${ids.join('、')}）对民营机构不适用：不扣分、不要求填写；得分条款按满分计。${who}。`,
    });
  }
  for (const item of rubric.items) {
    const byText = new Map<string, string[]>();
    for (const { ids, text } of item.rules.flatMap((r) => clauseReadings(r, rubric))) byText.set(text, [...(byText.get(text) ?? []), ...ids]);
    for (const [text, ids] of byText) out.push({ source: 'clause', id: ids.join('、'), itemNo: item.no, text });
  }
  const policy = options.policy;
  if (policy) {
    for (const text of policy.notes ?? []) out.push({ source: 'policy', text });
    if (policy.refund?.text) out.push({ source: 'policy', id: 'refund', text: policy.refund.text });
    if (policy.extraWithholding) out.push({ source: 'policy', id: 'extraWithholding', text: EXTRA_WITHHOLDING_READING });
    for (const text of unstatedReadings(policy.grades)) out.push({ source: 'policy', id: 'grades', text });
    for (const rule of policy.rosterRules ?? []) out.push({ source: 'policy', id: 'rosterRules', text: rosterRuleSheetReading(rule) });
  }
  return out;
}

/** The input ids of clauses, each once, in order (a clause inside another shares its inputs). */
function idsOf(rules: Rule[]): string[] {
  return [
    ...new Set(
      rules.flatMap((r) =>
        definitionOf(r)
          .inputs(r)
          .map((s) => s.id),
      ),
    ),
  ];
}

/** What a table's or policy's reading is about, in the document's words: the option names and other
 * ids stay in --json (Reading.id); what a person reads names the subject (按步计分, 否决, …). */
const READING_SUBJECTS: Record<string, string> = {
  partialSteps: '按步计分',
  unpricedClauses: '未写分值的条款',
  boundaryReading: '界限的读法',
  ownership: '公立/民营',
  refund: '保证金返还',
  extraWithholding: '另行扣减',
  veto: '否决',
  downgradeRefund: '降档与返还',
  scale: '分制',
};

/** The reading's subject as a person reads it: a clause's input ids (the table's own numbering), or the
 * subject of a table's or policy's reading; nothing for a note of the whole file or an unknown id. */
export function readingSubject(reading: Reading): string {
  if (reading.source === 'clause') return reading.id ?? '';
  return (reading.id && READING_SUBJECTS[reading.id]) || '';
}

/** A reading as one printed line: 【where subject】text. */
export function readingLine(reading: Reading): string {
  const subject = readingSubject(reading);
  const where =
    reading.source === 'clause'
      ? `第${reading.itemNo}项 ${subject}`
      : `${reading.source === 'policy' ? '政策' : '考核表'}${subject ? ` ${subject}` : ''}`;
  return `【${where}】${reading.text}`;
}
