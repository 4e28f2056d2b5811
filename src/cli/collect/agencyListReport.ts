import { clipped } from '../../core';
import type { AgencyList } from '../../sheet/collect';

/** How many names a text line lists before "等 N 家". */
const LISTED = 20;

const some = (names: string[]) => `${names.slice(0, LISTED).join('、')}${names.length > LISTED ? ` 等 ${names.length} 家` : ''}`;

/** The text report's lines on the agency's list (--roster): who sent nothing, the sheets not on it, and
 * the list's own problems. */
export function agencyListReport(list: AgencyList): string[] {
  const lines: string[] = [];
  const unsubmitted = list.unsubmitted.map(({ code, name }) => `${code} ${name}`);
  lines.push(
    unsubmitted.length === 0
      ? `机构名单“${clipped(list.source)}”中的机构都已报送`
      : `机构名单“${clipped(list.source)}”中有 ${unsubmitted.length} 家未报送：${some(unsubmitted)}`,
  );
  const notOnList = list.notOnList.map(({ code, place }) => (code === '' ? `${place}（未填机构编码）` : `${code}（${place}）`));
  if (notOnList.length > 0) lines.push(`${notOnList.length} 份考核表的机构编码不在机构名单中：${some(notOnList)}`);
  for (const problem of list.problems) lines.push(`机构名单：${problem}`);
  return lines;
}

/** Why a file could not be written, in Chinese (never the system's English, "EACCES: permission denied"). */
export function whyUnwritable(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return '所在文件夹不存在';
  if (code === 'EACCES' || code === 'EPERM') return '没有写入权限';
  if (code === 'EISDIR') return '这是一个文件夹';
  if (code === 'EBUSY') return '文件正被其他程序（如 Excel）打开，请关闭后再试';
  if (code === 'ENOSPC') return '磁盘空间不足';
  return '请检查路径和权限';
}
