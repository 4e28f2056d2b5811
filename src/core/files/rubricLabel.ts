import type { Rubric } from './schema';

/** The institution kinds as a short option label says them. */
const KIND_NAMES: Record<Rubric['institution'], string> = { hospital: '医疗机构', pharmacy: '零售药店' };

/** The place a region is known by: its last unit without the unit's word (山东省威海市 → 威海,
 * 重庆市江北区 → 江北, 吉林省 → 吉林); a name that is nothing but units stays whole. */
export function shortRegion(region: string): string {
  const units = region.match(/.+?(?:自治区|自治州|特别行政区|省|市|区|县|州|盟|旗)/g);
  const last = units?.at(-1) ?? region;
  const bare = last.replace(/(?:自治区|自治州|特别行政区|省|市|区|县|州|盟|旗)$/, '');
  return bare.length >= 2 ? bare : last;
}

/** The level a title names in its closing brackets: （二级及以上） / (一级) → 二级及以上 / 一级. */
export function levelOf(title: string): string | undefined {
  return /[（(]([^（()）]+)[）)]\s*$/.exec(title)?.[1]?.trim() || undefined;
}

/**
 * A table's name in a list, short enough for a 350 px pane and telling tables apart where their titles
 * look alike: region, level, year and institution kind (威海 二级及以上 2021 医疗机构). Used by the pane's
 * table picker; the full title stays in the rubric.
 */
export function rubricLabel(
  rubric: Pick<Rubric, 'region' | 'title' | 'year' | 'institution'>,
  kindNames: Record<Rubric['institution'], string> = KIND_NAMES,
): string {
  return [shortRegion(rubric.region), levelOf(rubric.title), String(rubric.year), kindNames[rubric.institution]].filter(Boolean).join(' ');
}

/** Every table's label, those that would still read alike (a region's own file beside a bundled one)
 * followed by their id, so no two options look the same. */
export function rubricLabels(
  rubrics: readonly Pick<Rubric, 'id' | 'region' | 'title' | 'year' | 'institution'>[],
  kindNames?: Record<Rubric['institution'], string>,
): Map<string, string> {
  const plain = rubrics.map((r) => [r.id, rubricLabel(r, kindNames)] as const);
  const seen = new Map<string, number>();
  for (const [, label] of plain) seen.set(label, (seen.get(label) ?? 0) + 1);
  return new Map(plain.map(([id, label]) => [id, (seen.get(label) ?? 0) > 1 ? `${label}（${id}）` : label]));
}

/** A table's or policy's name as a person reads it in a sentence: its title, led by its region where
 * the title does not name it (江北's tables are titled 2025年定点医疗机构协议签订考核表). Never the id,
 * which is for files, commands and --json. */
export function documentName(doc: { region: string; title: string }): string {
  return doc.title.includes(shortRegion(doc.region)) ? doc.title : `${doc.region}${doc.title}`;
}

/** The text prints no document number (威海: 原文未载文号). */
const unnumbered = (p: { documentNumber: string }) => /未载|未署|无文号/.test(p.documentNumber);

/** Where a table comes from, as the text says it: the document number and attachment where one is
 * printed (江医保中心发〔2024〕16号 附件2); where the text prints none (威海), only that, without the
 * attachment's name after it, which would read as a number's title. */
export function sourceText(p: { documentNumber: string; attachment?: string | undefined }): string {
  return unnumbered(p) ? '原文未载文号' : [p.documentNumber, p.attachment].filter(Boolean).join(' ');
}

/** The whole source line a reader sees under a table: issuer, the source (sourceText) and the title. */
export function provenanceText(p: { issuer: string; documentNumber: string; attachment?: string | undefined; title: string }): string {
  return unnumbered(p) ? `${p.issuer}《${p.title}》（原文未载文号）` : `${p.issuer} ${sourceText(p)}《${p.title}》`;
}
