import type { Problem } from '../messages/errors';

/** One problem a check reports: the field (a path into the file, as zod names it), in Chinese and English. */
export function problem(field: string, message: string, messageEn: string): Problem {
  return { field, message, messageEn };
}
