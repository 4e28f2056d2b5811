import type { Problem } from '../messages/errors';

/** The mark `mib new` puts in every text the author must replace with the document's own words. A file
 * still holding it is usable (so the author can try it at once), and `mib check` names each one left. */
export const PLACEHOLDER = '【待填】';

/** Every string of a parsed file that still holds the placeholder, by its path (items.0.method); the
 * $comment fields, which explain the file, are not looked in. */
export function placeholdersIn(json: unknown): Problem[] {
  const found: Problem[] = [];
  const walk = (value: unknown, path: string[]) => {
    if (typeof value === 'string') {
      if (value.includes(PLACEHOLDER)) {
        const field = path.join('.') || '(文件)';
        found.push({
          field,
          message: `${field}：仍是待填的占位文字“${value.length > 40 ? `${value.slice(0, 40)}…` : value}”，请照原文填写`,
          messageEn: `${field}: placeholder still to fill`,
        });
      }
    } else if (Array.isArray(value)) value.forEach((child, i) => walk(child, [...path, String(i)]));
    else if (typeof value === 'object' && value !== null)
      for (const [key, child] of Object.entries(value)) {
        // a $comment is the starting file's own instructions ("把每个“【待填】”换成通知原文"), no text of the document
        if (key.startsWith('$comment')) continue;
        walk(child, [...path, key]);
      }
  };
  walk(json, []);
  return found;
}
