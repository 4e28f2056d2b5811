// Values a person gave are echoed in messages ("收到的是 …") so they can find them; a pasted paragraph or
// a whole file must not flood the message. One limit for the core's messages and the command line's.
export const ECHO_LIMIT = 80;

/** `text` cut to about ECHO_LIMIT characters (never inside a character), "…" marking the cut. */
export function clipped(text: string, limit = ECHO_LIMIT): string {
  const chars = Array.from(text);
  return chars.length <= limit ? text : `${chars.slice(0, limit).join('')}…（共 ${chars.length} 个字符）`;
}
