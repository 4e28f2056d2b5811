import * as z from 'zod';
import { parseOwnership } from '../core';

/** --ownership 公立|民营 (or public|private): the institution's ownership, which public-only clauses read. */
export const OwnershipArgSchema = z.string().transform((text, ctx) => {
  const parsed = parseOwnership(text);
  if (!parsed) {
    ctx.addIssue({ code: 'custom', message: `--ownership（机构性质）应为“公立”或“民营”，收到的是“${text.slice(0, 80)}”` });
    return z.NEVER;
  }
  return parsed;
});
