import { selfTestTranslator } from './text';
import type { SelfTestReport, StepStatus } from './types';

/** How many steps ended each way. */
export function statusCounts(report: SelfTestReport): Record<StepStatus, number> {
  const counts: Record<StepStatus, number> = { passed: 0, failed: 0, skipped: 0 };
  for (const step of report.steps) counts[step.status]++;
  return counts;
}

/** The API sets as one line per set name: "ExcelApi: 1.1–1.17 ✓, 1.18 ✗". */
function setLines(report: SelfTestReport): string[] {
  const byName = new Map<string, { version: string; supported: boolean }[]>();
  for (const set of report.info.sets) byName.set(set.name, [...(byName.get(set.name) ?? []), set]);
  return [...byName].map(([name, versions]) => {
    const yes = versions.filter((v) => v.supported).map((v) => v.version);
    const no = versions.filter((v) => !v.supported).map((v) => v.version);
    const span = (list: string[]) => (list.length === 0 ? '' : list.length === 1 ? list[0]! : `${list[0]}–${list.at(-1)}`);
    return `  ${name}: ${[yes.length > 0 ? `${span(yes)} ✓` : '', no.length > 0 ? `${no.join(', ')} ✗` : ''].filter(Boolean).join('; ')}`;
  });
}

/**
 * The report as plain text to copy into a mail or a ticket: who ran where (host, platform, version,
 * language, the API sets Office says it supports), the tally, then one line per step, a failed step with
 * Excel's own error code and message. The format is shown in the README (自检).
 */
export function reportText(report: SelfTestReport, locale: 'zh-CN' | 'en-US'): string {
  const t = selfTestTranslator(locale);
  const counts = statusCounts(report);
  const { info } = report;
  const lines = [
    t('title'),
    `${t('started')}: ${report.startedAt}`,
    `${t('addin')}: ${report.addinVersion}`,
    `${t('host')}: ${info.host}`,
    `${t('platform')}: ${info.platform}`,
    `${t('version')}: ${info.version}`,
    `${t('language')}: ${info.language}`,
    `${t('sets')}:${info.sets.length === 0 ? ` ${t('setsNone')}` : ''}`,
    ...setLines(report),
    t('summary', counts),
    '',
    ...report.steps.map((step) => {
      const head = `[${t(step.status)}] ${t(`step_${step.step}`)}${step.subject ? ` (${step.subject})` : ''}`;
      const error =
        step.message === undefined
          ? ''
          : step.code !== undefined
            ? t('errorCode', { code: step.code, message: step.message })
            : t('errorMessage', { message: step.message });
      return [head, step.detail, error].filter(Boolean).join(' — ');
    }),
  ];
  return lines.join('\n');
}
